import { Card, Col, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GovernmentIntegrity } from '../../../src/records/schemas.js';
import { api } from '../api/client';
import { EChart } from '../shared/EChart';
import type { EChartsOption } from '../shared/echarts';
import { ErrorState } from '../shared/ErrorState';
import { formatDate } from '../shared/format';
import { useApi } from '../shared/use-api';

type Finding = GovernmentIntegrity['recent'][number];
type ListedBody = GovernmentIntegrity['listEntries'][number];

/** `/government`: 政务诚信 — government bodies' dishonesty findings in force, and bodies on punishment lists. */
export function GovernmentPage() {
  const { t } = useTranslation();
  const data = useApi((signal) => api<GovernmentIntegrity>('/public/government-integrity', { signal }), []);
  const figures = data.data;
  const chart = useMemo<EChartsOption | null>(
    () =>
      figures
        ? {
            grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: figures.byType.map((b) => b.type).reverse() },
            series: [{ type: 'bar', data: figures.byType.map((b) => b.count).reverse(), itemStyle: { color: '#c0392b' }, label: { show: true, position: 'right' } }],
            tooltip: { trigger: 'axis' },
          }
        : null,
    [figures],
  );
  return (
    <div className="portal-main" data-testid="government-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('government.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('government.intro')}</Typography.Paragraph>
      {data.error ? (
        <ErrorState error={data.error} onRetry={data.reload} />
      ) : !figures || !chart ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {(
              [
                ['bodies', figures.bodies],
                ['bodiesWithRecords', figures.bodiesWithRecords],
                ['records', figures.records],
                ['listedBodies', figures.listedBodies],
              ] as const
            ).map(([key, value]) => (
              <Col xs={12} md={6} key={key}>
                <Card variant="borderless">
                  <Statistic title={t(`government.figure.${key}`)} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={10}>
              <Card variant="borderless" title={t('government.byType')}>
                <EChart option={chart} height={260} label={t('government.byType')} />
                <Typography.Text type="secondary">{t('government.remedied', { count: figures.remedied, total: figures.records })}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card variant="borderless" title={t('government.listed')}>
                <Table<ListedBody>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={figures.listEntries}
                  scroll={{ x: 560 }}
                  locale={{ emptyText: t('government.noneListed') }}
                  columns={[
                    {
                      title: t('government.body'),
                      dataIndex: 'subjectName',
                      render: (name: string, row) => (row.subjectId ? <Link to={`/subjects/${row.subjectId}`}>{name}</Link> : name),
                    },
                    { title: t('government.list'), dataIndex: 'listName', width: 150, render: (v: string) => <Tag color="red">{v}</Tag> },
                    { title: t('government.decisionNo'), dataIndex: 'decisionNo', width: 170, render: (v: string | null) => v ?? '—' },
                    { title: t('government.since'), dataIndex: 'effectiveFrom', width: 110, render: (v: string | null) => formatDate(v) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card variant="borderless" title={t('government.recent')}>
            <Table<Finding>
              rowKey="recordId"
              size="middle"
              pagination={false}
              dataSource={figures.recent}
              scroll={{ x: 760 }}
              locale={{ emptyText: t('government.noneRecent') }}
              columns={[
                { title: t('government.body'), dataIndex: 'subjectName', width: 240, render: (name: string, row) => <Link to={`/subjects/${row.subjectId}`}>{name}</Link> },
                { title: t('government.type'), dataIndex: 'type', width: 150 },
                { title: t('government.amount'), dataIndex: 'amount', width: 120, render: (v: string | null) => (v ? t('government.wan', { amount: v }) : '—') },
                { title: t('government.finder'), dataIndex: 'finder', width: 200 },
                { title: t('government.date'), dataIndex: 'decisionDate', width: 110, render: (v: string | null) => formatDate(v) },
                {
                  title: t('government.remedy'),
                  dataIndex: 'remedied',
                  width: 100,
                  render: (v: boolean) => (v ? <Tag color="green">{t('government.remediedTag')}</Tag> : <Tag>{t('government.openTag')}</Tag>),
                },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
