import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Tabs, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { VerifyByNumberResult, VerifyFileResult } from '../api/types';
import { formatDateTime } from '../shared/format';
import { useErrorText } from '../shared/use-api';

function ByNumber() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ number: string; code: string }>();
  const [result, setResult] = useState<VerifyByNumberResult>();
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);
  const check = async (values: { number: string; code: string }) => {
    setChecking(true);
    setError(undefined);
    setResult(undefined);
    try {
      const number = values.number.trim();
      const code = values.code.trim();
      setParams({ number, code }, { replace: true });
      setResult(await api<VerifyByNumberResult>(`/reports/${encodeURIComponent(number)}/verify`, { query: { code } }));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setChecking(false);
    }
  };
  // The QR code of a report links here with both values: check at once.
  const initialNumber = params.get('number') ?? '';
  const initialCode = params.get('code') ?? '';
  useEffect(() => {
    if (initialNumber && initialCode) void check({ number: initialNumber, code: initialCode });
    // Only on arrival: later checks come from the form.
  }, []);
  return (
    <>
      <Form form={form} layout="vertical" initialValues={{ number: initialNumber, code: initialCode }} onFinish={(values) => void check(values)} style={{ maxWidth: 480 }}>
        <Form.Item name="number" label={t('verify.number')} rules={[{ required: true, whitespace: true, message: t('verify.numberRequired') }]}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="code" label={t('verify.code')} rules={[{ required: true, whitespace: true, message: t('verify.codeRequired') }]}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={checking}>
          {t('verify.verify')}
        </Button>
      </Form>
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} />}
      {result && (
        <Result
          status={result.authentic && result.signatureValid ? 'success' : 'error'}
          title={result.authentic && result.signatureValid ? t('verify.authentic') : t('verify.notAuthentic')}
          subTitle={result.authentic ? undefined : t('verify.notAuthenticHint')}
        >
          {result.authentic && (
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                { key: 'number', label: t('verify.number'), children: result.number },
                { key: 'subject', label: t('verify.subjectName'), children: result.subjectName ?? '—' },
                { key: 'issued', label: t('verify.issuedAt'), children: formatDateTime(result.issuedAt) },
                {
                  key: 'scope',
                  label: t('verify.scope'),
                  children: result.scope === 'public' || result.scope === 'shared' ? t(`verify.scopes.${result.scope}`) : (result.scope ?? '—'),
                },
                { key: 'signature', label: t('verify.signature'), children: result.signatureValid ? t('verify.signatureOk') : t('verify.signatureBad') },
                { key: 'sha256', label: t('verify.sha256'), children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{result.sha256 ?? '—'}</Typography.Text> },
              ]}
            />
          )}
        </Result>
      )}
    </>
  );
}

function ByFile() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [result, setResult] = useState<VerifyFileResult>();
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);
  const check = async (file: File) => {
    setChecking(true);
    setError(undefined);
    setResult(undefined);
    try {
      if (!file.name.toLowerCase().endsWith('.pdf') && file.type !== 'application/pdf') throw new Error(t('verify.notPdf'));
      setResult(await api<VerifyFileResult>('/reports/verify', { method: 'POST', body: file, contentType: 'application/pdf' }));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setChecking(false);
    }
  };
  const good = result?.authentic && result.unchanged;
  return (
    <>
      <Upload.Dragger
        accept=".pdf,application/pdf"
        showUploadList={false}
        disabled={checking}
        beforeUpload={(file) => {
          void check(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('verify.dropHint')}</p>
        <p className="ant-upload-hint">{t('verify.dropSub')}</p>
      </Upload.Dragger>
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} />}
      {result && (
        <Result
          status={good ? 'success' : 'error'}
          title={good ? t('verify.fileAuthentic') : t('verify.fileChanged')}
          subTitle={good ? undefined : t('verify.fileChangedHint')}
        >
          {result.number && (
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                { key: 'number', label: t('verify.number'), children: result.number },
                { key: 'subject', label: t('verify.subjectName'), children: result.subjectName ?? '—' },
                { key: 'issued', label: t('verify.issuedAt'), children: formatDateTime(result.issuedAt) },
              ]}
            />
          )}
        </Result>
      )}
    </>
  );
}

/** `/verify`: 报告核验 by number and code (the QR code links here) or by uploading the PDF. */
export function VerifyPage() {
  const { t } = useTranslation();
  return (
    <div className="portal-main" style={{ maxWidth: 900 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('verify.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
      <Card variant="borderless">
        <Tabs
          items={[
            { key: 'number', label: t('verify.byNumber'), children: <ByNumber /> },
            { key: 'file', label: t('verify.byFile'), children: <ByFile /> },
          ]}
        />
      </Card>
    </div>
  );
}
