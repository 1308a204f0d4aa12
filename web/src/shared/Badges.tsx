import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListBadge } from '../api/types';

const COLORS: Record<ListBadge, string> = { red: 'red', black: '#262626', watch: 'orange' };

/** 红名单 / 黑名单 / 重点关注 tags of a subject. */
export function Badges({ badges }: { badges: readonly ListBadge[] }) {
  const { t } = useTranslation();
  return (
    <>
      {badges.map((badge) => (
        <Tag key={badge} color={COLORS[badge]} data-badge={badge}>
          {t(`badge.${badge}`)}
        </Tag>
      ))}
    </>
  );
}
