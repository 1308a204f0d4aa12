import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Commitment, CommitmentOptions, CommitmentSummary } from '../../../src/commitments/schemas.js';
import { formatDate } from './format';

export type { Commitment, CommitmentOptions, CommitmentSummary };
export type CommitmentStatus = CommitmentSummary['status'];
export type CommitmentType = CommitmentSummary['type'];

export const COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['signed', 'kept', 'broken', 'revoked'];
export const COMMITMENT_TYPES: readonly CommitmentType[] = ['approval_substitute', 'tolerance', 'voluntary', 'industry', 'repair'];
export const COMMITMENT_MAX_BYTES = 10 * 1024 * 1024;
export const COMMITMENT_FILE_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'];

const STATUS_COLORS: Record<CommitmentStatus, string> = { signed: 'blue', kept: 'green', broken: 'red', revoked: 'default' };

/** 履约状态 as a coloured tag. */
export function CommitmentStatusTag({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-commitment-status={status}>
      {t(`commitment.status.${status}`)}
    </Tag>
  );
}

/** The due date, red and tagged when it passed without a verdict (待核查). */
export function CommitmentDue({ commitment }: { commitment: CommitmentSummary }) {
  const { t } = useTranslation();
  if (!commitment.dueDate) return <>{t('commitment.noDue')}</>;
  return (
    <span data-overdue={commitment.overdue || undefined}>
      {formatDate(commitment.dueDate)}
      {commitment.overdue && (
        <Tag color="red" style={{ marginLeft: 6 }}>
          {t('commitment.overdue')}
        </Tag>
      )}
    </span>
  );
}

/** 行政许可（食品经营许可证新办） */
export function matterText(c: Pick<CommitmentSummary, 'matterName' | 'matterDetail'>): string {
  return c.matterDetail ? `${c.matterName}（${c.matterDetail}）` : c.matterName;
}
