import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Complaint, ComplaintReceipt, ComplaintSummary, PublicComplaint } from '../../../src/complaints/schemas.js';

export type { Complaint, ComplaintReceipt, ComplaintSummary, PublicComplaint };
export type ComplaintStatus = ComplaintSummary['status'];
export type ComplaintCategory = ComplaintSummary['category'];
export type ComplaintOutcome = NonNullable<ComplaintSummary['outcome']>;

export const COMPLAINT_STATUS_LIST: readonly ComplaintStatus[] = ['submitted', 'assigned', 'handling', 'concluded', 'rejected'];
export const COMPLAINT_CATEGORY_LIST: readonly ComplaintCategory[] = ['fraud', 'contract', 'quality', 'wages', 'tax', 'false_advertising', 'other'];
export const COMPLAINT_OUTCOME_LIST: readonly ComplaintOutcome[] = ['substantiated', 'unsubstantiated', 'partly'];

const STATUS_COLORS: Record<ComplaintStatus, string> = {
  submitted: 'blue',
  assigned: 'cyan',
  handling: 'orange',
  concluded: 'green',
  rejected: 'default',
};

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-complaint-status={status}>
      {t(`complaint.status.${status}`)}
    </Tag>
  );
}
