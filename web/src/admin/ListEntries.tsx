import { DownloadOutlined, InboxOutlined, PlusOutlined, SyncOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../api/client';
import { ErrorState } from '../shared/ErrorState';
import { formatDate, formatDateTime } from '../shared/format';
import { ListKindTag } from '../shared/ListTags';
import { useApi, useErrorText } from '../shared/use-api';
import { useQueryParams } from '../shared/use-query-params';
import { useCan, useSession } from './auth';
import type { ListEntryDetail, ListEntryPage, ListEntryView, ListTypeView, ProposeEntryInput, SweepResult } from './types';

const PAGE_SIZE = 20;
type EntryStatus = ListEntryView['status'];
type EntryAction = ListEntryDetail['actions'][number];

const ENTRY_STATUSES: readonly EntryStatus[] = ['proposed', 'notified', 'active', 'suspended', 'exited', 'expired', 'repaired', 'revoked', 'withdrawn'];
const STATUS_COLORS: Record<EntryStatus, string> = {
  proposed: 'gold',
  notified: 'blue',
  active: 'green',
  suspended: 'orange',
  exited: 'default',
  expired: 'default',
  repaired: 'cyan',
  revoked: 'default',
  withdrawn: 'default',
};
/** Mirrors `reasonRequired` in src/lists/lifecycle.ts: every ending and every suspension is explained. */
const NO_REASON_ACTIONS: readonly EntryAction[] = ['notify', 'activate', 'resume'];
const DANGER_ACTIONS: readonly EntryAction[] = ['revoke', 'withdraw', 'exit'];
const PRIMARY_ACTIONS: readonly EntryAction[] = ['notify', 'activate'];

/** The header row of the import template (src/lists/import-entries.ts ENTRY_FILE_COLUMNS). */
const TEMPLATE_HEADER = '名单类型代码,主体名称,统一社会信用代码,其他代码,身份证号码,决定文书号,决定日期,列入事由,依据,有效期至,来源编号';

/** 有效期至: a date; 至符合移出条件 for a listing without one; — before the entry takes effect (set on activation). */
function useExpiryText(): (expiresOn: string | null, effectiveFrom: string | null) => string {
  const { t } = useTranslation();
  return (expiresOn, effectiveFrom) => (expiresOn ? formatDate(expiresOn) : effectiveFrom ? t('lists.untilExit') : '—');
}

export function EntryStatusTag({ status }: { status: EntryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {t(`lists.status.${status}`)}
    </Tag>
  );
}

/** One action on an entry: a button, then a confirmation with the reason the action needs. */
function ActionButton({ entry, action, onDone }: { entry: ListEntryDetail; action: EntryAction; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const needsReason = !NO_REASON_ACTIONS.includes(action);
  const label = t(`lists.action.${action}`);
  const submit = async () => {
    if (needsReason && !reason.trim()) {
      setError(new Error(t('lists.entries.reasonRequired')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api<ListEntryDetail>(`/list-entries/${entry.id}/transitions`, { method: 'POST', area: 'admin', body: { action, reason: reason.trim() } });
      void message.success(t('lists.entries.done', { action: label }));
      setOpen(false);
      setReason('');
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
        type={PRIMARY_ACTIONS.includes(action) ? 'primary' : 'default'}
        danger={DANGER_ACTIONS.includes(action)}
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
        title={t('lists.entries.confirmAction', { action: label })}
        okText={label}
        okButtonProps={{ danger: DANGER_ACTIONS.includes(action), loading: busy }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {entry.subject.name} · {entry.listType.name}
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={needsReason ? t('lists.entries.reason') : t('lists.entries.reasonOptional')} required={needsReason}>
            <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} aria-label={t('lists.entries.reason')} />
          </Form.Item>
        </Form>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      </Modal>
    </>
  );
}

/** The detail drawer of an entry: what was decided, its 状态流转, joint-task progress and the actions allowed now. */
function EntryDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const expiryText = useExpiryText();
  const detail = useApi(async (signal) => (id === null ? undefined : api<ListEntryDetail>(`/list-entries/${id}`, { area: 'admin', signal })), [id]);
  const entry = detail.data;
  const tasks = entry?.tasks;
  const doneTasks = tasks ? tasks.implemented + tasks.notApplicable : 0;
  return (
    <Drawer open={id !== null} onClose={onClose} size={640} title={id === null ? '' : t('lists.entries.detail', { id })}>
      {detail.error ? (
        <ErrorState error={detail.error} onRetry={detail.reload} />
      ) : !entry || entry.id !== id ? (
        <Skeleton active />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <ListKindTag kind={entry.listType.kind} />
            <EntryStatusTag status={entry.status} />
          </Space>
          {entry.openObjection && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="entry-open-objection"
              title={
                <Link to={`/admin/objections?objection=${entry.openObjection.id}`}>
                  {t(entry.status === 'notified' ? 'objection.admin.entryHeld' : 'objection.admin.entryObjection', { id: entry.openObjection.id, status: t(`objection.status.${entry.openObjection.status}`) })}
                </Link>
              }
            />
          )}
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 120 } }}
            items={[
              {
                key: 'subject',
                label: t('lists.entries.subject'),
                children: (
                  <>
                    <a href={`/subjects/${entry.subject.id}`} target="_blank" rel="noreferrer">
                      {entry.subject.name}
                    </a>
                    {entry.subject.code && <div className="record-meta">{entry.subject.code}</div>}
                  </>
                ),
              },
              { key: 'list', label: t('lists.entries.list'), children: `${entry.listType.name}（${entry.listType.code}）` },
              { key: 'department', label: t('lists.entries.department'), children: entry.department?.name ?? '—' },
              { key: 'decisionNo', label: t('lists.decisionNo'), children: entry.decisionNo ?? '—' },
              { key: 'decisionDate', label: t('lists.decisionDate'), children: formatDate(entry.decisionDate) },
              { key: 'reasons', label: t('lists.reasons'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{entry.reasons}</span> },
              { key: 'basis', label: t('lists.basis'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{entry.basis ?? '—'}</span> },
              { key: 'objectionUntil', label: t('lists.entries.objectionUntil'), children: formatDate(entry.objectionUntil) },
              { key: 'effectiveFrom', label: t('lists.effectiveFrom'), children: formatDate(entry.effectiveFrom) },
              { key: 'expiresOn', label: t('lists.expiresOn'), children: expiryText(entry.expiresOn, entry.effectiveFrom) },
              ...(entry.endedAt
                ? [
                    { key: 'endedAt', label: t('lists.entries.endedAt'), children: formatDateTime(entry.endedAt) },
                    { key: 'endReason', label: t('lists.entries.endReason'), children: entry.endReason ?? '—' },
                  ]
                : []),
              {
                key: 'source',
                label: t('lists.entries.source'),
                children: (
                  <>
                    {t(`lists.entries.sources.${entry.source}`, { defaultValue: entry.source })}
                    {entry.sourceKey && <span className="record-meta">（{entry.sourceKey}）</span>}
                    {entry.ruleCode && <span className="record-meta"> · {entry.ruleCode}</span>}
                  </>
                ),
              },
              { key: 'createdAt', label: t('lists.entries.createdAt'), children: formatDateTime(entry.createdAt) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('common.actions')}
          </Typography.Title>
          {entry.actions.length === 0 ? (
            <Typography.Text type="secondary">{t('lists.entries.noActions')}</Typography.Text>
          ) : (
            <Space wrap data-testid="entry-actions">
              {entry.actions.map((action) => (
                <ActionButton
                  key={action}
                  entry={entry}
                  action={action}
                  onDone={() => {
                    detail.reload();
                    onChanged();
                  }}
                />
              ))}
            </Space>
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('lists.entries.trail')}
          </Typography.Title>
          <Timeline
            data-testid="entry-trail"
            items={entry.events.map((event) => ({
              color: event.toStatus === 'active' ? 'green' : event.toStatus === 'suspended' ? 'orange' : event.toStatus === 'notified' ? '#1677ff' : 'gray',
              content: (
                <>
                  <div className="record-meta">{formatDateTime(event.at)}</div>
                  <div>
                    {event.fromStatus && (
                      <>
                        <EntryStatusTag status={event.fromStatus} />→{' '}
                      </>
                    )}
                    <EntryStatusTag status={event.toStatus} />
                    <span className="record-meta">{event.actor ?? t('lists.entries.system')}</span>
                  </div>
                  {event.reason && <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{event.reason}</div>}
                </>
              ),
            }))}
          />
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {t('lists.entries.tasks')}
          </Typography.Title>
          {!tasks || tasks.total === 0 ? (
            <Typography.Text type="secondary">{t('lists.entries.noTasks')}</Typography.Text>
          ) : (
            <div data-testid="entry-tasks">
              <Progress percent={Math.round((doneTasks / tasks.total) * 100)} />
              <Typography.Text type="secondary">{t('lists.entries.tasksProgress', tasks)}</Typography.Text>
            </div>
          )}
        </>
      )}
    </Drawer>
  );
}

type IdKind = 'uscc' | 'code' | 'residentId';
interface ProposeForm {
  listType: string;
  name: string;
  idKind: IdKind;
  idValue: string;
  decisionNo?: string;
  decisionDate?: Dayjs | null;
  reasons: string;
  basis?: string;
  expiresOn?: Dayjs | null;
  notify: boolean;
}

/** 提出列入: a department (or the credit centre) proposes a subject for a list. */
function ProposeDrawer({ open, types, onClose, onProposed }: { open: boolean; types: ListTypeView[]; onClose: () => void; onProposed: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ProposeForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    let values: ProposeForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
    const body: ProposeEntryInput = {
      listType: values.listType,
      subject: { name: values.name.trim(), [values.idKind]: values.idValue.trim() },
      reasons: values.reasons.trim(),
      notify: values.notify,
    };
    const decisionNo = optional(values.decisionNo);
    const basis = optional(values.basis);
    if (decisionNo) body.decisionNo = decisionNo;
    if (basis) body.basis = basis;
    if (values.decisionDate) body.decisionDate = values.decisionDate.format('YYYY-MM-DD');
    if (values.expiresOn) body.expiresOn = values.expiresOn.format('YYYY-MM-DD');
    setBusy(true);
    setError(null);
    try {
      const created = await api<ListEntryDetail>('/list-entries', { method: 'POST', area: 'admin', body });
      void message.success(t('lists.propose.done', { id: created.id }));
      form.resetFields();
      onProposed(created.id);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={t('lists.entries.propose')}
      footer={
        <>
          {error !== null && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(error)} data-testid="propose-error" />}
          <Space>
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="propose-submit">
              {t('lists.propose.submit')}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </Space>
        </>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ idKind: 'uscc', notify: true }}>
        <Form.Item name="listType" label={t('lists.propose.listType')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={types.map((type) => ({ value: type.code, label: `${t(`lists.kind.${type.kind}`)} · ${type.name}` }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('lists.propose.subjectName')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('lists.propose.idKind')} required style={{ marginBottom: 0 }}>
          <Form.Item name="idKind">
            <Radio.Group
              optionType="button"
              options={(['uscc', 'code', 'residentId'] as const).map((kind) => ({ value: kind, label: t(`lists.propose.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item name="idValue" rules={[{ required: true, whitespace: true, max: 40, message: t('lists.propose.idRequired') }]}>
            <Input placeholder={t('lists.propose.idValue')} aria-label={t('lists.propose.idValue')} />
          </Form.Item>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={14}>
            <Form.Item name="decisionNo" label={t('lists.propose.decisionNo')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="decisionDate" label={t('lists.propose.decisionDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reasons" label={t('lists.propose.reasons')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="basis" label={t('lists.propose.basis')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('lists.propose.expiresOn')} extra={t('lists.propose.expiresHint')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="notify" valuePropName="checked">
          <Checkbox>{t('lists.propose.notify')}</Checkbox>
        </Form.Item>
      </Form>
    </Drawer>
  );
}

interface RowError {
  row: number;
  code: string;
  message: string;
}

/** Decodes an uploaded CSV: UTF-8 (with or without BOM), else GB18030 (GBK files saved by Excel). */
async function readCsv(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function downloadTemplate() {
  const blob = new Blob([`\uFEFF${TEMPLATE_HEADER}\r\n`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = '名单导入模板.csv';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 批量导入: a CSV of listing decisions, all rows or none; the wrong rows are listed. */
function ImportDrawer({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [notify, setNotify] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ imported: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rows: RowError[] =
    error instanceof ApiError && error.code === 'LIST_FILE_INVALID' ? ((error.details as { rows?: RowError[] } | undefined)?.rows ?? []) : [];
  const submit = async () => {
    if (!file) {
      setError(new Error(t('lists.import.chooseFile')));
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const text = await readCsv(file);
      const answer = await api<{ imported: number; entryIds: number[] }>('/list-entries/import', {
        method: 'POST',
        area: 'admin',
        query: { notify },
        body: new Blob([text], { type: 'text/csv' }),
        contentType: 'text/csv',
      });
      setResult(answer);
      setFile(null);
      onImported();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={t('lists.import.title')}
      footer={
        <Space>
          <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => void submit()} data-testid="import-submit">
            {t('lists.import.submit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('lists.import.hint')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code style={{ wordBreak: 'break-all' }}>
          {TEMPLATE_HEADER}
        </Typography.Text>
      </Typography.Paragraph>
      <Button icon={<DownloadOutlined />} onClick={downloadTemplate} style={{ marginBottom: 16 }}>
        {t('lists.import.template')}
      </Button>
      <Upload.Dragger
        height={150}
        accept=".csv,text/csv"
        maxCount={1}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        onRemove={() => setFile(null)}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setError(null);
          setResult(null);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('lists.import.dropHint')}</p>
      </Upload.Dragger>
      <Checkbox checked={notify} onChange={(e) => setNotify(e.target.checked)} style={{ marginTop: 16 }}>
        {t('lists.import.notify')}
      </Checkbox>
      <div style={{ marginTop: 16 }}>
        {result && <Alert type="success" showIcon title={t('lists.import.done', { count: result.imported })} data-testid="import-result" />}
        {error !== null && <Alert type="error" showIcon title={errorText(error)} data-testid="import-error" />}
        {rows.length > 0 && (
          <Table<RowError>
            style={{ marginTop: 12 }}
            rowKey={(row) => `${row.row}-${row.code}-${row.message}`}
            size="small"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 560 }}
            title={() => t('lists.import.failed')}
            columns={[
              { title: t('lists.import.row'), dataIndex: 'row', width: 70 },
              { title: t('lists.import.code'), dataIndex: 'code', width: 220, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
              { title: t('lists.import.message'), dataIndex: 'message' },
            ]}
          />
        )}
      </div>
    </Drawer>
  );
}

/** `/admin/list-entries`: entries the user may see; propose, import, and act on one in its drawer. */
export function ListEntriesPage() {
  const { t } = useTranslation();
  const expiryText = useExpiryText();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const can = useCan();
  const { me } = useSession();
  const isAdmin = can('admin');
  const canPropose = can('admin', 'submitter', 'reviewer');
  const [params, update] = useQueryParams('entry');
  const filters = { listType: params.get('listType') ?? '', status: params.get('status') ?? '', q: params.get('q') ?? '' };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openId = Number(params.get('entry')) || null;
  const [panel, setPanel] = useState<'propose' | 'import' | null>(null);
  const [sweeping, setSweeping] = useState(false);
  const types = useApi((signal) => api<ListTypeView[]>('/list-types', { area: 'admin', signal }), []);
  const entries = useApi(
    (signal) => api<ListEntryPage>('/list-entries', { query: { ...filters, page, pageSize: PAGE_SIZE }, area: 'admin', signal }),
    [filters.listType, filters.status, filters.q, page],
  );
  // A department proposes only for the lists it decides; the credit centre for any active list.
  const proposable = (types.data ?? []).filter(
    (type) => type.status === 'active' && (isAdmin || (me.department !== null && type.authorityDepartmentId === me.department.id)),
  );
  const sweep = async () => {
    setSweeping(true);
    try {
      const counts = await api<SweepResult>('/lists/sweep', { method: 'POST', area: 'admin' });
      modal.success({ title: t('lists.entries.sweep'), content: t('lists.entries.sweepDone', counts) });
      entries.reload();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSweeping(false);
    }
  };
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.menu.list-entries')}
        </Typography.Title>
        <Space wrap>
          {canPropose && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPanel('propose')}>
              {t('lists.entries.propose')}
            </Button>
          )}
          {canPropose && (
            <Button icon={<UploadOutlined />} onClick={() => setPanel('import')}>
              {t('lists.entries.import')}
            </Button>
          )}
          {isAdmin && (
            <Popconfirm title={t('lists.entries.sweep')} onConfirm={() => void sweep()}>
              <Button icon={<SyncOutlined spin={sweeping} />} loading={sweeping} data-testid="sweep">
                {t('lists.entries.sweep')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            style={{ width: 240 }}
            value={filters.listType}
            aria-label={t('lists.entries.list')}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(listType: string) => update({ listType })}
            options={[{ value: '', label: t('lists.allTypes') }, ...(types.data ?? []).map((type) => ({ value: type.code, label: type.name }))]}
          />
          <Select
            style={{ width: 160 }}
            value={filters.status}
            aria-label={t('lists.entries.status')}
            onChange={(status: string) => update({ status })}
            options={[{ value: '', label: t('lists.entries.allStatuses') }, ...ENTRY_STATUSES.map((status) => ({ value: status, label: t(`lists.status.${status}`) }))]}
          />
          <Input.Search
            key={filters.q}
            defaultValue={filters.q}
            allowClear
            placeholder={t('lists.namePlaceholder')}
            aria-label={t('lists.namePlaceholder')}
            onSearch={(q) => update({ q: q.trim() })}
            style={{ width: 240 }}
          />
        </Space>
        {entries.error ? (
          <ErrorState error={entries.error} onRetry={entries.reload} home="/admin" />
        ) : (
          <Table<ListEntryView>
            rowKey="id"
            size="small"
            loading={entries.loading}
            dataSource={entries.data?.items ?? []}
            scroll={{ x: 1080 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noRecord')} /> }}
            onRow={(row) => ({ onClick: () => update({ entry: String(row.id) }), style: { cursor: 'pointer' } })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: entries.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (next) => update({ page: String(next) }),
            }}
            columns={[
              { title: t('lists.entries.id'), dataIndex: 'id', width: 64, render: (id: number) => <a>{id}</a> },
              {
                title: t('lists.entries.subject'),
                dataIndex: ['subject', 'name'],
                width: 230,
                render: (name: string, row) => (
                  <>
                    <div>{name}</div>
                    {row.subject.code && <div className="record-meta">{row.subject.code}</div>}
                  </>
                ),
              },
              {
                title: t('lists.entries.list'),
                dataIndex: ['listType', 'name'],
                width: 220,
                render: (name: string, row) => (
                  <>
                    <ListKindTag kind={row.listType.kind} /> {name}
                  </>
                ),
              },
              { title: t('lists.entries.status'), dataIndex: 'status', width: 100, render: (status: EntryStatus) => <EntryStatusTag status={status} /> },
              { title: t('lists.entries.department'), dataIndex: ['department', 'name'], width: 140, render: (v: string | undefined) => v ?? '—' },
              { title: t('lists.decisionNo'), dataIndex: 'decisionNo', width: 160, render: (v: string | null) => v ?? '—' },
              { title: t('lists.effectiveFrom'), dataIndex: 'effectiveFrom', width: 104, render: (v: string | null) => formatDate(v) },
              { title: t('lists.expiresOn'), dataIndex: 'expiresOn', width: 104, render: (v: string | null, row) => expiryText(v, row.effectiveFrom) },
            ]}
          />
        )}
      </Card>
      <EntryDrawer id={openId} onClose={() => update({ entry: '' })} onChanged={entries.reload} />
      <ProposeDrawer
        open={panel === 'propose'}
        types={proposable}
        onClose={() => setPanel(null)}
        onProposed={(id) => {
          setPanel(null);
          entries.reload();
          update({ entry: String(id) });
        }}
      />
      <ImportDrawer open={panel === 'import'} onClose={() => setPanel(null)} onImported={entries.reload} />
    </>
  );
}
