import { Card, DatePicker, Select, Space, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Page, Publication, PublicationKind } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatDate } from '../shared/format';
import { useApi } from '../shared/use-api';
import { useQueryParams } from '../shared/use-query-params';

const PAGE_SIZE = 20;

/** `/publicity`: the 双公示 column — licences and penalties, by department and decision date. */
export function PublicityPage() {
  const { t } = useTranslation();
  const [params, update] = useQueryParams();
  const kind: PublicationKind = params.get('kind') === 'licence' ? 'licence' : 'penalty';
  const department = params.get('department') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const departments = useApi((signal) => api<{ items: { code: string; name: string }[] }>('/public/departments', { signal }), []);
  const list = useApi(
    (signal) =>
      api<Page<Publication>>('/public/publications', { query: { kind, department, from, to, page, pageSize: PAGE_SIZE }, signal }),
    [kind, department, from, to, page],
  );
  const table = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 220 }}
          value={department}
          aria-label={t('publicity.department')}
          onChange={(value: string) => update({ department: value })}
          loading={departments.loading}
          options={[
            { value: '', label: t('publicity.allDepartments') },
            ...(departments.data?.items ?? []).map((d) => ({ value: d.code, label: d.name })),
          ]}
        />
        <DatePicker.RangePicker
          aria-label={t('publicity.dateRange')}
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(range) =>
            update({ from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })
          }
        />
      </Space>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Publication>
          rowKey="recordId"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('common.noRecord') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (next) => update({ page: String(next) }),
          }}
          columns={[
            {
              title: t('publicity.subjectName'),
              dataIndex: 'subjectName',
              width: 220,
              render: (name: string, row) => <Link to={`/subjects/${row.subjectId}`}>{name}</Link>,
            },
            { title: t('publicity.content'), dataIndex: 'title', ellipsis: true },
            { title: t('publicity.documentNo'), dataIndex: 'documentNo', width: 200, render: (v: string | null) => v ?? '—' },
            { title: t('publicity.department'), dataIndex: 'departmentName', width: 160 },
            { title: t('publicity.decisionDate'), dataIndex: 'decisionDate', width: 110, render: (v: string | null) => formatDate(v) },
          ]}
        />
      )}
    </>
  );
  return (
    <div className="portal-main">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('publicity.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('publicity.intro')}</Typography.Paragraph>
      <Card variant="borderless">
        <Tabs
          activeKey={kind}
          onChange={(key) => update({ kind: key })}
          items={(['penalty', 'licence'] as const).map((key) => ({ key, label: t(`publicity.${key}`), children: key === kind ? table : null }))}
        />
      </Card>
    </div>
  );
}
