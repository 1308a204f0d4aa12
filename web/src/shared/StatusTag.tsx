import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../api/types';

/** 存续 green; 吊销 and 撤销 red; 注销 grey; the rest as a warning or plain. */
const LOOKS: Record<RegistrationStatus, { key: string; color?: string }> = {
  存续: { key: 'active', color: 'green' },
  吊销: { key: 'revoked', color: 'red' },
  撤销: { key: 'annulled', color: 'red' },
  注销: { key: 'deregistered', color: 'default' },
  迁出: { key: 'movedOut', color: 'blue' },
  停业: { key: 'suspended', color: 'orange' },
  歇业: { key: 'dormant', color: 'orange' },
  其他: { key: 'other' },
};

/** A subject's registration status (登记状态) as a coloured tag; nothing when it has none. */
export function StatusTag({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  const look = LOOKS[status as RegistrationStatus] ?? LOOKS['其他'];
  return (
    <Tag color={look.color} data-status={status}>
      {t(`registrationStatus.${look.key}`)}
    </Tag>
  );
}
