import { FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Empty, Form, Input, List, Modal, Radio, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Page, Profile } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatDate, formatDateTime } from '../shared/format';
import {
  OBJECTION_STATUSES,
  ObjectionDeadline,
  ObjectionStatusTag,
  objectionResult,
  type Objection,
  type ObjectionReason,
  type ObjectionStatus,
  type ObjectionSummary,
} from '../shared/Objections';
import { useApi, useErrorText } from '../shared/use-api';
import { useQueryParams } from '../shared/use-query-params';
import { useSession } from './auth';

const PAGE_SIZE = 20;
type Action = 'accept' | 'refuse' | 'uphold' | 'reject';
const DANGER: readonly Action[] = ['refuse', 'reject'];

/** Mirrors src/objections/policies.ts: the credit centre accepts or refuses; the source department's reviewer (or the centre) decides. */
function actionsFor(me: Profile, objection: ObjectionSummary): Action[] {
  const admin = me.roles.includes('admin');
  if (objection.status === 'submitted') return admin ? ['accept', 'refuse'] : [];
  if (objection.status !== 'verifying') return [];
  const sourceReviewer = me.roles.includes('reviewer') && me.type === 'user' && me.department !== null && me.department.id === objection.sourceDepartmentId;
  return admin || sourceReviewer ? ['uphold', 'reject'] : [];
}

function sizeText(size: number): string {
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} KB`;
}

function TargetLink({ objection }: { objection: ObjectionSummary }) {
  const { t } = useTranslation();
  const { kind, id } = objection.target;
  return (
    <Link to={kind === 'record' ? `/admin/records/${id}` : `/admin/list-entries?entry=${id}`}>
      {t(`objection.targetKind.${kind}`)} {id}
    </Link>
  );
}

/** One action: a button, then a dialog asking for the reason (optional only to accept). */
function ActionButton({ objection, action, onDone }: { objection: Objection; action: Action; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [remedy, setRemedy] = useState<'withdraw' | 'correct'>('withdraw');
  const chooseRemedy = action === 'uphold' && objection.target.kind === 'record';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const needsReason = action !== 'accept';
  const label = t(`objection.action.${action}`);
  const submit = async () => {
    if (needsReason && !reason.trim()) {
      setError(new Error(t('objection.admin.reasonRequired')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api<Objection>(`/objections/${objection.id}/transitions`, { method: 'POST', area: 'admin', body: { action, reason: reason.trim(), ...(chooseRemedy ? { remedy } : {}) } });
      void message.success(t('objection.admin.done', { action: label }));
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
        type={action === 'accept' || action === 'uphold' ? 'primary' : 'default'}
        danger={DANGER.includes(action)}
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
        title={`${label} · ${t('objection.admin.detail', { id: objection.id })}`}
        okText={label}
        okButtonProps={{ danger: DANGER.includes(action), loading: busy }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {t(`objection.reason.${objection.reasonCode}`)} · {objection.applicantName}
        </Typography.Paragraph>
        <Form layout="vertical">
          {chooseRemedy && (
            <Form.Item label={t('objection.admin.remedy')} required>
              <Radio.Group value={remedy} onChange={(e) => setRemedy(e.target.value as 'withdraw' | 'correct')} data-testid="objection-remedy">
                <Space orientation="vertical">
                  <Radio value="withdraw">{t('objection.admin.remedyWithdraw')}</Radio>
                  <Radio value="correct">{t('objection.admin.remedyCorrect')}</Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
          )}
          <Form.Item label={needsReason ? t('objection.admin.reason') : t('objection.admin.reasonOptional')} required={needsReason}>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={2000}
              aria-label={t('objection.admin.reason')}
            />
          </Form.Item>
        </Form>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      </Modal>
    </>
  );
}

/** The detail drawer: target, reasons, evidence, the trail and the actions the caller may take now. */
function ObjectionDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const detail = useApi(async (signal) => (id === null ? undefined : api<Objection>(`/objections/${id}`, { area: 'admin', signal })), [id]);
  const objection = detail.data;
  const actions = objection ? actionsFor(me, objection) : [];
  return (
    <Drawer open={id !== null} onClose={onClose} size={640} title={id === null ? '' : t('objection.admin.detail', { id })}>
      {detail.error ? (
        <ErrorState error={detail.error} onRetry={detail.reload} />
      ) : !objection || objection.id !== id ? (
        <Skeleton active />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <ObjectionStatusTag status={objection.decision ?? objection.status} />
            {objection.overdue && <Tag color="red">{t('objection.overdue')}</Tag>}
          </Space>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 120 } }}
            items={[
              { key: 'target', label: t('objection.target'), children: <TargetLink objection={objection} /> },
              {
                key: 'applicant',
                label: t('objection.applicant'),
                children: `${objection.applicantName}（${t(`objection.applicantKind.${objection.applicantKind}`)}）`,
              },
              { key: 'reasonCode', label: t('objection.reasonCode'), children: t(`objection.reason.${objection.reasonCode}`) },
              { key: 'reasonText', label: t('objection.reasonText'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{objection.reasonText}</span> },
              { key: 'submittedAt', label: t('objection.submittedAt'), children: formatDateTime(objection.submittedAt) },
              { key: 'acceptDue', label: t('objection.acceptDue'), children: formatDate(objection.acceptDue) },
              { key: 'verifyDue', label: t('objection.verifyDue'), children: formatDate(objection.verifyDue) },
              { key: 'result', label: t('objection.result'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{objectionResult(objection, t)}</span> },
              ...(objection.decidedAt ? [{ key: 'decidedAt', label: t('objection.decidedAt'), children: formatDateTime(objection.decidedAt) }] : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('objection.evidence')}
          </Typography.Title>
          {objection.evidence.length === 0 ? (
            <Typography.Text type="secondary">{t('objection.noEvidence')}</Typography.Text>
          ) : (
            <List
              size="small"
              bordered
              data-testid="objection-evidence"
              dataSource={objection.evidence}
              renderItem={(file) => (
                <List.Item>
                  <Space>
                    {file.contentType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
                    {file.fileName}
                    <span className="record-meta">{sizeText(file.size)}</span>
                  </Space>
                </List.Item>
              )}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('common.actions')}
          </Typography.Title>
          {actions.length === 0 ? (
            <Typography.Text type="secondary">{t('objection.admin.noActions')}</Typography.Text>
          ) : (
            <Space wrap data-testid="objection-actions">
              {actions.map((action) => (
                <ActionButton
                  key={action}
                  objection={objection}
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
            {t('objection.trail')}
          </Typography.Title>
          <Timeline
            data-testid="objection-trail"
            items={objection.events.map((event) => ({
              color: event.to === 'upheld' ? 'green' : event.to === 'verifying' ? 'orange' : event.to === 'refused' || event.to === 'rejected' ? 'gray' : '#1677ff',
              content: (
                <>
                  <div className="record-meta">{formatDateTime(event.at)}</div>
                  <div>
                    <ObjectionStatusTag status={event.to} />
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

/** `/admin/objections`: objections the user may see, filtered by status and overdue; act on one in its drawer. */
export function ObjectionsPage() {
  const { t } = useTranslation();
  const [params, update] = useQueryParams('objection');
  const status = params.get('status') ?? '';
  const overdue = params.get('overdue') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openId = Number(params.get('objection')) || null;
  const objections = useApi(
    (signal) => api<Page<ObjectionSummary>>('/objections', { query: { status, overdue: overdue || undefined, page, pageSize: PAGE_SIZE }, area: 'admin', signal }),
    [status, overdue, page],
  );
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 16 }}>
        {t('admin.menu.objections')}
      </Typography.Title>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            style={{ width: 160 }}
            value={status}
            aria-label={t('objection.state')}
            onChange={(value: string) => update({ status: value })}
            options={[{ value: '', label: t('objection.admin.allStatuses') }, ...OBJECTION_STATUSES.map((s) => ({ value: s, label: t(`objection.status.${s}`) }))]}
          />
          <Checkbox checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? '1' : '' })} data-testid="overdue-only">
            {t('objection.admin.overdueOnly')}
          </Checkbox>
        </Space>
        {objections.error ? (
          <ErrorState error={objections.error} onRetry={objections.reload} home="/admin" />
        ) : (
          <Table<ObjectionSummary>
            rowKey="id"
            size="small"
            loading={objections.loading}
            dataSource={objections.data?.items ?? []}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noRecord')} /> }}
            onRow={(row) => ({ onClick: () => update({ objection: String(row.id) }), style: { cursor: 'pointer' } })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: objections.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (next) => update({ page: String(next) }),
            }}
            columns={[
              { title: t('objection.id'), dataIndex: 'id', width: 64, render: (id: number) => <a>{id}</a> },
              { title: t('objection.target'), key: 'target', width: 130, render: (_: unknown, row) => t(`objection.targetKind.${row.target.kind}`) + ` ${row.target.id}` },
              {
                title: t('objection.applicant'),
                dataIndex: 'applicantName',
                width: 200,
                render: (name: string, row) => (
                  <>
                    <div>{name}</div>
                    <div className="record-meta">{t(`objection.applicantKind.${row.applicantKind}`)}</div>
                  </>
                ),
              },
              { title: t('objection.reasonCode'), dataIndex: 'reasonCode', width: 120, render: (code: ObjectionReason) => t(`objection.reason.${code}`) },
              { title: t('objection.state'), dataIndex: 'status', width: 110, render: (s: ObjectionStatus, row) => <ObjectionStatusTag status={row.decision ?? s} /> },
              { title: t('objection.deadline'), key: 'deadline', width: 160, render: (_: unknown, row) => <ObjectionDeadline objection={row} /> },
              { title: t('objection.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string) => formatDateTime(v) },
              { title: t('objection.result'), key: 'result', render: (_: unknown, row) => <Typography.Text ellipsis>{objectionResult(row, t)}</Typography.Text> },
            ]}
          />
        )}
      </Card>
      <ObjectionDrawer id={openId} onClose={() => update({ objection: '' })} onChanged={objections.reload} />
    </>
  );
}
