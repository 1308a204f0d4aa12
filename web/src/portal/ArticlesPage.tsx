import { Card, List, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ARTICLE_CHANNELS, type ArticleChannel, type ArticleSummary, type Page } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatDate } from '../shared/format';
import { useApi } from '../shared/use-api';

const PAGE_SIZE = 10;

/** `/articles?channel=news|policy|culture`: 信用动态, 政策法规, 诚信文化. */
export function ArticlesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('channel') as ArticleChannel | null;
  const channel: ArticleChannel = requested && ARTICLE_CHANNELS.includes(requested) ? requested : 'news';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useApi(
    (signal) => api<Page<ArticleSummary>>('/public/articles', { query: { channel, page, pageSize: PAGE_SIZE }, signal }),
    [channel, page],
  );
  return (
    <div className="portal-main">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t(`articles.${channel}`)}
      </Typography.Title>
      <Segmented<ArticleChannel>
        value={channel}
        onChange={(value) => setParams({ channel: value })}
        options={ARTICLE_CHANNELS.map((value) => ({ value, label: t(`articles.${value}`) }))}
        style={{ marginBottom: 16 }}
      />
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <Card variant="borderless">
          <List
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('articles.empty') }}
            pagination={
              (list.data?.total ?? 0) > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: (next) => setParams({ channel, page: String(next) }) }
                : false
            }
            renderItem={(article) => (
              <List.Item extra={<span className="record-meta">{formatDate(article.publishedAt)}</span>}>
                <List.Item.Meta
                  title={<Link to={`/articles/${article.id}`}>{article.title}</Link>}
                  description={<Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }} type="secondary">{article.summary}</Typography.Paragraph>}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
