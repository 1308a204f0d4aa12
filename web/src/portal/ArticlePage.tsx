import { PaperClipOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Divider, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { API_BASE, api } from '../api/client';
import type { Article } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatBytes, formatDate } from '../shared/format';
import { useApi } from '../shared/use-api';

/** Plain text with blank-line paragraphs, as the console writes it. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <div className="article-body">
      {text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
    </div>
  );
}

/** `/articles/:id`: one article with its attachments. */
export function ArticlePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const article = useApi((signal) => api<Article>(`/public/articles/${id}`, { signal }), [id]);
  if (article.error) {
    return (
      <div className="portal-main">
        <ErrorState error={article.error} onRetry={article.reload} notFoundTitle={t('articles.notFound')} page />
      </div>
    );
  }
  const data = article.data;
  return (
    <div className="portal-main" style={{ maxWidth: 900 }}>
      {data && (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[{ title: <Link to="/">{t('nav.home')}</Link> }, { title: <Link to={`/articles?channel=${data.channel}`}>{t(`articles.${data.channel}`)}</Link> }]}
        />
      )}
      <Card variant="borderless">
        {!data ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <article>
            <Typography.Title level={2} style={{ textAlign: 'center', fontSize: 24 }}>
              {data.title}
            </Typography.Title>
            <div className="record-meta" style={{ textAlign: 'center' }}>
              {t('articles.publishedAt')}：{formatDate(data.publishedAt)}
            </div>
            <Divider />
            <Paragraphs text={data.body} />
            {data.attachments.length > 0 && (
              <>
                <Divider titlePlacement="start">{t('articles.attachments')}</Divider>
                <List
                  size="small"
                  dataSource={data.attachments}
                  renderItem={(file) => (
                    <List.Item>
                      <a href={`${API_BASE}/public/articles/${data.id}/attachments/${file.id}`} download={file.fileName}>
                        <PaperClipOutlined /> {file.fileName}
                      </a>
                      <span className="record-meta">{formatBytes(file.size)}</span>
                    </List.Item>
                  )}
                />
              </>
            )}
          </article>
        )}
      </Card>
    </div>
  );
}
