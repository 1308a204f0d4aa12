import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Page, SubjectRecordView, TopicCategory } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatDate, formatDateTime } from '../shared/format';
import { CertificateButton, FILE_EXTENSIONS, fileProblem, RepairDeadline, repairResult, RepairStatusTag, type Eligibility, type MaterialKind, type Repair, type RepairSummary } from '../shared/Repairs';
import { useApi, useErrorText } from '../shared/use-api';
import { useDueProcess } from '../shared/due-process';
import { useTargets } from './MyObjections';

/** Only dishonesty information is repaired: penalties and entries of the black and watch lists, not licences or red lists. */
const DISHONESTY_CATEGORIES: readonly TopicCategory[] = ['penalty', 'black_list', 'watch_list'];

interface FormValues {
  target: string;
  statement: string;
}

/** One required (or optional) file slot of the form. */
function FilePicker({ kind, files, onChange, multiple }: { kind: MaterialKind; files: UploadFile[]; onChange: (files: UploadFile[]) => void; multiple?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Upload
      multiple={multiple}
      accept={FILE_EXTENSIONS.join(',')}
      fileList={files}
      data-testid={`material-${kind}`}
      beforeUpload={(file) => {
        const problem = fileProblem(file);
        if (problem) void message.error(t(`objection.mine.${problem}`, { name: file.name }));
        else onChange(multiple ? [...files, { uid: file.uid, name: file.name, size: file.size, originFileObj: file }] : [{ uid: file.uid, name: file.name, size: file.size, originFileObj: file }]);
        return Upload.LIST_IGNORE;
      }}
      onRemove={(file) => onChange(files.filter((f) => f.uid !== file.uid))}
    >
      <Button icon={<UploadOutlined />}>{t('repair.mine.pickFile')}</Button>
    </Upload>
  );
}

type Files = Record<MaterialKind, UploadFile[]>;

/** Uploads the chosen materials of an application, then submits it; a failed upload stops with its message. */
async function uploadAndSubmit(id: number, files: Files, t: (key: string, options?: Record<string, unknown>) => string, errorText: (error: unknown) => string) {
  for (const materialKind of ['commitment', 'proof', 'other'] as const) {
    for (const file of files[materialKind]) {
      const body = new FormData();
      body.append('kind', materialKind);
      body.append('file', file.originFileObj as Blob, file.name);
      try {
        await api(`/repairs/${id}/materials`, { method: 'POST', area: 'my', body });
      } catch (caught) {
        throw new Error(t('repair.mine.stepFile', { id, name: file.name, error: errorText(caught) }), { cause: caught });
      }
    }
  }
  await api<Repair>(`/repairs/${id}/transitions`, { method: 'POST', area: 'my', body: { action: 'submit', reason: '' } });
}

/** 补交材料并提交: an application left unsubmitted (e.g. an upload failed) is completed, not filed again. */
function ContinueButton({ repair, onDone }: { repair: RepairSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<Files>({ commitment: [], proof: [], other: [] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const setKind = (kind: MaterialKind) => (list: UploadFile[]) => setFiles((current) => ({ ...current, [kind]: list }));
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await uploadAndSubmit(repair.id, files, t, errorText);
      void message.success(t('repair.mine.submitted', { id: repair.id }));
      setOpen(false);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" type="primary" ghost onClick={() => setOpen(true)} data-testid={`continue-${repair.id}`}>
        {t('repair.mine.continue')}
      </Button>
      <Modal open={open} title={t('repair.mine.continue')} okText={t('common.submit')} okButtonProps={{ loading: busy }} onOk={() => void submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('repair.mine.continueHint')}</Typography.Paragraph>
        <Form layout="vertical">
          {(['commitment', 'proof', 'other'] as const).map((kind) => (
            <Form.Item key={kind} label={t(`repair.materialKind.${kind}`)} extra={kind === 'commitment' ? t('repair.mine.fileHint') : undefined}>
              <FilePicker kind={kind} files={files[kind]} onChange={setKind(kind)} multiple={kind === 'other'} />
            </Form.Item>
          ))}
        </Form>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      </Modal>
    </>
  );
}

/** Whether the chosen item may be repaired today, and if not why and from when (GET /repairs/eligibility). */
function EligibilityNote({ target }: { target: string | undefined }) {
  const { t } = useTranslation();
  const eligibility = useApi(async (signal) => {
    if (!target) return undefined;
    const [kind, id] = target.split(':');
    return api<Eligibility>('/repairs/eligibility', { query: kind === 'record' ? { recordId: id } : { entryId: id }, area: 'my', signal });
  }, [target]);
  if (!target) return null;
  if (eligibility.error) return <ErrorState error={eligibility.error} onRetry={eligibility.reload} />;
  const data = eligibility.data;
  if (!data || eligibility.loading) return <Alert type="info" showIcon title={t('repair.mine.checking')} style={{ marginBottom: 16 }} />;
  return (
    <Alert
      type={data.eligible ? 'success' : 'warning'}
      showIcon
      data-testid="repair-eligibility"
      data-eligible={data.eligible}
      style={{ marginBottom: 16 }}
      title={data.eligible ? t('repair.mine.eligible') : t('repair.mine.notEligible')}
      description={
        <>
          {data.explanation}。{!data.eligible && data.eligibleFrom ? t('repair.mine.eligibleFrom', { date: formatDate(data.eligibleFrom) }) : ''}
        </>
      }
    />
  );
}

/** 申请信用修复: choose the item (its eligibility is shown), explain, attach the commitment letter and proof, submit. */
function RepairForm({ open, options, onClose, onFiled }: { open: boolean; options: { value: string; label: string }[]; onClose: () => void; onFiled: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const target = Form.useWatch('target', form);
  const [files, setFiles] = useState<Files>({ commitment: [], proof: [], other: [] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const setKind = (kind: MaterialKind) => (list: UploadFile[]) => setFiles((current) => ({ ...current, [kind]: list }));
  const submit = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    for (const kind of ['commitment', 'proof'] as const) {
      if (files[kind].length === 0) {
        setError(new Error(t('repair.mine.fileRequired', { kind: t(`repair.materialKind.${kind}`) })));
        return;
      }
    }
    const [kind, id] = values.target.split(':') as ['record' | 'list_entry', string];
    setBusy(true);
    setError(null);
    try {
      const filed = await api<Repair>('/repairs', { method: 'POST', area: 'my', body: { target: { kind, id: Number(id) }, statement: values.statement.trim() } });
      await uploadAndSubmit(filed.id, files, t, errorText);
      void message.success(t('repair.mine.submitted', { id: filed.id }));
      form.resetFields();
      setFiles({ commitment: [], proof: [], other: [] });
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
      title={t('repair.mine.formTitle')}
      okText={t('common.submit')}
      okButtonProps={{ loading: busy, disabled: options.length === 0 }}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {options.length === 0 ? (
        <Alert type="info" showIcon title={t('repair.mine.noTargets')} />
      ) : (
        <Form form={form} layout="vertical" preserve={false} data-testid="repair-form">
          <Form.Item name="target" label={t('repair.mine.targetLabel')} rules={[{ required: true, message: t('repair.mine.targetRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('repair.mine.targetPlaceholder')} options={options} />
          </Form.Item>
          <EligibilityNote target={target} />
          <Form.Item name="statement" label={t('repair.mine.statementLabel')} rules={[{ required: true, whitespace: true, message: t('repair.mine.statementRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount placeholder={t('repair.mine.statementPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('repair.mine.commitmentLabel')} required extra={t('repair.mine.fileHint')}>
            <FilePicker kind="commitment" files={files.commitment} onChange={setKind('commitment')} />
          </Form.Item>
          <Form.Item label={t('repair.mine.proofLabel')} required>
            <FilePicker kind="proof" files={files.proof} onChange={setKind('proof')} />
          </Form.Item>
          <Form.Item label={t('repair.mine.otherLabel')}>
            <FilePicker kind="other" files={files.other} onChange={setKind('other')} multiple />
          </Form.Item>
        </Form>
      )}
      {error !== null && <Alert type="error" showIcon title={errorText(error)} data-testid="repair-error" />}
    </Modal>
  );
}

/** 我的信用修复: the subject's applications with status, deadline, result and certificate, and the form to apply. */
export function MyRepairs({ view }: { view: SubjectRecordView }) {
  const { t } = useTranslation();
  const deadlines = useDueProcess();
  const [open, setOpen] = useState(false);
  const repairs = useApi((signal) => api<Page<RepairSummary>>('/repairs', { query: { pageSize: 50 }, area: 'my', signal }), []);
  const { options } = useTargets(view, DISHONESTY_CATEGORIES);
  const { labelOf } = useTargets(view);
  return (
    <Card
      variant="borderless"
      title={t('repair.mine.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-repair">
          {t('repair.mine.create')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="my-repairs"
    >
      <Typography.Paragraph type="secondary">{t('repair.mine.hint', { dept: deadlines?.repairDepartmentWorkdays ?? '…', total: deadlines?.repairTotalWorkdays ?? '…' })}</Typography.Paragraph>
      {repairs.error ? (
        <ErrorState error={repairs.error} onRetry={repairs.reload} />
      ) : (
        <Table<RepairSummary>
          rowKey="id"
          size="small"
          loading={repairs.loading}
          dataSource={repairs.data?.items ?? []}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('repair.mine.empty') }}
          columns={[
            { title: t('repair.id'), dataIndex: 'id', width: 64 },
            { title: t('repair.target'), key: 'target', width: 260, render: (_: unknown, row) => labelOf(row) },
            { title: t('repair.filedAt'), dataIndex: 'filedAt', width: 150, render: (v: string) => formatDateTime(v) },
            {
              title: t('repair.state'),
              dataIndex: 'status',
              width: 130,
              render: (_: unknown, row) => (
                <Space orientation="vertical" size={4}>
                  <RepairStatusTag status={row.status} />
                  {row.status === 'submitted' && <ContinueButton repair={row} onDone={repairs.reload} />}
                </Space>
              ),
            },
            { title: t('repair.deadline'), key: 'deadline', width: 150, render: (_: unknown, row) => <RepairDeadline repair={row} /> },
            { title: t('repair.result'), key: 'result', width: 200, render: (_: unknown, row) => repairResult(row, t) },
            {
              title: t('repair.certificate'),
              key: 'certificate',
              width: 190,
              render: (_: unknown, row) =>
                row.certificateNo ? (
                  <Space orientation="vertical" size={4}>
                    <span className="record-meta">{row.certificateNo}</span>
                    <CertificateButton repair={row} area="my" />
                  </Space>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      <RepairForm
        open={open}
        options={options}
        onClose={() => setOpen(false)}
        onFiled={() => {
          setOpen(false);
          repairs.reload();
        }}
      />
    </Card>
  );
}
