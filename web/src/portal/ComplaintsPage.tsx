import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Checkbox, Col, Descriptions, Form, Input, Result, Row, Select, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { SearchResult } from '../api/types';
import { COMPLAINT_CATEGORY_LIST, ComplaintStatusTag, type ComplaintCategory, type ComplaintReceipt, type PublicComplaint } from '../shared/Complaints';
import { formatDate, formatDateTime } from '../shared/format';
import { FILE_EXTENSIONS, fileProblem } from '../shared/Repairs';
import { useErrorText } from '../shared/use-api';
import { useDueProcess } from '../shared/due-process';

const MAX_EVIDENCE_FILES = 5;
const PHONE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;

interface FileValues {
  subjectName: string;
  subjectCode?: string;
  category: ComplaintCategory;
  description: string;
  anonymous: boolean;
  name?: string;
  phone?: string;
}

/** Subjects on the platform matching what is typed (信用查询), to pick the right one. */
function useSubjectOptions(text: string) {
  const [options, setOptions] = useState<{ value: string; label: string; id: number; name: string; code: string | null }[]>([]);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setOptions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<SearchResult>('/public/search', { query: { q, pageSize: 8 }, signal: controller.signal }).then(
        (result) => setOptions(result.items.map((hit) => ({ value: `${hit.id}`, label: `${hit.name}${hit.uscc ? ` · ${hit.uscc}` : ''}`, id: hit.id, name: hit.name, code: hit.uscc }))),
        () => setOptions([]),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  return options;
}

/** 我要举报: the subject (picked or typed), category, facts, optional identity, evidence; then the receipt. */
function ComplaintForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<FileValues>();
  const anonymous = Form.useWatch('anonymous', form) ?? true;
  const subjectText = Form.useWatch('subjectName', form) ?? '';
  const options = useSubjectOptions(subjectText);
  const [picked, setPicked] = useState<{ id: number; name: string } | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<(ComplaintReceipt & { uploaded: number }) | null>(null);
  const submit = async (values: FileValues) => {
    setBusy(true);
    setError(null);
    try {
      const code = values.subjectCode?.trim() || undefined;
      const subject = picked && picked.name === values.subjectName ? { id: picked.id, ...(code ? { code } : {}) } : { name: values.subjectName.trim(), ...(code ? { code } : {}) };
      const complainant = values.anonymous ? undefined : { ...(values.name?.trim() ? { name: values.name.trim() } : {}), ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}) };
      const filed = await api<ComplaintReceipt>('/public/complaints', {
        method: 'POST',
        body: { subject, category: values.category, description: values.description.trim(), ...(complainant && Object.keys(complainant).length > 0 ? { complainant } : {}) },
      });
      let uploaded = 0;
      for (const file of files) {
        const body = new FormData();
        body.append('file', file.originFileObj as Blob, file.name);
        try {
          await api(`/public/complaints/${filed.trackingNumber}/evidence`, { method: 'POST', query: { code: filed.queryCode }, body });
          uploaded += 1;
        } catch (caught) {
          void message.error(t('complaint.portal.evidenceFailed', { name: file.name, error: errorText(caught) }));
        }
      }
      setReceipt({ ...filed, uploaded });
      form.resetFields();
      setFiles([]);
      setPicked(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  if (receipt) {
    return (
      <Result
        status="success"
        title={t('complaint.portal.successTitle')}
        data-testid="complaint-receipt"
        subTitle={receipt.uploaded > 0 ? t('complaint.portal.evidenceDone', { count: receipt.uploaded }) : undefined}
        style={{ padding: '16px 0' }}
      >
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 100 }, content: { fontSize: 18, fontWeight: 600, letterSpacing: 1 } }}
          items={[
            { key: 'tn', label: t('complaint.trackingNumber'), children: <Typography.Text copyable data-testid="receipt-tracking">{receipt.trackingNumber}</Typography.Text> },
            { key: 'code', label: t('complaint.queryCode'), children: <Typography.Text copyable data-testid="receipt-code">{receipt.queryCode}</Typography.Text> },
          ]}
        />
        <Alert type="warning" showIcon title={t('complaint.portal.keepCode')} style={{ marginTop: 16 }} />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => setReceipt(null)}>{t('complaint.portal.another')}</Button>
        </div>
      </Result>
    );
  }
  return (
    <Form form={form} layout="vertical" initialValues={{ anonymous: true }} onFinish={(values) => void submit(values)} data-testid="complaint-form">
      <Alert type="info" showIcon title={t('complaint.portal.privacy')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="subjectName"
        label={t('complaint.portal.subjectLabel')}
        rules={[{ required: true, whitespace: true, message: t('complaint.portal.subjectRequired') }, { max: 200 }]}
        extra={picked && picked.name === subjectText ? t('complaint.portal.subjectPicked', { name: picked.name }) : undefined}
      >
        <AutoComplete
          options={options.map((o) => ({ value: o.value, label: o.label }))}
          placeholder={t('complaint.portal.subjectPlaceholder')}
          onSelect={(value: string) => {
            const option = options.find((o) => o.value === value);
            if (!option) return;
            setPicked({ id: option.id, name: option.name });
            form.setFieldsValue({ subjectName: option.name, subjectCode: option.code ?? undefined });
          }}
          data-testid="complaint-subject"
        />
      </Form.Item>
      <Form.Item name="subjectCode" label={t('complaint.portal.codeLabel')} rules={[{ pattern: /^[0-9A-Za-z-]*$/, message: t('complaint.portal.codeInvalid') }, { max: 30 }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="category" label={t('complaint.categoryLabel')} rules={[{ required: true, message: t('complaint.portal.categoryRequired') }]}>
        <Select options={COMPLAINT_CATEGORY_LIST.map((c) => ({ value: c, label: t(`complaint.category.${c}`) }))} data-testid="complaint-category" aria-label={t('complaint.categoryLabel')} />
      </Form.Item>
      <Form.Item name="description" label={t('complaint.description')} rules={[{ required: true, whitespace: true, min: 10, message: t('complaint.portal.descriptionRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount placeholder={t('complaint.portal.descriptionPlaceholder')} />
      </Form.Item>
      <Form.Item name="anonymous" valuePropName="checked">
        <Checkbox data-testid="complaint-anonymous">{t('complaint.portal.anonymous')}</Checkbox>
      </Form.Item>
      {!anonymous && (
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('complaint.portal.nameLabel')} rules={[{ max: 50 }]}>
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('complaint.portal.phoneLabel')} rules={[{ pattern: PHONE, message: t('complaint.portal.phoneInvalid') }]}>
              <Input maxLength={13} autoComplete="tel" inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item label={t('complaint.portal.evidenceLabel')} extra={t('complaint.portal.evidenceHint')}>
        <Upload
          multiple
          accept={FILE_EXTENSIONS.join(',')}
          fileList={files}
          maxCount={MAX_EVIDENCE_FILES}
          beforeUpload={(file) => {
            const problem = fileProblem(file);
            if (problem) void message.error(t(`objection.mine.${problem}`, { name: file.name }));
            else setFiles((current) => (current.length >= MAX_EVIDENCE_FILES ? current : [...current, { uid: file.uid, name: file.name, size: file.size, originFileObj: file }]));
            return Upload.LIST_IGNORE;
          }}
          onRemove={(file) => setFiles((current) => current.filter((f) => f.uid !== file.uid))}
        >
          <Button icon={<UploadOutlined />}>{t('objection.mine.pickFiles')}</Button>
        </Upload>
      </Form.Item>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} data-testid="complaint-error" />}
      <Button type="primary" htmlType="submit" loading={busy} block data-testid="complaint-submit">
        {t('complaint.portal.submit')}
      </Button>
    </Form>
  );
}

/** 查询办理结果: tracking number + query code → status, department, deadline, outcome. */
function TrackForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [found, setFound] = useState<PublicComplaint | null>(null);
  const track = async (values: { trackingNumber: string; code: string }) => {
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      setFound(await api<PublicComplaint>(`/public/complaints/${encodeURIComponent(values.trackingNumber.trim().toUpperCase())}`, { query: { code: values.code.trim().toUpperCase() } }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('complaint.portal.trackHint')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={(values: { trackingNumber: string; code: string }) => void track(values)} data-testid="track-form">
        <Form.Item name="trackingNumber" label={t('complaint.trackingNumber')} rules={[{ required: true, whitespace: true, message: t('complaint.portal.trackingRequired') }]}>
          <Input maxLength={18} placeholder="TS2025…" autoComplete="off" />
        </Form.Item>
        <Form.Item name="code" label={t('complaint.queryCode')} rules={[{ required: true, whitespace: true, message: t('complaint.portal.codeRequired') }]}>
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={busy} block data-testid="track-submit">
          {t('complaint.portal.track')}
        </Button>
      </Form>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginTop: 16 }} data-testid="track-error" />}
      {found && (
        <Descriptions
          bordered
          size="small"
          column={1}
          style={{ marginTop: 16 }}
          data-testid="track-result"
          styles={{ label: { width: 96 } }}
          items={[
            { key: 'tn', label: t('complaint.trackingNumber'), children: found.trackingNumber },
            { key: 'subject', label: t('complaint.subject'), children: found.subjectName },
            { key: 'category', label: t('complaint.categoryLabel'), children: t(`complaint.category.${found.category}`) },
            { key: 'status', label: t('complaint.state'), children: <ComplaintStatusTag status={found.status} /> },
            { key: 'department', label: t('complaint.department'), children: found.departmentName ?? '—' },
            { key: 'due', label: t('complaint.dueDate'), children: formatDate(found.dueDate) },
            { key: 'submitted', label: t('complaint.submittedAt'), children: formatDateTime(found.submittedAt) },
            {
              key: 'outcome',
              label: t('complaint.outcomeLabel'),
              children: found.outcome ? t(`complaint.outcome.${found.outcome}`) : found.status === 'rejected' ? t('complaint.status.rejected') : t('complaint.portal.notConcluded'),
            },
            ...(found.result ? [{ key: 'result', label: t('complaint.result'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{found.result}</span> }] : []),
            ...(found.concludedAt ? [{ key: 'concluded', label: t('complaint.concludedAt'), children: formatDateTime(found.concludedAt) }] : []),
          ]}
        />
      )}
    </>
  );
}

/** `/complaints`: 投诉举报 — file a complaint (anonymously if wished) and track it by number + code. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const deadlines = useDueProcess();
  return (
    <div className="portal-main">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('complaint.portal.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('complaint.portal.intro', { days: deadlines?.complaintWorkdays ?? '…' })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card variant="borderless" title={t('complaint.portal.fileTitle')}>
            <ComplaintForm />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title={t('complaint.portal.trackTitle')}>
            <TrackForm />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
