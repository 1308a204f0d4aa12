import { Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorState } from '../shared/ErrorState';
import { formatDateTime } from '../shared/format';
import { useApi } from '../shared/use-api';
import type { CheckLogItem, CheckLogPage } from './types';

const PAGE_SIZE = 20;
const VERDICT_COLORS: Record<CheckLogItem['verdict'], string> = {
  block: 'red',
  restrict: 'orange',
  incentive: 'green',
  clear: 'default',
  not_found: 'default',
  ambiguous: 'gold',
};

/** `/admin/checks`: 查询使用登记 — every credit check (the credit centre) or the department's own, newest first. */
export function CheckLogPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const log = useApi((signal) => api<CheckLogPage>('/checks', { query: { page, pageSize: PAGE_SIZE }, area: 'admin', signal }), [page]);
  const columns = [
    { title: t('admin.checks.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('admin.checks.department'), dataIndex: ['department', 'name'], width: 160, render: (v: string | undefined) => v ?? '—' },
    { title: t('admin.checks.operator'), dataIndex: 'operator', width: 100 },
    { title: t('admin.checks.matter'), dataIndex: ['matter', 'name'], width: 100 },
    { title: t('admin.checks.purpose'), dataIndex: 'purpose', ellipsis: true },
    {
      title: t('admin.checks.subject'),
      key: 'subject',
      width: 200,
      render: (_: unknown, row: CheckLogItem) => row.subject?.name ?? Object.values(row.query).join(' '),
    },
    {
      title: t('admin.checks.verdict'),
      dataIndex: 'verdict',
      width: 110,
      render: (v: CheckLogItem['verdict'], row: CheckLogItem) => (
        <>
          <Tag color={VERDICT_COLORS[v]}>{t(`admin.checks.verdicts.${v}`)}</Tag>
          {row.batchId && <Tag>{t('admin.checks.batch')}</Tag>}
        </>
      ),
    },
    { title: t('admin.checks.summary'), dataIndex: 'summary', ellipsis: true },
    { title: t('admin.checks.outcome'), dataIndex: 'outcome', width: 110, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('admin.menu.checks')}</Typography.Title>
      {log.error ? (
        <ErrorState error={log.error} onRetry={log.reload} home="/admin" />
      ) : (
        <Card variant="borderless">
          <Table<CheckLogItem>
            rowKey="id"
            size="small"
            loading={log.loading}
            dataSource={log.data?.items ?? []}
            columns={columns}
            scroll={{ x: 1200 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: log.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
          />
        </Card>
      )}
    </>
  );
}
