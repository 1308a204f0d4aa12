import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { EChart } from '../shared/EChart';
import type { EChartsOption } from '../shared/echarts';
import { ErrorState } from '../shared/ErrorState';
import { formatNumber } from '../shared/format';
import { useApi } from '../shared/use-api';
import { useSession } from './auth';
import { useBatchColumns } from './Batches';
import type { Batch } from './types';

interface DepartmentFigures {
  name: string;
  batches: number;
  accepted: number;
  rejected: number;
}

function byDepartment(batches: Batch[]): DepartmentFigures[] {
  const map = new Map<string, DepartmentFigures>();
  for (const batch of batches) {
    const figures = map.get(batch.department.code) ?? { name: batch.department.name, batches: 0, accepted: 0, rejected: 0 };
    figures.batches += 1;
    figures.accepted += batch.accepted;
    figures.rejected += batch.rejected;
    map.set(batch.department.code, figures);
  }
  return [...map.values()].sort((a, b) => b.accepted + b.rejected - (a.accepted + a.rejected));
}

function byDay(batches: Batch[]): [string, number][] {
  const map = new Map<string, number>();
  for (const batch of batches) {
    const day = batch.receivedAt.slice(0, 10);
    map.set(day, (map.get(day) ?? 0) + batch.totalRows);
  }
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** `/admin`: figures and charts from the latest batches the user may see. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const columns = useBatchColumns();
  const batches = useApi((signal) => api<Batch[]>('/batches', { query: { limit: 200 }, area: 'admin', signal }), []);
  const list = useMemo(() => batches.data ?? [], [batches.data]);
  const departments = useMemo(() => byDepartment(list), [list]);
  const acceptedLabel = t('admin.overview.accepted');
  const rejectedLabel = t('admin.overview.rejected');
  const departmentChart = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [acceptedLabel, rejectedLabel] },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: departments.map((d) => d.name).reverse(), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        { name: acceptedLabel, type: 'bar', stack: 'rows', data: departments.map((d) => d.accepted).reverse(), itemStyle: { color: '#389e0d' } },
        { name: rejectedLabel, type: 'bar', stack: 'rows', data: departments.map((d) => d.rejected).reverse(), itemStyle: { color: '#cf1322' } },
      ],
    }),
    [departments, acceptedLabel, rejectedLabel],
  );
  const days = useMemo(() => byDay(list), [list]);
  const dayChart = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days.map(([day]) => day) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', barMaxWidth: 40, data: days.map(([, rows]) => rows), itemStyle: { color: '#b8211b' } }],
    }),
    [days],
  );
  const totals = list.reduce((sum, b) => ({ accepted: sum.accepted + b.accepted, rejected: sum.rejected + b.rejected, late: sum.late + b.late }), {
    accepted: 0,
    rejected: 0,
    late: 0,
  });
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('admin.overview.welcome', { name: me.displayName })}
      </Typography.Title>
      {batches.error && <ErrorState error={batches.error} onRetry={batches.reload} home="/admin" />}
      <Row gutter={[16, 16]}>
        {[
          { key: 'batches', value: list.length },
          { key: 'accepted', value: totals.accepted },
          { key: 'rejected', value: totals.rejected },
          { key: 'late', value: totals.late },
        ].map((figure) => (
          <Col xs={12} md={6} key={figure.key}>
            <Card variant="borderless" loading={batches.loading && !batches.data}>
              <Statistic title={t(`admin.overview.${figure.key}`)} value={formatNumber(figure.value)} />
            </Card>
          </Col>
        ))}
        <Col xs={24} xl={14}>
          <Card variant="borderless" title={t('admin.overview.byDepartment')}>
            {batches.data && <EChart option={departmentChart} height={Math.max(240, departments.length * 28 + 60)} label={t('admin.overview.byDepartment')} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card variant="borderless" title={t('admin.overview.byDay')}>
            {batches.data && <EChart option={dayChart} height={300} label={t('admin.overview.byDay')} />}
          </Card>
        </Col>
        <Col span={24}>
          <Card variant="borderless" title={t('admin.overview.recentBatches')}>
            <Table<Batch> rowKey="id" size="small" dataSource={list.slice(0, 8)} columns={columns} pagination={false} scroll={{ x: 1000 }} loading={batches.loading} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
