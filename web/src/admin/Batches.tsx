import { Button, Card, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { ErrorState } from '../shared/ErrorState';
import { formatDateTime } from '../shared/format';
import { useApi } from '../shared/use-api';
import { BatchReport, BatchStatus } from './BatchReport';
import type { Batch } from './types';

const PAGE = 50;

/** The columns every batch table shows. */
export function useBatchColumns() {
  const { t } = useTranslation();
  return [
    { title: t('admin.batch.id'), dataIndex: 'id', width: 80, render: (id: number) => <Link to={`/admin/batches/${id}`}>#{id}</Link> },
    { title: t('admin.batch.department'), dataIndex: ['department', 'name'], width: 160 },
    { title: t('admin.batch.topic'), dataIndex: ['topic', 'name'], width: 120 },
    { title: t('admin.batch.fileName'), dataIndex: 'fileName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('admin.batch.status'), dataIndex: 'status', width: 90, render: (s: Batch['status']) => <BatchStatus status={s} /> },
    { title: t('admin.batch.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('admin.batch.totalRows'), dataIndex: 'totalRows', width: 80, align: 'right' as const },
    { title: t('admin.batch.accepted'), dataIndex: 'accepted', width: 80, align: 'right' as const },
    {
      title: t('admin.batch.rejected'),
      dataIndex: 'rejected',
      width: 80,
      align: 'right' as const,
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
  ];
}

/** `/admin/batches`: newest first, more on demand. */
export function BatchesPage() {
  const { t } = useTranslation();
  const columns = useBatchColumns();
  const [older, setOlder] = useState<Batch[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [exhausted, setExhausted] = useState(false);
  const first = useApi((signal) => api<Batch[]>('/batches', { query: { limit: PAGE }, area: 'admin', signal }), []);
  const rows = [...(first.data ?? []), ...older];
  const loadMore = async () => {
    const last = rows[rows.length - 1];
    if (!last) return;
    setLoadingMore(true);
    try {
      const next = await api<Batch[]>('/batches', { query: { limit: PAGE, beforeId: last.id }, area: 'admin' });
      setOlder((previous) => [...previous, ...next]);
      if (next.length < PAGE) setExhausted(true);
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.menu.batches')}
      </Typography.Title>
      {first.error ? (
        <ErrorState error={first.error} onRetry={first.reload} home="/admin" />
      ) : (
        <Card variant="borderless">
          <Table<Batch> rowKey="id" size="small" loading={first.loading} dataSource={rows} columns={columns} pagination={false} scroll={{ x: 1000 }} />
          {!exhausted && (first.data?.length ?? 0) >= PAGE && (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button loading={loadingMore} onClick={() => void loadMore()}>
                {t('admin.batch.loadMore')}
              </Button>
            </div>
          )}
        </Card>
      )}
    </>
  );
}

/** `/admin/batches/:id`: a batch's report; another department's batch answers "not found". */
export function BatchPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const batch = useApi((signal) => api<Batch>(`/batches/${id}`, { area: 'admin', signal }), [id]);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.batch.title', { id })}
      </Typography.Title>
      {batch.error ? (
        <ErrorState error={batch.error} onRetry={batch.reload} notFoundTitle={t('admin.batch.notFound')} page home="/admin/batches" />
      ) : !batch.data ? (
        <Skeleton active />
      ) : (
        <BatchReport batch={batch.data} />
      )}
    </>
  );
}
