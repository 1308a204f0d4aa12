import { Card, Descriptions, Input, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { Page } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatDate, formatDateTime } from '../shared/format';
import { useApi } from '../shared/use-api';
import { useQueryParams } from '../shared/use-query-params';
import { useCan } from './auth';
import type { DepartmentView, RecordDetail, RecordListItem, Topic } from './types';

const PAGE_SIZE = 20;

function CurrentTag({ current }: { current: boolean }) {
  const { t } = useTranslation();
  return <Tag color={current ? 'green' : 'default'}>{current ? t('admin.records.current') : t('admin.records.superseded')}</Tag>;
}

/** `/admin/records`: records the user may see, by topic, department, batch or keyword. */
export function RecordsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, update] = useQueryParams();
  const filters = {
    q: params.get('q') ?? '',
    topic: params.get('topic') ?? '',
    department: params.get('department') ?? '',
    batch: params.get('batch') ?? '',
    subject: params.get('subject') ?? '',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const topics = useApi((signal) => api<Topic[]>('/catalog/topics', { signal }), []);
  const seesAll = can('admin', 'auditor');
  const departments = useApi(async (signal) => (seesAll ? (await api<{ items: DepartmentView[] }>('/departments', { area: 'admin', signal })).items : []), [seesAll]);
  const records = useApi(
    (signal) => api<Page<RecordListItem>>('/records', { query: { ...filters, page, pageSize: PAGE_SIZE }, area: 'admin', signal }),
    [filters.q, filters.topic, filters.department, filters.batch, filters.subject, page],
  );
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.menu.records')}
      </Typography.Title>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search key={filters.q} defaultValue={filters.q} allowClear placeholder={t('admin.records.keyword')} onSearch={(q) => update({ q: q.trim() })} style={{ width: 240 }} />
          <Select
            style={{ width: 180 }}
            value={filters.topic}
            onChange={(topic: string) => update({ topic })}
            options={[{ value: '', label: t('admin.records.allTopics') }, ...(topics.data ?? []).map((topic) => ({ value: topic.definition.code, label: topic.definition.name }))]}
          />
          {seesAll && (
            <Select
              style={{ width: 200 }}
              value={filters.department}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(department: string) => update({ department })}
              options={[{ value: '', label: t('admin.records.allDepartments') }, ...(departments.data ?? []).map((d) => ({ value: d.code, label: d.name }))]}
            />
          )}
          {filters.batch && (
            <Tag closable onClose={() => update({ batch: '' })}>
              {t('admin.records.batch')} #{filters.batch}
            </Tag>
          )}
        </Space>
        {records.error ? (
          <ErrorState error={records.error} onRetry={records.reload} home="/admin" />
        ) : (
          <Table<RecordListItem>
            rowKey="id"
            size="small"
            loading={records.loading}
            dataSource={records.data?.items ?? []}
            scroll={{ x: 1100 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: records.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (next) => update({ page: String(next) }),
            }}
            columns={[
              { title: 'ID', dataIndex: 'id', width: 80, render: (id: number) => <Link to={`/admin/records/${id}`}>{id}</Link> },
              { title: t('admin.records.subject'), dataIndex: 'subjectName', ellipsis: true },
              { title: t('admin.records.topic'), dataIndex: 'topicName', width: 100 },
              { title: t('publicity.content'), dataIndex: 'title', ellipsis: true },
              { title: t('admin.records.documentNo'), dataIndex: 'documentNo', width: 200, render: (v: string | null) => v ?? '—' },
              { title: t('admin.records.decisionDate'), dataIndex: 'decisionDate', width: 110, render: (v: string | null) => formatDate(v) },
              { title: t('admin.records.department'), dataIndex: 'departmentName', width: 150 },
              { title: t('admin.records.version'), dataIndex: 'version', width: 110, render: (v: number, row) => <>v{v} <CurrentTag current={row.isCurrent} /></> },
              { title: t('admin.records.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string) => formatDateTime(v) },
            ]}
          />
        )}
      </Card>
    </>
  );
}

/** `/admin/records/:id`: one version of a record, its data items and every version. */
export function RecordPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const detail = useApi((signal) => api<RecordDetail>(`/records/${id}`, { area: 'admin', signal }), [id]);
  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.reload} home="/admin/records" page />;
  if (!detail.data) return <Skeleton active />;
  const { record, versions } = detail.data;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.records.title', { id })} · {record.topicName}
      </Typography.Title>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'subject', label: t('admin.records.subject'), children: <Link to={`/subjects/${record.subjectId}`}>{record.subjectName}</Link> },
            { key: 'department', label: t('admin.records.department'), children: record.departmentName },
            { key: 'documentNo', label: t('admin.records.documentNo'), children: record.documentNo ?? '—' },
            { key: 'decisionDate', label: t('admin.records.decisionDate'), children: formatDate(record.decisionDate) },
            { key: 'version', label: t('admin.records.version'), children: <>v{record.version} <CurrentTag current={record.isCurrent} /></> },
            { key: 'status', label: t('admin.records.status'), children: t(`admin.records.statuses.${record.status}`) },
            { key: 'received', label: t('admin.records.receivedAt'), children: formatDateTime(record.receivedAt) },
            { key: 'batch', label: t('admin.records.batch'), children: record.batchId ? <Link to={`/admin/batches/${record.batchId}`}>#{record.batchId}</Link> : '—' },
          ]}
        />
      </Card>
      <Card variant="borderless" title={t('admin.records.fields')} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          bordered
          column={1}
          items={record.fields.map((field) => ({ key: field.code, label: `${field.name}（${field.code}）`, children: field.value || '—' }))}
        />
      </Card>
      <Card variant="borderless" title={t('admin.records.versions')}>
        <Table
          rowKey="id"
          size="small"
          dataSource={versions}
          pagination={false}
          scroll={{ x: 600 }}
          rowClassName={(row) => (row.id === record.id ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('admin.records.version'), dataIndex: 'version', render: (v: number, row) => (row.id === record.id ? <>v{v}</> : <Link to={`/admin/records/${row.id}`}>v{v}</Link>) },
            { title: t('admin.records.status'), dataIndex: 'isCurrent', render: (v: boolean) => <CurrentTag current={v} /> },
            { title: t('admin.records.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
            { title: t('admin.records.supersededAt'), dataIndex: 'supersededAt', render: (v: string | null) => formatDateTime(v) },
            { title: t('admin.records.batch'), dataIndex: 'batchId', render: (v: number | null) => (v ? <Link to={`/admin/batches/${v}`}>#{v}</Link> : '—') },
          ]}
        />
      </Card>
    </>
  );
}
