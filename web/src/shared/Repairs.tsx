import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Eligibility, Material, Repair, RepairSummary } from '../../../src/repairs/schemas.js';
import { apiFile, saveFile } from '../api/client';
import { formatDate } from './format';
import { useErrorText } from './use-api';

export type { Eligibility, Material, Repair, RepairSummary };
export type RepairStatus = RepairSummary['status'];
export type MaterialKind = Material['kind'];

export const REPAIR_STATUS_LIST: readonly RepairStatus[] = ['submitted', 'department_review', 'platform_review', 'granted', 'refused'];
export const MATERIAL_KIND_LIST: readonly MaterialKind[] = ['commitment', 'proof', 'other'];

/** Evidence and materials: PDF, JPEG, PNG, 10 MB each (src/kernel/evidence-files.ts). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const FILE_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'];

/** Why a file cannot be uploaded, checked before it is sent: 'badType', 'tooLarge' or null. */
export function fileProblem(file: { name: string; size: number }): 'badType' | 'tooLarge' | null {
  const name = file.name.toLowerCase();
  if (!FILE_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'badType';
  return file.size > MAX_FILE_BYTES ? 'tooLarge' : null;
}

const STATUS_COLORS: Record<RepairStatus, string> = {
  submitted: 'default',
  department_review: 'orange',
  platform_review: 'blue',
  granted: 'green',
  refused: 'red',
};

export function RepairStatusTag({ status }: { status: RepairStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-repair-status={status}>
      {t(`repair.status.${status}`)}
    </Tag>
  );
}

/** The deadline that runs now: the department's while it reviews, the overall one otherwise; red when overdue. */
export function RepairDeadline({ repair }: { repair: RepairSummary }) {
  const { t } = useTranslation();
  const due = repair.status === 'department_review' ? repair.departmentDue : repair.status === 'granted' || repair.status === 'refused' ? null : repair.platformDue;
  if (!due) return <>—</>;
  return (
    <span data-overdue={repair.overdue || undefined}>
      {formatDate(due)}
      {repair.overdue && (
        <Tag color="red" style={{ marginLeft: 6 }}>
          {t('objection.overdue')}
        </Tag>
      )}
    </span>
  );
}

/** 处理结果: the decision and its reasons once decided, else 办理中. */
export function repairResult(repair: RepairSummary, t: (key: string) => string): string {
  if (!repair.decision) return t('objection.pending');
  const name = t(`repair.decision.${repair.decision}`);
  return repair.decisionReasons ? `${name}：${repair.decisionReasons}` : name;
}

export function sizeText(size: number): string {
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} KB`;
}

/** Downloads the 信用修复决定书 of a granted application. */
export function CertificateButton({ repair, area }: { repair: RepairSummary; area: 'my' | 'admin' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveFile(await apiFile(`/repairs/${repair.id}/certificate.pdf`, `信用修复决定书-${repair.certificateNo ?? repair.id}.pdf`, { area }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid={`certificate-${repair.id}`}>
      {t('repair.downloadCertificate')}
    </Button>
  );
}

