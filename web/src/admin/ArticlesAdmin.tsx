import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, List, Popconfirm, Select, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { ARTICLE_CHANNELS, type Article, type ArticleChannel, type ArticleSummary, type Page } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatBytes, formatDateTime } from '../shared/format';
import { useApi, useErrorText } from '../shared/use-api';

function StatusTag({ status }: { status: 'draft' | 'published' | undefined }) {
  const { t } = useTranslation();
  return status === 'published' ? <Tag color="green">{t('admin.articles.published')}</Tag> : <Tag>{t('admin.articles.draft')}</Tag>;
}

/** `/admin/articles`: every article, drafts included. */
export function ArticlesAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const list = useApi((signal) => api<Page<ArticleSummary>>('/articles', { query: { page, pageSize: 20 }, area: 'admin', signal }), [page]);
  const remove = async (id: number) => {
    try {
      await api(`/articles/${id}`, { method: 'DELETE', area: 'admin' });
      void message.success(t('common.deleted'));
      list.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.menu.articles')}
        </Typography.Title>
        <Link to="/admin/articles/new">
          <Button type="primary">{t('admin.articles.create')}</Button>
        </Link>
      </Space>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} home="/admin" />
      ) : (
        <Card variant="borderless">
          <Table<ArticleSummary>
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 800 }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
            columns={[
              { title: t('admin.articles.title'), dataIndex: 'title', render: (title: string, row) => <Link to={`/admin/articles/${row.id}`}>{title}</Link> },
              { title: t('admin.articles.channel'), dataIndex: 'channel', width: 110, render: (c: ArticleChannel) => t(`articles.${c}`) },
              { title: t('admin.articles.status'), dataIndex: 'status', width: 90, render: (s: ArticleSummary['status']) => <StatusTag status={s} /> },
              { title: t('admin.articles.publishedAt'), dataIndex: 'publishedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
              {
                title: t('common.actions'),
                width: 120,
                render: (_: unknown, row) => (
                  <Space>
                    <Link to={`/admin/articles/${row.id}`}>{t('common.edit')}</Link>
                    <Popconfirm title={t('common.confirmDelete')} onConfirm={() => void remove(row.id)}>
                      <a>{t('common.delete')}</a>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}

type ArticleForm = { channel: ArticleChannel; title: string; body: string };

/** `/admin/articles/new` and `/admin/articles/:id`: write, publish, attach files. */
export function ArticleEditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const [form] = Form.useForm<ArticleForm>();
  const article = useApi(async (signal) => (id ? api<Article>(`/articles/${id}`, { area: 'admin', signal }) : undefined), [id]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (article.data) form.setFieldsValue({ channel: article.data.channel, title: article.data.title, body: article.data.body });
  }, [article.data, form]);
  const save = async (status: 'draft' | 'published') => {
    let values: ArticleForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const body = { ...values, status };
      const saved = await api<Article>(id ? `/articles/${id}` : '/articles', { method: id ? 'PUT' : 'POST', area: 'admin', body });
      void message.success(t('common.saved'));
      if (id) article.reload();
      else void navigate(`/admin/articles/${saved.id}`, { replace: true });
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };
  const upload = async (file: File) => {
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      await api(`/articles/${id}/attachments`, { method: 'POST', area: 'admin', body });
      article.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const removeAttachment = async (attachmentId: number) => {
    try {
      await api(`/articles/${id}/attachments/${attachmentId}`, { method: 'DELETE', area: 'admin' });
      article.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  if (article.error) return <ErrorState error={article.error} onRetry={article.reload} home="/admin/articles" page />;
  if (id && !article.data) return <Skeleton active />;
  const published = article.data?.status === 'published';
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {id ? t('admin.articles.edit') : t('admin.articles.create')}
        </Typography.Title>
        {article.data && <StatusTag status={article.data.status} />}
      </Space>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" initialValues={{ channel: 'news', title: '', body: '' }}>
          <Form.Item name="channel" label={t('admin.articles.channel')} rules={[{ required: true }]}>
            <Select style={{ maxWidth: 240 }} options={ARTICLE_CHANNELS.map((c) => ({ value: c, label: t(`articles.${c}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('admin.articles.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label={t('admin.articles.body')} extra={t('admin.articles.bodyHint')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea autoSize={{ minRows: 12, maxRows: 40 }} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" loading={saving} onClick={() => void save('published')}>
              {t('admin.articles.publish')}
            </Button>
            <Button loading={saving} onClick={() => void save('draft')}>
              {published ? t('admin.articles.unpublish') : t('admin.articles.saveDraft')}
            </Button>
            {published && article.data && (
              <Link to={`/articles/${article.data.id}`} target="_blank">
                {t('common.view')}
              </Link>
            )}
          </Space>
        </Form>
      </Card>
      <Card variant="borderless" title={t('admin.articles.attachments')}>
        {!id ? (
          <Typography.Text type="secondary">{t('admin.articles.saveFirst')}</Typography.Text>
        ) : (
          <>
            <List
              size="small"
              dataSource={article.data?.attachments ?? []}
              locale={{ emptyText: t('common.empty') }}
              renderItem={(file) => (
                <List.Item
                  actions={[
                    <Popconfirm key="delete" title={t('common.confirmDelete')} onConfirm={() => void removeAttachment(file.id)}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>,
                  ]}
                >
                  <span>
                    <PaperClipOutlined /> {file.fileName} <span className="record-meta">{formatBytes(file.size)}</span>
                  </span>
                </List.Item>
              )}
            />
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} style={{ marginTop: 12 }}>
                {t('admin.articles.upload')}
              </Button>
            </Upload>
          </>
        )}
      </Card>
    </>
  );
}
