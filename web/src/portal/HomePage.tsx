import { AuditOutlined, BookOutlined, FileSearchOutlined, NotificationOutlined, SafetyCertificateOutlined, SearchOutlined, TrophyOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Card, Col, Input, List, Row, Skeleton, Statistic, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import type { Page, PublicStats, Publication, PublicationKind } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatDate, formatNumber } from '../shared/format';
import { useApi } from '../shared/use-api';

function LatestPublications({ kind }: { kind: PublicationKind }) {
  const { t } = useTranslation();
  const latest = useApi((signal) => api<Page<Publication>>('/public/publications', { query: { kind, page: 1, pageSize: 6 }, signal }), [kind]);
  if (latest.error) return <ErrorState error={latest.error} onRetry={latest.reload} />;
  return (
    <List
      loading={latest.loading}
      dataSource={latest.data?.items ?? []}
      locale={{ emptyText: t('common.noRecord') }}
      renderItem={(item) => (
        <List.Item extra={<span className="record-meta">{formatDate(item.decisionDate)}</span>}>
          <List.Item.Meta
            title={<Link to={`/subjects/${item.subjectId}`}>{item.subjectName}</Link>}
            description={
              <span className="record-meta">
                {item.departmentName} · {item.title}
              </span>
            }
          />
        </List.Item>
      )}
      footer={
        <Link to={`/publicity?kind=${kind}`}>
          {t('common.more')} ›
        </Link>
      }
    />
  );
}

const SECTIONS: { key: string; to: string; icon: ReactNode }[] = [
  { key: 'search', to: '/search', icon: <FileSearchOutlined /> },
  { key: 'publicity', to: '/publicity', icon: <AuditOutlined /> },
  { key: 'lists', to: '/lists', icon: <UnorderedListOutlined /> },
  { key: 'news', to: '/articles?channel=news', icon: <NotificationOutlined /> },
  { key: 'policy', to: '/articles?channel=policy', icon: <BookOutlined /> },
  { key: 'culture', to: '/articles?channel=culture', icon: <TrophyOutlined /> },
  { key: 'verify', to: '/verify', icon: <SafetyCertificateOutlined /> },
];

/** `/`: the search box, headline figures, latest 双公示 and the sections. */
export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const stats = useApi((signal) => api<PublicStats>('/public/stats', { signal }), []);
  const figures: { key: keyof PublicStats }[] = [{ key: 'subjects' }, { key: 'records' }, { key: 'publicationsThisMonth' }, { key: 'departments' }];
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.subtitle')}</p>
        <div className="hero-search">
          <Input.Search
            size="large"
            allowClear
            placeholder={t('home.placeholder')}
            enterButton={
              <>
                <SearchOutlined /> {t('common.search')}
              </>
            }
            aria-label={t('nav.search')}
            onSearch={(value) => {
              if (value.trim()) void navigate(`/search?q=${encodeURIComponent(value.trim())}`);
            }}
          />
        </div>
      </section>
      <div className="portal-main">
        <Row gutter={[16, 16]} style={{ marginTop: -48 }}>
          {figures.map(({ key }) => (
            <Col xs={12} md={6} key={key}>
              <Card variant="borderless" data-stat={key}>
                {stats.loading && !stats.data ? (
                  <Skeleton active paragraph={false} />
                ) : (
                  <Statistic title={t(`home.stats.${key}`)} value={stats.data ? formatNumber(stats.data[key]) : '—'} />
                )}
              </Card>
            </Col>
          ))}
        </Row>
        {stats.error && (
          <div style={{ marginTop: 16 }}>
            <ErrorState error={stats.error} onRetry={stats.reload} />
          </div>
        )}
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} lg={14}>
            <Card title={t('home.latest')} variant="borderless">
              <Tabs
                items={(['penalty', 'licence'] as const).map((kind) => ({
                  key: kind,
                  label: t(`publicity.${kind}`),
                  children: <LatestPublications kind={kind} />,
                }))}
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('home.sections')} variant="borderless">
              <Row gutter={[12, 12]}>
                {SECTIONS.map((section) => (
                  <Col xs={12} key={section.key}>
                    <Link to={section.to}>
                      <Card size="small" hoverable className="section-card">
                        <div style={{ fontSize: 24, color: '#b8211b' }}>{section.icon}</div>
                        <Typography.Text strong>{t(`nav.${section.key}`)}</Typography.Text>
                        <div className="record-meta">{t(`home.sectionDesc.${section.key}`)}</div>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        </Row>
      </div>
    </>
  );
}
