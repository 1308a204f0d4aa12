import { DownloadOutlined, FileImageOutlined, FilePdfOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Empty, Form, Input, InputNumber, Modal, Select, Skeleton, Space, Table, Tag, Timeline, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, apiFile, saveFile } from '../api/client';
import type { Page, Profile } from '../api/types';
import {
  COMMITMENT_FILE_EXTENSIONS,
  COMMITMENT_MAX_BYTES,
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  CommitmentDue,
  CommitmentStatusTag,
  matterText,
  type Commitment,
  type CommitmentOptions,
  type CommitmentSummary,
  type CommitmentType,
} from '../shared/Commitments';
import { ErrorState } from '../shared/ErrorState';
import { formatDate, formatDateTime } from '../shared/format';
import { useApi, useErrorText } from '../shared/use-api';
import { useQueryParams } from '../shared/use-query-params';
import { useCan, useSession } from './auth';

const PAGE_SIZE = 20;
type Action = 'kept' | 'broken' | 'revoke';

/** Mirrors src/commitments/policies.ts: a reviewer of the accepting department (or the centre) records 履约; the centre revokes. */
function actionsFor(me: Profile, c: Commitment): Action[] {
  if (c.status !== 'signed') return [];
  const admin = me.roles.includes('admin');
  const reviewer = me.roles.includes('reviewer') && me.type === 'user' && me.department?.id === c.departmentId;
  const verdicts: Action[] = (admin || reviewer) && (c.signedVia === 'online' || c.hasFile) ? ['kept', 'broken'] : [];
  return admin ? [...verdicts, 'revoke'] : verdicts;
}

function checkFile(file: File, t: (key: string, o?: Record<string, unknown>) => string): string | null {
  const name = file.name.toLowerCase();
  if (!COMMITMENT_FILE_EXTENSIONS.some((ext) => name.endsWith(ext))) return t('commitment.admin.badType', { name: file.name });
  if (file.size > COMMITMENT_MAX_BYTES) return t('commitment.admin.tooLarge', { name: file.name });
  return null;
}

async function uploadFile(id: number, file: File): Promise<Commitment> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<Commitment>(`/commitments/${id}/file`, { method: 'POST', area: 'admin', body });
}

/** One verdict: a button, then a dialog for the reason (required to record a breach or revoke). */
function ActionButton({ commitment, action, onDone }: { commitment: Commitment; action: Action; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const needsReason = action !== 'kept';
  const label = t(`commitment.action.${action}`);
  const submit = async () => {
    if (needsReason && !reason.trim()) {
      setError(new Error(t('commitment.admin.reasonRequired')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api<Commitment>(`/commitments/${commitment.id}/transitions`, { method: 'POST', area: 'admin', body: { action, reason: reason.trim() } });
      void message.success(t('commitment.admin.done', { action: label }));
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
      <Button type={action === 'kept' ? 'primary' : 'default'} danger={action !== 'kept'} data-action={action} onClick={() => { setError(null); setOpen(true); }}>
        {label}
      </Button>
      <Modal open={open} title={`${label} · ${commitment.number}`} okText={label} okButtonProps={{ danger: action !== 'kept', loading: busy }} onOk={() => void submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph>
          {commitment.subjectName} · {t(`commitment.types.${commitment.type}`)} · {matterText(commitment)}
        </Typography.Paragraph>
        {action === 'broken' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('commitment.admin.brokenHint')} />}
        <Form layout="vertical">
          <Form.Item label={needsReason ? t('commitment.admin.reason') : t('commitment.admin.reasonOptional')} required={needsReason}>
            <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} aria-label={t('commitment.admin.reason')} />
          </Form.Item>
        </Form>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      </Modal>
    </>
  );
}

/** The detail drawer: the commitment, its signed file, the trail and the verdicts the user may record now. */
function CommitmentDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const detail = useApi(async (signal) => (id === null ? undefined : api<Commitment>(`/commitments/${id}`, { area: 'admin', signal })), [id]);
  const c = detail.data;
  const actions = c ? actionsFor(me, c) : [];
  const canUpload = c !== undefined && c.status === 'signed' && c.signedVia === 'upload' && (me.roles.includes('admin') || me.department?.id === c.departmentId);
  const download = async () => {
    if (!c) return;
    try {
      saveFile(await apiFile(`/commitments/${c.id}/file`, c.file?.fileName ?? 'commitment.pdf', { area: 'admin' }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <Drawer open={id !== null} onClose={onClose} size={680} title={id === null ? '' : t('commitment.admin.detail', { id })}>
      {detail.error ? (
        <ErrorState error={detail.error} onRetry={detail.reload} />
      ) : !c || c.id !== id ? (
        <Skeleton active />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <CommitmentStatusTag status={c.status} />
            {c.overdue && <Tag color="red">{t('commitment.overdue')}</Tag>}
          </Space>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 120 } }}
            items={[
              { key: 'number', label: t('commitment.number'), children: c.number },
              { key: 'subject', label: t('commitment.subject'), children: `${c.subjectName}（${c.subjectId}）` },
              { key: 'type', label: t('commitment.type'), children: t(`commitment.types.${c.type}`) },
              { key: 'matter', label: t('commitment.matter'), children: matterText(c) },
              { key: 'content', label: t('commitment.content'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.content}</span> },
              { key: 'department', label: t('commitment.department'), children: c.departmentName },
              { key: 'via', label: t('commitment.signedVia'), children: `${t(`commitment.via.${c.signedVia}`)} · ${c.signerName}` },
              { key: 'signedOn', label: t('commitment.signedOn'), children: formatDate(c.signedOn) },
              { key: 'due', label: t('commitment.dueDate'), children: <CommitmentDue commitment={c} /> },
              ...(c.verdictAt
                ? [
                    { key: 'verdict', label: t('commitment.verdict'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.verdictReason}</span> },
                    { key: 'verdictBy', label: t('commitment.verdictBy'), children: `${c.verdictBy ?? ''} · ${formatDateTime(c.verdictAt)}` },
                  ]
                : []),
              ...(c.breachRecordId
                ? [{ key: 'breach', label: t('commitment.breachRecord'), children: <Link to={`/admin/records/${c.breachRecordId}`}>{t('commitment.breachRecordLink', { id: c.breachRecordId })}</Link> }]
                : []),
            ]}
          />
          {c.signedVia === 'upload' && (
            <>
              <Typography.Title level={5} style={{ marginTop: 20 }}>
                {t('commitment.file')}
              </Typography.Title>
              <Space wrap>
                {c.file ? (
                  <>
                    {c.file.contentType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
                    <span data-testid="commitment-file">{c.file.fileName}</span>
                    <Button size="small" icon={<DownloadOutlined />} onClick={() => void download()}>
                      {t('commitment.download')}
                    </Button>
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('commitment.noFile')}</Typography.Text>
                )}
                {canUpload && (
                  <Upload
                    accept={COMMITMENT_FILE_EXTENSIONS.join(',')}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      const problem = checkFile(file, t);
                      if (problem) void message.error(problem);
                      else
                        void uploadFile(c.id, file).then(
                          () => { detail.reload(); onChanged(); },
                          (error: unknown) => void message.error(errorText(error)),
                        );
                      return Upload.LIST_IGNORE;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />}>
                      {t('commitment.admin.upload')}
                    </Button>
                  </Upload>
                )}
              </Space>
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('common.actions')}
          </Typography.Title>
          {actions.length === 0 ? (
            <Typography.Text type="secondary">{t('commitment.admin.noActions')}</Typography.Text>
          ) : (
            <Space wrap data-testid="commitment-actions">
              {actions.map((action) => (
                <ActionButton key={action} commitment={c} action={action} onDone={() => { detail.reload(); onChanged(); }} />
              ))}
            </Space>
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('commitment.trail')}
          </Typography.Title>
          <Timeline
            data-testid="commitment-trail"
            items={c.events.map((event) => ({
              color: event.to === 'kept' ? 'green' : event.to === 'broken' ? 'red' : event.to === 'revoked' ? 'gray' : '#1677ff',
              content: (
                <>
                  <div className="record-meta">{formatDateTime(event.at)}</div>
                  <div>
                    <CommitmentStatusTag status={event.to} />
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

interface RegisterValues {
  type: CommitmentType;
  subjectId: number;
  matter: string;
  matterDetail?: string;
  departmentId?: number;
  signerName?: string;
  content: string;
}

/** 登记纸质承诺: the commitment as signed on paper, then its scan (the file goes up once the commitment exists). */
function RegisterForm({ open, onClose, onRegistered }: { open: boolean; onClose: () => void; onRegistered: (id: number) => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<RegisterValues>();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const options = useApi((signal) => (open ? api<CommitmentOptions>('/commitments/options', { area: 'admin', signal }) : Promise.resolve(undefined)), [open]);
  const admin = me.roles.includes('admin');
  const submit = async () => {
    let values: RegisterValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!file) {
      setError(new Error(t('commitment.admin.fileRequired')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const registered = await api<Commitment>('/commitments', {
        method: 'POST',
        area: 'admin',
        body: {
          type: values.type,
          subjectId: values.subjectId,
          matter: values.matter,
          matterDetail: (values.matterDetail ?? '').trim(),
          content: values.content.trim(),
          ...(admin ? { departmentId: values.departmentId } : {}),
          ...(values.signerName?.trim() ? { signerName: values.signerName.trim() } : {}),
        },
      });
      try {
        await uploadFile(registered.id, file.originFileObj as File);
      } catch (caught) {
        void message.error(t('commitment.admin.uploadFailed', { error: errorText(caught) }));
      }
      void message.success(t('commitment.admin.registered', { number: registered.number }));
      form.resetFields();
      setFile(null);
      onRegistered(registered.id);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('commitment.admin.registerTitle')} okText={t('common.submit')} okButtonProps={{ loading: busy }} onOk={() => void submit()} onCancel={onClose} width={680} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="register-commitment-form"
        onValuesChange={(changed: Partial<RegisterValues>) => {
          if (changed.type) form.setFieldValue('content', options.data?.types.find((o) => o.type === changed.type)?.template ?? '');
        }}
      >
        <Form.Item name="type" label={t('commitment.type')} rules={[{ required: true, message: t('commitment.mine.typeRequired') }]}>
          <Select aria-label={t('commitment.type')} options={COMMITMENT_TYPES.map((type) => ({ value: type, label: t(`commitment.types.${type}`) }))} />
        </Form.Item>
        <Form.Item name="subjectId" label={t('commitment.admin.subjectId')} extra={t('commitment.admin.subjectIdHint')} rules={[{ required: true, message: t('commitment.admin.subjectRequired') }]}>
          <InputNumber min={1} precision={0} style={{ width: 200 }} aria-label={t('commitment.admin.subjectId')} />
        </Form.Item>
        <Form.Item name="matter" label={t('commitment.matter')} rules={[{ required: true, message: t('commitment.mine.matterRequired') }]}>
          <Select aria-label={t('commitment.matter')} showSearch={{ optionFilterProp: 'label' }} options={(options.data?.matters ?? []).map((m) => ({ value: m.code, label: m.name }))} />
        </Form.Item>
        <Form.Item name="matterDetail" label={t('commitment.matterDetail')}>
          <Input maxLength={300} />
        </Form.Item>
        {admin && (
          <Form.Item name="departmentId" label={t('commitment.department')} rules={[{ required: true, message: t('commitment.mine.departmentRequired') }]}>
            <Select aria-label={t('commitment.department')} showSearch={{ optionFilterProp: 'label' }} options={(options.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        )}
        <Form.Item name="signerName" label={t('commitment.admin.signerName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="content" label={t('commitment.content')} rules={[{ required: true, whitespace: true, message: t('commitment.mine.contentRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={4000} showCount aria-label={t('commitment.content')} />
        </Form.Item>
        <Form.Item label={t('commitment.admin.fileLabel')} required>
          <Upload
            accept={COMMITMENT_FILE_EXTENSIONS.join(',')}
            fileList={file ? [file] : []}
            maxCount={1}
            beforeUpload={(picked) => {
              const problem = checkFile(picked, t);
              if (problem) void message.error(problem);
              else setFile({ uid: picked.uid, name: picked.name, size: picked.size, originFileObj: picked });
              return Upload.LIST_IGNORE;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />}>{t('commitment.admin.pickFile')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
    </Modal>
  );
}

/** `/admin/commitments`: commitments by role, filtered by status, type and overdue; register paper; record 履约 in the drawer. */
export function CommitmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, update] = useQueryParams('commitment');
  const [registering, setRegistering] = useState(false);
  const status = params.get('status') ?? '';
  const type = params.get('type') ?? '';
  const overdue = params.get('overdue') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openId = Number(params.get('commitment')) || null;
  const commitments = useApi(
    (signal) => api<Page<CommitmentSummary>>('/commitments', { query: { status, type, overdue: overdue || undefined, page, pageSize: PAGE_SIZE }, area: 'admin', signal }),
    [status, type, overdue, page],
  );
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.menu.commitments')}
        </Typography.Title>
        {can('admin', 'submitter', 'reviewer') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-commitment">
            {t('commitment.admin.register')}
          </Button>
        )}
      </Space>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            style={{ width: 140 }}
            value={status}
            aria-label={t('commitment.state')}
            onChange={(value: string) => update({ status: value })}
            options={[{ value: '', label: t('commitment.admin.allStatuses') }, ...COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`commitment.status.${s}`) }))]}
          />
          <Select
            style={{ width: 200 }}
            value={type}
            aria-label={t('commitment.type')}
            onChange={(value: string) => update({ type: value })}
            options={[{ value: '', label: t('commitment.admin.allTypes') }, ...COMMITMENT_TYPES.map((ty) => ({ value: ty, label: t(`commitment.types.${ty}`) }))]}
          />
          <Checkbox checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? '1' : '' })} data-testid="overdue-only">
            {t('commitment.admin.overdueOnly')}
          </Checkbox>
        </Space>
        {commitments.error ? (
          <ErrorState error={commitments.error} onRetry={commitments.reload} home="/admin" />
        ) : (
          <Table<CommitmentSummary>
            rowKey="id"
            size="small"
            loading={commitments.loading}
            dataSource={commitments.data?.items ?? []}
            scroll={{ x: 1400 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noRecord')} /> }}
            onRow={(row) => ({ onClick: () => update({ commitment: String(row.id) }), style: { cursor: 'pointer' } })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: commitments.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (next) => update({ page: String(next) }),
            }}
            columns={[
              { title: t('commitment.number'), dataIndex: 'number', width: 170, render: (n: string) => <a>{n}</a> },
              { title: t('commitment.subject'), dataIndex: 'subjectName', width: 220 },
              { title: t('commitment.type'), dataIndex: 'type', width: 170, render: (ty: CommitmentType) => t(`commitment.types.${ty}`) },
              { title: t('commitment.matter'), key: 'matter', render: (_: unknown, row) => <Typography.Text ellipsis>{matterText(row)}</Typography.Text> },
              { title: t('commitment.department'), dataIndex: 'departmentName', width: 200 },
              { title: t('commitment.signedOn'), dataIndex: 'signedOn', width: 120, render: (v: string) => formatDate(v) },
              { title: t('commitment.dueDate'), key: 'due', width: 170, render: (_: unknown, row) => <CommitmentDue commitment={row} /> },
              { title: t('commitment.state'), dataIndex: 'status', width: 100, render: (_: unknown, row) => <CommitmentStatusTag status={row.status} /> },
            ]}
          />
        )}
      </Card>
      <CommitmentDrawer id={openId} onClose={() => update({ commitment: '' })} onChanged={commitments.reload} />
      <RegisterForm
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(id) => {
          setRegistering(false);
          commitments.reload();
          update({ commitment: String(id) });
        }}
      />
    </>
  );
}
