import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { CommitmentDue, CommitmentStatusTag, matterText, type Commitment, type CommitmentOptions, type CommitmentSummary, type CommitmentType } from '../shared/Commitments';
import { ErrorState } from '../shared/ErrorState';
import { formatDate } from '../shared/format';
import { useApi, useErrorText } from '../shared/use-api';

interface FormValues {
  type: CommitmentType;
  matter: string;
  matterDetail: string;
  departmentId: number;
  content: string;
  agree: boolean;
}

/** 在线签署: the type (its standard text fills the text), the matter, the accepting department, and consent. */
function SignForm({ open, options, onClose, onSigned }: { open: boolean; options: CommitmentOptions | undefined; onClose: () => void; onSigned: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const type = Form.useWatch('type', form);
  const notify = options?.types.find((o) => o.type === type)?.notifyAndCommit ?? false;
  const submit = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const signed = await api<Commitment>('/commitments', {
        method: 'POST',
        area: 'my',
        body: { type: values.type, matter: values.matter, matterDetail: (values.matterDetail ?? '').trim(), departmentId: values.departmentId, content: values.content.trim() },
      });
      void message.success(t('commitment.mine.signed', { number: signed.number }));
      form.resetFields();
      onSigned();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('commitment.mine.formTitle')} okText={t('commitment.mine.sign')} okButtonProps={{ loading: busy }} onOk={() => void submit()} onCancel={onClose} width={680} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="commitment-form"
        onValuesChange={(changed: Partial<FormValues>) => {
          if (changed.type) form.setFieldValue('content', options?.types.find((o) => o.type === changed.type)?.template ?? '');
        }}
      >
        <Form.Item name="type" label={t('commitment.type')} rules={[{ required: true, message: t('commitment.mine.typeRequired') }]} extra={notify ? t('commitment.mine.notifyHint') : undefined}>
          <Select aria-label={t('commitment.type')} options={(options?.types ?? []).map((o) => ({ value: o.type, label: t(`commitment.types.${o.type}`) }))} />
        </Form.Item>
        <Form.Item name="matter" label={t('commitment.matter')} rules={[{ required: true, message: t('commitment.mine.matterRequired') }]}>
          <Select aria-label={t('commitment.matter')} showSearch={{ optionFilterProp: 'label' }} options={(options?.matters ?? []).map((m) => ({ value: m.code, label: m.name }))} />
        </Form.Item>
        <Form.Item name="matterDetail" label={t('commitment.matterDetail')}>
          <Input maxLength={300} aria-label={t('commitment.matterDetail')} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('commitment.department')} rules={[{ required: true, message: t('commitment.mine.departmentRequired') }]}>
          <Select aria-label={t('commitment.department')} showSearch={{ optionFilterProp: 'label' }} options={(options?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="content" label={t('commitment.content')} extra={t('commitment.mine.templateHint')} rules={[{ required: true, whitespace: true, message: t('commitment.mine.contentRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={4000} showCount aria-label={t('commitment.content')} />
        </Form.Item>
        <Form.Item name="agree" valuePropName="checked" rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('commitment.mine.agreeRequired')))) }]}>
          <Checkbox data-testid="commitment-agree">{t('commitment.mine.agree')}</Checkbox>
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
    </Modal>
  );
}

/** 我的信用承诺: the subject's commitments with status and due date, and the form to sign one online. */
export function MyCommitments() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const commitments = useApi((signal) => api<Page<CommitmentSummary>>('/commitments', { query: { pageSize: 50 }, area: 'my', signal }), []);
  const options = useApi((signal) => api<CommitmentOptions>('/commitments/options', { area: 'my', signal }), []);
  return (
    <Card
      variant="borderless"
      title={t('commitment.mine.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-commitment">
          {t('commitment.mine.create')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="my-commitments"
    >
      <Typography.Paragraph type="secondary">{t('commitment.mine.hint')}</Typography.Paragraph>
      {commitments.error ? (
        <ErrorState error={commitments.error} onRetry={commitments.reload} />
      ) : (
        <Table<CommitmentSummary>
          rowKey="id"
          size="small"
          loading={commitments.loading}
          dataSource={commitments.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1300 }}
          locale={{ emptyText: t('commitment.mine.empty') }}
          columns={[
            { title: t('commitment.number'), dataIndex: 'number', width: 170 },
            { title: t('commitment.type'), dataIndex: 'type', width: 170, render: (type: CommitmentType) => t(`commitment.types.${type}`) },
            { title: t('commitment.matter'), key: 'matter', width: 240, render: (_: unknown, row) => matterText(row) },
            { title: t('commitment.department'), dataIndex: 'departmentName', width: 180 },
            { title: t('commitment.signedOn'), dataIndex: 'signedOn', width: 110, render: (v: string) => formatDate(v) },
            { title: t('commitment.dueDate'), key: 'due', width: 170, render: (_: unknown, row) => <CommitmentDue commitment={row} /> },
            { title: t('commitment.state'), dataIndex: 'status', width: 100, render: (_: unknown, row) => <CommitmentStatusTag status={row.status} /> },
            { title: t('commitment.verdict'), dataIndex: 'verdictReason', width: 200, render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
      <SignForm
        open={open}
        options={options.data}
        onClose={() => setOpen(false)}
        onSigned={() => {
          setOpen(false);
          commitments.reload();
        }}
      />
    </Card>
  );
}
