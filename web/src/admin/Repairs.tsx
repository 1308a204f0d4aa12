import { DownloadOutlined, FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Drawer, Empty, Form, Input, List, Modal, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, apiFile, saveFile } from '../api/client';
import type { Page, Profile } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatDate, formatDateTime } from '../shared/format';
import { CertificateButton, REPAIR_STATUS_LIST, RepairDeadline, repairResult, RepairStatusTag, sizeText, type Material, type Repair, type RepairStatus, type RepairSummary } from '../shared/Repairs';
import { useApi, useErrorText } from '../shared/use-api';
import { useQueryParams } from '../shared/use-query-params';
import { useSession } from './auth';

const PAGE_SIZE = 20;
type Action = 'approve' | 'refuse' | 'grant';

/** Mirrors src/repairs/policies.ts: the source department's reviewer (or the centre) reviews; the centre decides. */
function actionsFor(me: Profile, repair: RepairSummary): Action[] {
  const admin = me.roles.includes('admin');
  if (repair.status === 'platform_review') return admin ? ['grant', 'refuse'] : [];
  if (repair.status !== 'department_review') return [];
  const sourceReviewer = me.roles.includes('reviewer') && me.type === 'user' && me.department !== null && me.department.id === repair.sourceDepartmentId;
  return admin || sourceReviewer ? ['approve', 'refuse'] : [];
}

function TargetLink({ repair }: { repair: RepairSummary }) {
  const { t } = useTranslation();
  const { kind, id } = repair.target;
  return (
    <Link to={kind === 'record' ? `/admin/records/${id}` : `/admin/list-entries?entry=${id}`}>
      {t(`objection.targetKind.${kind}`)} {id}
    </Link>
  );
}

/** A material with its download. */
function MaterialItem({ repairId, file }: { repairId: number; file: Material }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const download = async () => {
    try {
      saveFile(await apiFile(`/repairs/${repairId}/materials/${file.id}`, file.fileName, { area: 'admin' }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <List.Item
      actions={[
        <Button key="download" type="link" size="small" icon={<DownloadOutlined />} onClick={() => void download()} data-testid={`material-download-${file.id}`}>
          {t('repair.download')}
        </Button>,
      ]}
    >
      <Space wrap>
        {file.contentType === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
        <Tag>{t(`repair.materialKind.${file.kind}`)}</Tag>
        {file.fileName}
        <span className="record-meta">{sizeText(file.size)}</span>
      </Space>
    </List.Item>
  );
}

/** One action: a button, then a dialog asking for the reason (required to refuse). */
function ActionButton({ repair, action, onDone }: { repair: Repair; action: Action; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const needsReason = action === 'refuse';
  const label = t(`repair.action.${action}`);
  const submit = async () => {
    if (needsReason && !reason.trim()) {
      setError(new Error(t('repair.admin.reasonRequired')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api<Repair>(`/repairs/${repair.id}/transitions`, { method: 'POST', area: 'admin', body: { action, reason: reason.trim() } });
      void message.success(t('repair.admin.done', { action: label }));
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
        type={needsReason ? 'default' : 'primary'}
        danger={needsReason}
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
        title={`${label} · ${t('repair.admin.detail', { id: repair.id })}`}
        okText={label}
        okButtonProps={{ danger: needsReason, loading: busy }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {repair.applicantName} · {repair.statement}
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={needsReason ? t('repair.admin.reason') : t('repair.admin.reasonOptional')} required={needsReason}>
            <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} aria-label={t('repair.admin.reason')} />
          </Form.Item>
        </Form>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      </Modal>
    </>
  );
}

/** The detail drawer: target, statement, materials, deadlines, the trail, the actions and the certificate. */
function RepairDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const detail = useApi(async (signal) => (id === null ? undefined : api<Repair>(`/repairs/${id}`, { area: 'admin', signal })), [id]);
  const repair = detail.data;
  const actions = repair ? actionsFor(me, repair) : [];
  const mayDownloadCertificate =
    repair?.status === 'granted' && (me.roles.includes('admin') || (me.department !== null && (me.department.id === repair.sourceDepartmentId || repair.applicantKind === 'department')));
  return (
    <Drawer open={id !== null} onClose={onClose} size={680} title={id === null ? '' : t('repair.admin.detail', { id })}>
      {detail.error ? (
        <ErrorState error={detail.error} onRetry={detail.reload} />
      ) : !repair || repair.id !== id ? (
        <Skeleton active />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <RepairStatusTag status={repair.status} />
            {repair.overdue && <Tag color="red">{t('objection.overdue')}</Tag>}
          </Space>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 130 } }}
            items={[
              { key: 'target', label: t('repair.target'), children: <TargetLink repair={repair} /> },
              { key: 'applicant', label: t('repair.applicant'), children: `${repair.applicantName}（${t(`repair.applicantKind.${repair.applicantKind}`)}）` },
              { key: 'statement', label: t('repair.statement'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{repair.statement}</span> },
              { key: 'filedAt', label: t('repair.filedAt'), children: formatDateTime(repair.filedAt) },
              { key: 'eligibleFrom', label: t('repair.admin.eligibleFrom'), children: formatDate(repair.eligibleFrom) },
              { key: 'departmentDue', label: t('repair.departmentDue'), children: formatDate(repair.departmentDue) },
              { key: 'platformDue', label: t('repair.platformDue'), children: formatDate(repair.platformDue) },
              ...(repair.departmentOpinion ? [{ key: 'opinion', label: t('repair.departmentOpinion'), children: repair.departmentOpinion }] : []),
              { key: 'result', label: t('repair.result'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{repairResult(repair, t)}</span> },
              ...(repair.decidedAt ? [{ key: 'decidedAt', label: t('repair.decidedAt'), children: formatDateTime(repair.decidedAt) }] : []),
              ...(repair.certificateNo
                ? [
                    {
                      key: 'certificate',
                      label: t('repair.certificateNo'),
                      children: (
                        <Space wrap>
                          {repair.certificateNo}
                          {mayDownloadCertificate && <CertificateButton repair={repair} area="admin" />}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('repair.materials')}
          </Typography.Title>
          {repair.materials.length === 0 ? (
            <Typography.Text type="secondary">{t('repair.noMaterials')}</Typography.Text>
          ) : (
            <List size="small" bordered data-testid="repair-materials" dataSource={repair.materials} renderItem={(file) => <MaterialItem repairId={repair.id} file={file} />} />
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('common.actions')}
          </Typography.Title>
          {actions.length === 0 ? (
            <Typography.Text type="secondary">{t('repair.admin.noActions')}</Typography.Text>
          ) : (
            <Space wrap data-testid="repair-actions">
              {actions.map((action) => (
                <ActionButton
                  key={action}
                  repair={repair}
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
            {t('repair.trail')}
          </Typography.Title>
          <Timeline
            data-testid="repair-trail"
            items={repair.events.map((event) => ({
              color: event.to === 'granted' ? 'green' : event.to === 'refused' ? 'red' : event.to === 'department_review' ? 'orange' : '#1677ff',
              content: (
                <>
                  <div className="record-meta">{formatDateTime(event.at)}</div>
                  <div>
                    <RepairStatusTag status={event.to} />
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

/** `/admin/repairs`: repair applications the user may see, filtered by status and overdue; act on one in its drawer. */
export function RepairsPage() {
  const { t } = useTranslation();
  const [params, update] = useQueryParams('repair');
  const status = params.get('status') ?? '';
  const overdue = params.get('overdue') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const openId = Number(params.get('repair')) || null;
  const repairs = useApi(
    (signal) => api<Page<RepairSummary>>('/repairs', { query: { status, overdue: overdue || undefined, page, pageSize: PAGE_SIZE }, area: 'admin', signal }),
    [status, overdue, page],
  );
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 16 }}>
        {t('admin.menu.repairs')}
      </Typography.Title>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            style={{ width: 180 }}
            value={status}
            aria-label={t('repair.state')}
            onChange={(value: string) => update({ status: value })}
            options={[{ value: '', label: t('repair.admin.allStatuses') }, ...REPAIR_STATUS_LIST.map((s) => ({ value: s, label: t(`repair.status.${s}`) }))]}
          />
          <Checkbox checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? '1' : '' })} data-testid="overdue-only">
            {t('repair.admin.overdueOnly')}
          </Checkbox>
        </Space>
        {repairs.error ? (
          <ErrorState error={repairs.error} onRetry={repairs.reload} home="/admin" />
        ) : (
          <Table<RepairSummary>
            rowKey="id"
            size="small"
            loading={repairs.loading}
            dataSource={repairs.data?.items ?? []}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noRecord')} /> }}
            onRow={(row) => ({ onClick: () => update({ repair: String(row.id) }), style: { cursor: 'pointer' } })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: repairs.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (next) => update({ page: String(next) }),
            }}
            columns={[
              { title: t('repair.id'), dataIndex: 'id', width: 64, render: (id: number) => <a>{id}</a> },
              { title: t('repair.target'), key: 'target', width: 130, render: (_: unknown, row) => `${t(`objection.targetKind.${row.target.kind}`)} ${row.target.id}` },
              {
                title: t('repair.applicant'),
                dataIndex: 'applicantName',
                width: 200,
                render: (name: string, row) => (
                  <>
                    <div>{name}</div>
                    <div className="record-meta">{t(`repair.applicantKind.${row.applicantKind}`)}</div>
                  </>
                ),
              },
              { title: t('repair.state'), dataIndex: 'status', width: 130, render: (s: RepairStatus) => <RepairStatusTag status={s} /> },
              { title: t('repair.deadline'), key: 'deadline', width: 160, render: (_: unknown, row) => <RepairDeadline repair={row} /> },
              { title: t('repair.filedAt'), dataIndex: 'filedAt', width: 150, render: (v: string) => formatDateTime(v) },
              { title: t('repair.result'), key: 'result', render: (_: unknown, row) => <Typography.Text ellipsis>{repairResult(row, t)}</Typography.Text> },
            ]}
          />
        )}
      </Card>
      <RepairDrawer id={openId} onClose={() => update({ repair: '' })} onChanged={repairs.reload} />
    </>
  );
}
