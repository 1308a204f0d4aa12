import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListBadge } from '../api/types';

const KIND_COLORS: Record<ListBadge, string> = { red: 'red', black: '#262626', watch: 'gold' };

/** 黑名单 / 红名单 / 重点关注名单 as a tag. */
export function ListKindTag({ kind }: { kind: ListBadge }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} variant={kind === 'black' ? 'solid' : undefined} data-kind={kind}>
      {t(`lists.kind.${kind}`)}
    </Tag>
  );
}

/** 异议处理中: an objection against the entry is being verified (the entry is suspended, not ended). */
export function ObjectionTag() {
  const { t } = useTranslation();
  return (
    <Tag color="orange" data-objection="true">
      {t('lists.underObjection')}
    </Tag>
  );
}
