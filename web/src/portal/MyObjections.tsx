import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { ListNotice } from '../../../src/lists/schemas.js';
import type { Page, SubjectRecordView, TopicCategory } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatDate, formatDateTime } from '../shared/format';
import {
  OBJECTION_REASONS,
  ObjectionDeadline,
  ObjectionStatusTag,
  objectionResult,
  type Objection,
  type ObjectionReason,
  type ObjectionSummary,
} from '../shared/Objections';
import { useDueProcess } from '../shared/due-process';
import { useApi, useErrorText } from '../shared/use-api';

const MAX_BYTES = 10 * 1024 * 1024;
const EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png'];

interface FormValues {
  target: string;
  reasonCode: ObjectionReason;
  reasonText: string;
}

/** The items a subject may object to: its records and list entries as its record view shows them. */
export function useTargets(view: SubjectRecordView, categories?: readonly TopicCategory[]) {
  const { t } = useTranslation();
  const sections = categories ? view.sections.filter((section) => categories.includes(section.category)) : view.sections;
  const options = sections.flatMap((section) =>
    // Commitments (信用承诺) are not records: a disputed verdict is objected to through its breach record.
    section.records.filter((record) => record.source !== 'commitment').map((record) => {
      const kind = record.source === 'list_entry' ? 'list_entry' : 'record';
      const date = record.decisionDate ? ` · ${formatDate(record.decisionDate)}` : '';
      return {
        value: `${kind}:${record.id}`,
        label: `【${t(`category.${section.category}`)}】${record.title || record.topicName}${record.documentNo ? ` · ${record.documentNo}` : ''}${date}`,
      };
    }),
  );
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return { options, labelOf: (o: { target: { kind: string; id: number } }) => labels.get(`${o.target.kind}:${o.target.id}`) ?? `${t(`objection.targetKind.${o.target.kind}`)} ${o.target.id}` };
}

/** 提出异议: choose the item, the reason, explain, attach evidence; the files go up once the objection exists. */
function ObjectionForm({
  open,
  options,
  initialTarget,
  onClose,
  onFiled,
}: {
  open: boolean;
  options: { value: string; label: string }[];
  initialTarget?: string;
  onClose: () => void;
  onFiled: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const [kind, id] = values.target.split(':') as ['record' | 'list_entry', string];
    setBusy(true);
    setError(null);
    try {
      const filed = await api<Objection>('/objections', {
        method: 'POST',
        area: 'my',
        body: { target: { kind, id: Number(id) }, reasonCode: values.reasonCode, reasonText: values.reasonText.trim() },
      });
      for (const file of files) {
        const body = new FormData();
        body.append('file', file.originFileObj as Blob, file.name);
        try {
          await api(`/objections/${filed.id}/evidence`, { method: 'POST', area: 'my', body });
        } catch (caught) {
          void message.error(t('objection.mine.evidenceFailed', { name: file.name, error: errorText(caught) }));
        }
      }
      void message.success(t('objection.mine.submitted', { id: filed.id }));
      form.resetFields();
      setFiles([]);
      onFiled();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('objection.mine.formTitle')}
      okText={t('common.submit')}
      okButtonProps={{ loading: busy, disabled: options.length === 0 }}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {options.length === 0 ? (
        <Alert type="info" showIcon title={t('objection.mine.noTargets')} />
      ) : (
        <Form form={form} layout="vertical" preserve={false} data-testid="objection-form" initialValues={initialTarget ? { target: initialTarget } : undefined}>
          <Form.Item name="target" label={t('objection.mine.targetLabel')} rules={[{ required: true, message: t('objection.mine.targetRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('objection.mine.targetPlaceholder')} options={options} />
          </Form.Item>
          <Form.Item name="reasonCode" label={t('objection.reasonCode')} rules={[{ required: true, message: t('objection.mine.reasonRequired') }]}>
            <Select options={OBJECTION_REASONS.map((code) => ({ value: code, label: t(`objection.reason.${code}`) }))} />
          </Form.Item>
          <Form.Item
            name="reasonText"
            label={t('objection.mine.textLabel')}
            rules={[{ required: true, whitespace: true, message: t('objection.mine.textRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={2000} showCount placeholder={t('objection.mine.textPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('objection.mine.evidenceLabel')} extra={t('objection.mine.evidenceHint')}>
            <Upload
              multiple
              accept={EXTENSIONS.join(',')}
              fileList={files}
              maxCount={10}
              beforeUpload={(file) => {
                const name = file.name.toLowerCase();
                if (!EXTENSIONS.some((ext) => name.endsWith(ext))) void message.error(t('objection.mine.badType', { name: file.name }));
                else if (file.size > MAX_BYTES) void message.error(t('objection.mine.tooLarge', { name: file.name }));
                else setFiles((current) => [...current, { uid: file.uid, name: file.name, size: file.size, originFileObj: file }]);
                return Upload.LIST_IGNORE;
              }}
              onRemove={(file) => setFiles((current) => current.filter((f) => f.uid !== file.uid))}
            >
              <Button icon={<UploadOutlined />}>{t('objection.mine.pickFiles')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      )}
      {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
    </Modal>
  );
}

/** 我的异议: the subject's objections with status, deadline and result, and the form to file one. */
export function MyObjections({ view }: { view: SubjectRecordView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [preset, setPreset] = useState<string | undefined>(undefined);
  const objections = useApi((signal) => api<Page<ObjectionSummary>>('/objections', { query: { pageSize: 50 }, area: 'my', signal }), []);
  const notices = useApi((signal) => api<{ items: ListNotice[] }>('/my/list-notices', { area: 'my', signal }), []);
  const deadlines = useDueProcess();
  const targets = useTargets(view);
  // Entries in their notice period are not in the record yet, but are the first thing to object to.
  const noticeOptions = (notices.data?.items ?? []).map((n) => ({ value: `list_entry:${n.id}`, label: `【${t('objection.mine.notice')}】${n.listType.name}${n.decisionNo ? ` · ${n.decisionNo}` : ''}` }));
  const options = [...noticeOptions, ...targets.options];
  const noticeLabels = new Map(noticeOptions.map((o) => [o.value, o.label]));
  const labelOf = (o: ObjectionSummary) => noticeLabels.get(`${o.target.kind}:${o.target.id}`) ?? targets.labelOf(o);
  const openForm = (target?: string) => {
    setPreset(target);
    setOpen(true);
  };
  return (
    <Card
      variant="borderless"
      title={t('objection.mine.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm()} data-testid="new-objection">
          {t('objection.mine.create')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="my-objections"
    >
      {deadlines && (
        <Typography.Paragraph type="secondary">
          {t('objection.mine.hint', { accept: deadlines.objectionAcceptWorkdays, verify: deadlines.objectionVerifyWorkdays })}
        </Typography.Paragraph>
      )}
      {(notices.data?.items ?? []).map((notice) => (
        <Alert
          key={notice.id}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="list-notice"
          title={t('objection.mine.noticeTitle', { list: notice.listType.name, department: notice.department ?? '' })}
          description={
            <>
              <div>
                {t('objection.mine.noticeBody', { decisionNo: notice.decisionNo ?? '—', reasons: notice.reasons })}
                {notice.basis ? ` ${t('objection.mine.noticeBasis', { basis: notice.basis })}` : ''}
              </div>
              <div style={{ marginTop: 4 }}>
                {notice.openObjection
                  ? t('objection.mine.noticeObjected', { id: notice.openObjection.id })
                  : t('objection.mine.noticeDeadline', { date: formatDate(notice.objectionUntil) })}
              </div>
            </>
          }
          action={
            notice.openObjection ? undefined : (
              <Button size="small" onClick={() => openForm(`list_entry:${notice.id}`)} data-testid="object-to-notice">
                {t('objection.mine.create')}
              </Button>
            )
          }
        />
      ))}
      {objections.error ? (
        <ErrorState error={objections.error} onRetry={objections.reload} />
      ) : (
        <Table<ObjectionSummary>
          rowKey="id"
          size="small"
          loading={objections.loading}
          dataSource={objections.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('objection.mine.empty') }}
          columns={[
            { title: t('objection.id'), dataIndex: 'id', width: 64 },
            { title: t('objection.target'), key: 'target', render: (_: unknown, row) => labelOf(row) },
            { title: t('objection.reasonCode'), dataIndex: 'reasonCode', width: 120, render: (code: ObjectionReason) => t(`objection.reason.${code}`) },
            { title: t('objection.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string) => formatDateTime(v) },
            { title: t('objection.state'), dataIndex: 'status', width: 100, render: (_: unknown, row) => <ObjectionStatusTag status={row.decision ?? row.status} /> },
            { title: t('objection.deadline'), key: 'deadline', width: 150, render: (_: unknown, row) => <ObjectionDeadline objection={row} /> },
            { title: t('objection.result'), key: 'result', width: 220, render: (_: unknown, row) => objectionResult(row, t) },
          ]}
        />
      )}
      <ObjectionForm
        open={open}
        options={options}
        initialTarget={preset}
        onClose={() => setOpen(false)}
        onFiled={() => {
          setOpen(false);
          objections.reload();
          notices.reload();
        }}
      />
    </Card>
  );
}
