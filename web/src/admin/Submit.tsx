import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { formatBytes } from '../shared/format';
import { useApi, useErrorText } from '../shared/use-api';
import { useCan, useSession } from './auth';
import { BatchReport } from './BatchReport';
import type { Batch, DepartmentView, Topic } from './types';

/** `/admin/submit`: upload a file for a topic and read the batch report. */
export function SubmitPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { me } = useSession();
  const can = useCan();
  const topics = useApi((signal) => api<Topic[]>('/catalog/topics', { signal }), []);
  const chooseDepartment = can('admin') || !me.department;
  const departments = useApi(
    async (signal) => (chooseDepartment ? (await api<{ items: DepartmentView[] }>('/departments', { area: 'admin', signal })).items : []),
    [chooseDepartment],
  );
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [report, setReport] = useState<Batch>();
  const submit = async (values: { topic: string; department?: string }) => {
    if (!file) {
      setError(t('admin.submit.chooseFile'));
      return;
    }
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      const body = new FormData();
      // The server reads the fields before the file.
      body.append('topic', values.topic);
      if (values.department) body.append('department', values.department);
      body.append('file', file, file.name);
      setReport(await api<Batch>('/batches/upload', { method: 'POST', area: 'admin', body }));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.submit.title')}
      </Typography.Title>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Form layout="vertical" onFinish={(values: { topic: string; department?: string }) => void submit(values)} style={{ maxWidth: 640 }}>
          <Form.Item name="topic" label={t('admin.submit.topic')} rules={[{ required: true, message: t('admin.submit.chooseTopic') }]}>
            <Select
              loading={topics.loading}
              options={(topics.data ?? []).filter((topic) => topic.active).map((topic) => ({ value: topic.definition.code, label: `${topic.definition.name}（${topic.definition.code}）` }))}
            />
          </Form.Item>
          {chooseDepartment && (
            <Form.Item name="department" label={t('admin.submit.department')} rules={[{ required: true, message: t('admin.submit.chooseDepartment') }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={departments.loading}
                options={(departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: d.name }))}
              />
            </Form.Item>
          )}
          <Form.Item label={t('admin.submit.file')} required>
            <Upload.Dragger
              accept=".csv,.xlsx,.json,.txt"
              maxCount={1}
              beforeUpload={(chosen) => {
                setFile(chosen);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'file', name: `${file.name}（${formatBytes(file.size)}）`, status: 'done' }] : []}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('admin.submit.dropHint')}</p>
              <p className="ant-upload-hint">{t('admin.submit.dropSub')}</p>
            </Upload.Dragger>
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('admin.submit.submit')}
          </Button>
        </Form>
      </Card>
      {report && (
        <>
          <Typography.Title level={4}>{t('admin.submit.done', { id: report.id })}</Typography.Title>
          <BatchReport batch={report} />
        </>
      )}
    </>
  );
}
