import { DownloadOutlined, EyeOutlined, FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Empty, Form, Input, List, Modal, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Complainant } from '../../../src/complaints/schemas.js';
import { api, apiFile, saveFile } from '../api/client';
import type { Page, Profile } from '../api/types';
import { COMPLAINT_OUTCOME_LIST, COMPLAINT_STATUS_LIST, ComplaintStatusTag, type Complaint, type ComplaintOutcome, type ComplaintStatus, type ComplaintSummary } from '../shared/Complaints';
import { ErrorState } from '../shared/ErrorState';
import { formatDate, formatDateTime } from '../shared/format';
import { sizeText } from '../shared/Repairs';
import { useApi, useErrorText } from '../shared/use-api';
import { useDueProcess } from '../shared/due-process';
import { useQueryParams } from '../shared/use-query-params';
import { useSession } from './auth';
import type { DepartmentView } from './types';

const PAGE_SIZE = 20;
type Action = 'assign' | 'start' | 'conclude' | 'reject';

/** Mirrors src/complaints/policies.ts: the centre assigns and rejects; the assigned department (or the centre) handles. */
function actionsFor(me: Profile, complaint: ComplaintSummary): Action[] {
  const admin = me.roles.includes('admin');
  const handler = admin || (me.department !== null && me.department.id === complaint.departmentId && me.roles.some((r) => r === 'submitter' || r === 'reviewer'));
  if (complaint.status === 'submitted') return admin ? ['assign', 'reject'] : [];
  if (complaint.status === 'assigned') return [...(handler ? (['start'] as const) : []), ...(admin ? (['reject'] as const) : [])];
  if (complaint.status === 'handling') return handler ? ['conclude'] : [];
  return [];
}

function ComplaintDeadline({ complaint }: { complaint: ComplaintSummary }) {
  const { t } = useTranslation();
  if (!complaint.dueDate || complaint.status === 'concluded' || complaint.status === 'rejected') return <>{complaint.dueDate ? formatDate(complaint.dueDate) : '—'}</>;
  return (
    <span data-overdue={complaint.overdue || undefined}>
      {formatDate(complaint.dueDate)}
      {complaint.overdue && (
        <Tag color="red" style={{ marginLeft: 6 }}>
          {t('complaint.overdue')}
        </Tag>
      )}
    </span>
  );
}

function result(complaint: ComplaintSummary, t: (key: string) => string): string {
  if (complaint.status === 'rejected') return `${t('complaint.status.rejected')}${complaint.result ? `：${complaint.result}` : ''}`;
  if (!complaint.outcome) return t('complaint.pending');
  return `${t(`complaint.outcome.${complaint.outcome}`)}${complaint.result ? `：${complaint.result}` : ''}`;
}

/** One action: a dialog with what the action needs (department; outcome and result; a reason). */
function ActionButton({ complaint, action, onDone }: { complaint: Complaint; action: Action; onDone: () => void }) {
  const { t } = useTranslation();
  const deadlines = useDueProcess();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [departmentId, setDepartmentId] = useState<number | undefined>(undefined);
  const [outcome, setOutcome] = useState<ComplaintOutcome | undefined>(undefined);
  const [resultText, setResultText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const departments = useApi(async (signal) => (open && action === 'assign' ? api<{ items: DepartmentView[] }>('/departments', { area: 'admin', signal }) : undefined), [open, action]);
  const label = t(`complaint.action.${action}`);
  const danger = action === 'reject';
  const sourceIds = new Set(complaint.sourceDepartments.map((d) => d.id));
  const departmentOptions = [...(departments.data?.items ?? [])]
    .filter((d) => d.active && d.kind !== 'credit_centre')
    .sort((a, b) => Number(sourceIds.has(b.id)) - Number(sourceIds.has(a.id)))
    .map((d) => ({ value: d.id, label: `${d.name}${sourceIds.has(d.id) ? ` ${t('complaint.admin.sourceDepartment')}` : ''}` }));
  const submit = async () => {
    if (action === 'assign' && departmentId === undefined) return setError(new Error(t('complaint.admin.departmentRequired')));
    if (action === 'conclude' && !outcome) return setError(new Error(t('complaint.admin.outcomeRequired')));
    if (action === 'conclude' && !resultText.trim()) return setError(new Error(t('complaint.admin.resultRequired')));
    if (action === 'reject' && !reason.trim()) return setError(new Error(t('complaint.admin.reasonRequired')));
    setBusy(true);
    setError(null);
    try {
      const body = {
        action,
        reason: reason.trim(),
        ...(action === 'assign' ? { departmentId } : {}),
        ...(action === 'conclude' ? { outcome, result: resultText.trim() } : {}),
      };
      await api<Complaint>(`/complaints/${complaint.id}/transitions`, { method: 'POST', area: 'admin', body });
      void message.success(t('complaint.admin.done', { action: label }));
      setOpen(false);
      setReason('');
      setResultText('');
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        type={danger ? 'default' : 'primary'}
        danger={danger}
        data-action={action}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <Modal
        open={open}
        title={`${label} · ${t('complaint.admin.detail', { id: complaint.id })}`}
        okText={label}
        okButtonProps={{ danger, loading: busy }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {complaint.subject.name} · {t(`complaint.category.${complaint.category}`)}
        </Typography.Paragraph>
        <Form layout="vertical">
          {action === 'assign' && (
            <Form.Item label={t('complaint.admin.departmentLabel')} required extra={t('complaint.admin.departmentHint', { days: deadlines?.complaintWorkdays ?? '…' })}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={departments.loading}
                value={departmentId}
                onChange={setDepartmentId}
                options={departmentOptions}
                aria-label={t('complaint.admin.departmentLabel')}
                data-testid="assign-department"
              />
            </Form.Item>
          )}
          {action === 'conclude' && (
            <>
              <Form.Item label={t('complaint.outcomeLabel')} required>
                <Select
                  value={outcome}
                  onChange={setOutcome}
                  options={COMPLAINT_OUTCOME_LIST.map((o) => ({ value: o, label: t(`complaint.outcome.${o}`) }))}
                  aria-label={t('complaint.outcomeLabel')}
                  data-testid="conclude-outcome"
                />
              </Form.Item>
              <Form.Item label={t('complaint.result')} required>
                <Input.TextArea value={resultText} onChange={(e) => setResultText(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} aria-label={t('complaint.result')} />
              </Form.Item>
            </>
          )}
          {action !== 'conclude' && (
            <Form.Item label={danger ? t('complaint.admin.reason') : t('complaint.admin.reasonOptional')} required={danger}>
              <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} aria-label={t('complaint.admin.reason')} />
            </Form.Item>
          )}
        </Form>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      </Modal>
    </>
  );
}

/** 查看举报人信息: the admin's audited reveal, with a required reason. */
function RevealButton({ complaintId }: { complaintId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [complainant, setComplainant] = useState<Complainant | null>(null);
  const reveal = async () => {
    if (reason.trim().length < 2) return setError(new Error(t('complaint.admin.revealReasonRequired')));
    setBusy(true);
    setError(null);
    try {
      setComplainant(await api<Complainant>(`/complaints/${complaintId}/reveal-complainant`, { method: 'POST', area: 'admin', body: { reason: reason.trim() } }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setOpen(false);
    setComplainant(null);
    setReason('');
  };
  const anonymous = complainant !== null && !complainant.name && !complainant.phone && !complainant.idNumber;
  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="reveal-complainant">
        {t('complaint.admin.reveal')}
      </Button>
      <Modal
        open={open}
        title={t('complaint.admin.reveal')}
        okText={complainant ? t('complaint.admin.close') : t('complaint.admin.reveal')}
        okButtonProps={{ loading: busy }}
        onOk={() => (complainant ? close() : void reveal())}
        onCancel={close}
        destroyOnHidden
      >
        {complainant ? (
          anonymous ? (
            <Alert type="info" showIcon title={t('complaint.admin.anonymousComplainant')} />
          ) : (
            <Descriptions
              size="small"
              bordered
              column={1}
              title={t('complaint.admin.revealed')}
              items={[
                { key: 'name', label: t('complaint.admin.complainantName'), children: complainant.name ?? '—' },
                { key: 'phone', label: t('complaint.admin.complainantPhone'), children: complainant.phone ?? '—' },
                { key: 'id', label: t('complaint.admin.complainantId'), children: complainant.idNumber ?? '—' },
              ]}
            />
          )
        ) : (
          <>
            <Alert type="warning" showIcon title={t('complaint.admin.revealHint')} style={{ marginBottom: 12 }} />
            <Form layout="vertical">
              <Form.Item label={t('complaint.admin.revealReason')} required>
                <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} aria-label={t('complaint.admin.revealReason')} />
              </Form.Item>
            </Form>
          </>
        )}
        {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      </Modal>
    </>
  );
}

function EvidenceItem({ complaintId, file }: { complaintId: number; file: Complaint['evidence'][number] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const download = async () => {
    try {
      saveFile(await apiFile(`/complaints/${complaintId}/evidence/${file.id}`, file.fileName, { area: 'admin' }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <List.Item
      actions={[
        <Button key="download" type="link" size="small" icon={<DownloadOutlined />} onClick={() => void download()} data-testid={`evidence-download-${file.id}`}>
          {t('repair.download')}
        </Button>,
      ]}
    >
      <Space wrap>
        {file.contentType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
        {file.fileName}
        <span className="record-meta">{sizeText(file.size)}</span>
      </Space>
    </List.Item>
  );
}

function ComplaintDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const detail = useApi(async (signal) => (id === null ? undefined : api<Complaint>(`/complaints/${id}`, { area: 'admin', signal })), [id]);
  const complaint = detail.data;
  const actions = complaint ? actionsFor(me, complaint) : [];
  const mayReveal = me.type === 'user' && me.roles.includes('admin');
  return (
    <Drawer open={id !== null} onClose={onClose} size={680} title={id === null ? '' : t('complaint.admin.detail', { id })}>
      {detail.error ? (
        <ErrorState error={detail.error} onRetry={detail.reload} />
      ) : !complaint || complaint.id !== id ? (
        <Skeleton active />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <ComplaintStatusTag status={complaint.status} />
            {complaint.overdue && <Tag color="red">{t('complaint.overdue')}</Tag>}
          </Space>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 120 } }}
            items={[
              { key: 'tracking', label: t('complaint.trackingNumber'), children: complaint.trackingNumber },
              {
                key: 'subject',
                label: t('complaint.subject'),
                children: (
                  <>
                    {complaint.subject.id ? <Link to={`/subjects/${complaint.subject.id}`}>{complaint.subject.name}</Link> : complaint.subject.name}
                    {complaint.subject.code && <div className="record-meta">{complaint.subject.code}</div>}
                  </>
                ),
              },
              { key: 'category', label: t('complaint.categoryLabel'), children: t(`complaint.category.${complaint.category}`) },
              { key: 'description', label: t('complaint.description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{complaint.description}</span> },
              { key: 'submittedAt', label: t('complaint.submittedAt'), children: formatDateTime(complaint.submittedAt) },
              { key: 'department', label: t('complaint.department'), children: complaint.departmentName ?? '—' },
              { key: 'due', label: t('complaint.dueDate'), children: <ComplaintDeadline complaint={complaint} /> },
              { key: 'result', label: t('complaint.result'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{result(complaint, t)}</span> },
              ...(complaint.concludedAt ? [{ key: 'concludedAt', label: t('complaint.concludedAt'), children: formatDateTime(complaint.concludedAt) }] : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('complaint.evidence')}
          </Typography.Title>
          {complaint.evidence.length === 0 ? (
            <Typography.Text type="secondary">{t('complaint.noEvidence')}</Typography.Text>
          ) : (
            <List size="small" bordered data-testid="complaint-evidence" dataSource={complaint.evidence} renderItem={(file) => <EvidenceItem complaintId={complaint.id} file={file} />} />
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('common.actions')}
          </Typography.Title>
          <Space wrap data-testid="complaint-actions">
            {actions.map((action) => (
              <ActionButton
                key={action}
                complaint={complaint}
                action={action}
                onDone={() => {
                  detail.reload();
                  onChanged();
                }}
              />
            ))}
            {mayReveal && <RevealButton complaintId={complaint.id} />}
            {actions.length === 0 && !mayReveal && <Typography.Text type="secondary">{t('complaint.admin.noActions')}</Typography.Text>}
          </Space>
          {!mayReveal && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('complaint.admin.noIdentity')}
            </Typography.Paragraph>
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('complaint.trail')}
          </Typography.Title>
          <Timeline
            data-testid="complaint-trail"
            items={complaint.events.map((event) => ({
              color: event.to === 'concluded' ? 'green' : event.to === 'rejected' ? 'gray' : event.to === 'handling' ? 'orange' : '#1677ff',
              content: (
                <>
                  <div className="record-meta">{formatDateTime(event.at)}</div>
                  <div>
                    <ComplaintStatusTag status={event.to} />
                    <span className="record-meta">{event.actorName ?? ''}</span>
                  </div>
                  {event.reason && <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{event.reason}</div>}
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}

/** `/admin/complaints`: complaints the user may see (never who filed them), by status and overdue; act in the drawer. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const [params, update] = useQueryParams('complaint');
  const status = params.get('status') ?? '';
  const overdue = params.get('overdue') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openId = Number(params.get('complaint')) || null;
  const complaints = useApi(
    (signal) => api<Page<ComplaintSummary>>('/complaints', { query: { status, overdue: overdue || undefined, page, pageSize: PAGE_SIZE }, area: 'admin', signal }),
    [status, overdue, page],
  );
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 16 }}>
        {t('admin.menu.complaints')}
      </Typography.Title>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            style={{ width: 160 }}
            value={status}
            aria-label={t('complaint.state')}
            onChange={(value: string) => update({ status: value })}
            options={[{ value: '', label: t('complaint.admin.allStatuses') }, ...COMPLAINT_STATUS_LIST.map((s) => ({ value: s, label: t(`complaint.status.${s}`) }))]}
          />
          <Checkbox checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? '1' : '' })} data-testid="overdue-only">
            {t('complaint.admin.overdueOnly')}
          </Checkbox>
        </Space>
        {complaints.error ? (
          <ErrorState error={complaints.error} onRetry={complaints.reload} home="/admin" />
        ) : (
          <Table<ComplaintSummary>
            rowKey="id"
            size="small"
            loading={complaints.loading}
            dataSource={complaints.data?.items ?? []}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noRecord')} /> }}
            onRow={(row) => ({ onClick: () => update({ complaint: String(row.id) }), style: { cursor: 'pointer' } })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: complaints.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (next) => update({ page: String(next) }),
            }}
            columns={[
              { title: t('complaint.trackingNumber'), dataIndex: 'trackingNumber', width: 180, render: (v: string) => <a>{v}</a> },
              { title: t('complaint.subject'), key: 'subject', width: 220, render: (_: unknown, row) => row.subject.name },
              { title: t('complaint.categoryLabel'), dataIndex: 'category', width: 110, render: (c: ComplaintSummary['category']) => t(`complaint.category.${c}`) },
              { title: t('complaint.state'), dataIndex: 'status', width: 100, render: (s: ComplaintStatus) => <ComplaintStatusTag status={s} /> },
              { title: t('complaint.department'), dataIndex: 'departmentName', width: 180, render: (v: string | null) => v ?? '—' },
              { title: t('complaint.dueDate'), key: 'due', width: 150, render: (_: unknown, row) => <ComplaintDeadline complaint={row} /> },
              { title: t('complaint.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string) => formatDateTime(v) },
              { title: t('complaint.result'), key: 'result', render: (_: unknown, row) => <Typography.Text ellipsis>{result(row, t)}</Typography.Text> },
            ]}
          />
        )}
      </Card>
      <ComplaintDrawer id={openId} onClose={() => update({ complaint: '' })} onChanged={complaints.reload} />
    </>
  );
}
