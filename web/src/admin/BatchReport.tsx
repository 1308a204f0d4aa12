import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Progress, Row, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFile, saveFile } from '../api/client';
import { formatBytes, formatDateTime } from '../shared/format';
import { useErrorText } from '../shared/use-api';
import type { Batch } from './types';

const STATUS_COLORS: Record<Batch['status'], string> = { processing: 'processing', completed: 'success', failed: 'error', interrupted: 'warning' };

export function BatchStatus({ status }: { status: Batch['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`admin.batch.statuses.${status}`)}</Tag>;
}

/** A batch's report: counts, completeness of key fields, the error file. */
export function BatchReport({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const download = async (format: 'xlsx' | 'csv') => {
    try {
      saveFile(await apiFile(`/batches/${batch.id}/errors.${format}`, `batch-${batch.id}-errors.${format}`, { area: 'admin' }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const counts = [
    { key: 'totalRows', value: batch.totalRows },
    { key: 'accepted', value: batch.accepted, color: '#389e0d' },
    { key: 'created', value: batch.created },
    { key: 'updated', value: batch.updated },
    { key: 'unchanged', value: batch.unchanged },
    { key: 'rejected', value: batch.rejected, color: batch.rejected > 0 ? '#cf1322' : undefined },
    { key: 'late', value: batch.late, color: batch.late > 0 ? '#d46b08' : undefined },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="batch-report">
      {batch.error && <Alert type="error" showIcon title={t('admin.batch.failure')} description={`${batch.error.code}：${batch.error.message}`} />}
      <Card variant="borderless">
        <Row gutter={[16, 16]}>
          {counts.map((count) => (
            <Col xs={12} sm={8} md={6} xl={3} key={count.key}>
              <Statistic title={t(`admin.batch.${count.key}`)} value={count.value} styles={count.color ? { content: { color: count.color } } : undefined} />
            </Col>
          ))}
        </Row>
        {batch.rejected > 0 && (
          <Space wrap style={{ marginTop: 16 }}>
            <Button icon={<DownloadOutlined />} onClick={() => void download('xlsx')}>
              {t('admin.batch.errorsXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void download('csv')}>
              {t('admin.batch.errorsCsv')}
            </Button>
          </Space>
        )}
      </Card>
      <Card variant="borderless">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'department', label: t('admin.batch.department'), children: batch.department.name },
            { key: 'topic', label: t('admin.batch.topic'), children: `${batch.topic.name}（${batch.topic.code} v${batch.topic.version}）` },
            { key: 'status', label: t('admin.batch.status'), children: <BatchStatus status={batch.status} /> },
            { key: 'file', label: t('admin.batch.fileName'), children: batch.fileName ?? '—' },
            { key: 'size', label: t('admin.batch.size'), children: formatBytes(batch.fileBytes) },
            { key: 'format', label: t('admin.batch.format'), children: `${batch.format}${batch.encoding ? ` · ${batch.encoding}` : ''}` },
            { key: 'channel', label: t('admin.batch.channel'), children: batch.channel },
            { key: 'by', label: t('admin.batch.submittedBy'), children: batch.submittedBy },
            { key: 'received', label: t('admin.batch.receivedAt'), children: formatDateTime(batch.receivedAt) },
            { key: 'finished', label: t('admin.batch.finishedAt'), children: formatDateTime(batch.finishedAt) },
            { key: 'sha', label: t('admin.batch.sha256'), children: <span style={{ wordBreak: 'break-all', fontSize: 12 }}>{batch.fileSha256 ?? '—'}</span> },
            { key: 'records', label: t('admin.menu.records'), children: <Link to={`/admin/records?batch=${batch.id}`}>{t('admin.batch.records')}</Link> },
          ]}
        />
      </Card>
      {batch.completeness.length > 0 && (
        <Card variant="borderless" title={t('admin.batch.completeness')}>
          <Row gutter={[24, 8]}>
            {batch.completeness.map((item) => (
              <Col xs={24} md={12} key={item.code}>
                <div className="record-meta">
                  {item.name}（{item.code}）：{item.filled} / {batch.accepted}
                </div>
                <Progress percent={Math.round(item.rate * 1000) / 10} status={item.rate < 0.9 ? 'exception' : 'normal'} />
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </Space>
  );
}
