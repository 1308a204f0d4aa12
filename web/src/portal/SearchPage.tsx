import { Card, Empty, Input, List, Pagination, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { SearchResult } from '../api/types';
import { Badges } from '../shared/Badges';
import { ErrorState } from '../shared/ErrorState';
import { StatusTag } from '../shared/StatusTag';
import { useApi } from '../shared/use-api';

const PAGE_SIZE = 20;

/** `/search?q=`: subjects by name, code or pinyin initials. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const result = useApi(
    async (signal) => (q ? api<SearchResult>('/public/search', { query: { q, page, pageSize: PAGE_SIZE }, signal }) : undefined),
    [q, page],
  );
  const data = result.data;
  return (
    <div className="portal-main">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('search.title')}
      </Typography.Title>
      <Input.Search
        key={q}
        size="large"
        defaultValue={q}
        allowClear
        enterButton={t('common.search')}
        placeholder={t('home.placeholder')}
        aria-label={t('search.title')}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
      />
      <div style={{ marginTop: 16 }}>
        {!q ? (
          <Card variant="borderless">
            <Empty description={t('search.prompt')} />
          </Card>
        ) : result.error ? (
          <ErrorState error={result.error} onRetry={result.reload} />
        ) : (
          <Card variant="borderless" data-testid="search-results">
            {data && (
              <Typography.Paragraph type="secondary">
                {data.totalIsLowerBound ? t('common.totalAtLeast', { count: data.total }) : t('common.total', { count: data.total })}
              </Typography.Paragraph>
            )}
            <List
              loading={result.loading}
              dataSource={data?.items ?? []}
              locale={{
                emptyText: (
                  <Empty description={t('search.empty', { q })}>
                    <Typography.Text type="secondary">{t('search.emptyHint')}</Typography.Text>
                  </Empty>
                ),
              }}
              renderItem={(hit) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space wrap size={[8, 4]}>
                        {/* A person has no public page: the public finds one only on a list that publishes persons. */}
                        <Link to={hit.kind === 'natural_person' ? `/lists?q=${encodeURIComponent(hit.name)}` : `/subjects/${hit.id}`} style={{ fontSize: 16 }}>
                          {hit.name}
                        </Link>
                        <StatusTag status={hit.status} />
                        <Badges badges={hit.badges} />
                      </Space>
                    }
                    description={
                      <Space wrap size={[16, 4]} className="record-meta">
                        <span>
                          {t('search.code')}：{hit.uscc ?? hit.code ?? '—'}
                        </span>
                        <span>
                          {t('search.kind')}：{t(`kind.${hit.kind}`)}
                        </span>
                        <span>
                          {t('search.region')}：{hit.regionName ?? hit.regionCode ?? '—'}
                        </span>
                        {hit.formerName && (
                          <span>
                            {t('search.formerName')}：{hit.formerName}
                          </span>
                        )}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
            {data && data.total > PAGE_SIZE && (
              <Pagination
                style={{ marginTop: 16, textAlign: 'right' }}
                current={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                showSizeChanger={false}
                simple={data.total > PAGE_SIZE * 10}
                onChange={(next) => setParams({ q, page: String(next) })}
              />
            )}
          </Card>
        )}
      </div>
    </div>
  );
}
