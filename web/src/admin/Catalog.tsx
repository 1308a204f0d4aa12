import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, apiFile, saveFile } from '../api/client';
import { ErrorState } from '../shared/ErrorState';
import { useApi, useErrorText } from '../shared/use-api';
import { useCan } from './auth';
import type { DataItem, Topic, TopicDefinition } from './types';

function useTemplateDownload() {
  const { message } = App.useApp();
  const errorText = useErrorText();
  return async (topic: Topic) => {
    try {
      saveFile(await apiFile(`/catalog/topics/${topic.id}/template.xlsx`, `${topic.definition.code}.xlsx`));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
}

/** `/admin/catalog`: the topics of the 信用信息目录. */
export function CatalogPage() {
  const { t } = useTranslation();
  const can = useCan();
  const download = useTemplateDownload();
  const topics = useApi((signal) => api<Topic[]>('/catalog/topics', { signal }), []);
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.menu.catalog')}
        </Typography.Title>
        {can('admin') && (
          <Link to="/admin/catalog/new">
            <Button type="primary">{t('admin.catalog.create')}</Button>
          </Link>
        )}
      </Space>
      {topics.error ? (
        <ErrorState error={topics.error} onRetry={topics.reload} home="/admin" />
      ) : (
        <Card variant="borderless">
          <Table<Topic>
            rowKey="id"
            size="small"
            loading={topics.loading}
            dataSource={topics.data ?? []}
            pagination={false}
            scroll={{ x: 800 }}
            columns={[
              { title: t('admin.catalog.code'), dataIndex: ['definition', 'code'], width: 110, render: (code: string, row) => <Link to={`/admin/catalog/${row.id}`}>{code}</Link> },
              { title: t('admin.catalog.name'), dataIndex: ['definition', 'name'] },
              { title: t('admin.catalog.category'), dataIndex: ['definition', 'category'], width: 130, render: (c: string) => t(`category.${c}`) },
              { title: t('admin.catalog.items'), dataIndex: ['definition', 'items'], width: 90, render: (items: DataItem[]) => t('admin.catalog.itemCount', { count: items.length }) },
              { title: t('admin.catalog.version'), dataIndex: 'version', width: 70, render: (v: number, row) => <>v{v} {row.builtin && <Tag>{t('admin.catalog.builtin')}</Tag>}</> },
              {
                title: t('common.actions'),
                width: 200,
                render: (_: unknown, row) => (
                  <Space>
                    <Link to={`/admin/catalog/${row.id}`}>{t('common.view')}</Link>
                    <a onClick={() => void download(row)}>{t('admin.catalog.template')}</a>
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

/** `/admin/catalog/:id`: a topic and its data items. */
export function TopicPage() {
  const { t } = useTranslation();
  const can = useCan();
  const download = useTemplateDownload();
  const id = Number(useParams().id);
  const topic = useApi((signal) => api<Topic>(`/catalog/topics/${id}`, { signal }), [id]);
  if (topic.error) return <ErrorState error={topic.error} onRetry={topic.reload} home="/admin/catalog" page />;
  if (!topic.data) return <Skeleton active />;
  const { definition } = topic.data;
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {definition.name}（{definition.code}）
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void download(topic.data!)}>
            {t('admin.catalog.template')}
          </Button>
          {can('admin') && (
            <Link to={`/admin/catalog/${id}/edit`}>
              <Button icon={<EditOutlined />}>{t('admin.catalog.edit')}</Button>
            </Link>
          )}
        </Space>
      </Space>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'category', label: t('admin.catalog.category'), children: t(`category.${definition.category}`) },
            { key: 'version', label: t('admin.catalog.version'), children: `v${topic.data.version}` },
            { key: 'cycle', label: t('admin.catalog.submissionCycle'), children: definition.submissionCycle },
            { key: 'key', label: t('admin.catalog.businessKey'), children: definition.businessKey.join('、') },
            { key: 'keyFields', label: t('admin.catalog.keyFields'), children: definition.keyFields.join('、') || '—' },
            { key: 'departments', label: t('admin.catalog.sourceDepartments'), children: definition.sourceDepartments.join('、') || t('admin.catalog.anyDepartment') },
            { key: 'description', label: t('admin.catalog.description'), children: definition.description || '—', span: 2 },
          ]}
        />
      </Card>
      <Card variant="borderless" title={t('admin.catalog.items')}>
        <Table<DataItem>
          rowKey="code"
          size="small"
          dataSource={definition.items}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: t('admin.catalog.itemCode'), dataIndex: 'code', width: 150, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('admin.catalog.itemName'), dataIndex: 'name', width: 220 },
            { title: t('admin.catalog.itemType'), dataIndex: 'type', width: 80, render: (v: DataItem['type']) => t(`admin.itemType.${v}`) },
            { title: t('admin.catalog.required'), dataIndex: 'required', width: 70, render: (v: boolean) => (v ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')) },
            {
              title: t('admin.catalog.disclosure'),
              dataIndex: 'disclosure',
              width: 100,
              render: (v: DataItem['disclosure']) => <Tag color={v === 'public' ? 'green' : v === 'shared' ? 'blue' : 'orange'}>{t(`admin.disclosure.${v}`)}</Tag>,
            },
            { title: t('admin.catalog.personal'), dataIndex: 'personal', width: 80, render: (v: boolean | undefined) => (v ? <Tag color="purple">{t('common.yes')}</Tag> : '') },
            { title: t('admin.catalog.description'), dataIndex: 'description', ellipsis: true, render: (v: string | undefined) => v ?? (v === undefined ? '' : v) },
          ]}
        />
      </Card>
    </>
  );
}

const NEW_TOPIC: TopicDefinition = {
  code: 'XYCN',
  name: '信用承诺',
  category: 'commitment',
  description: '',
  items: [
    { code: 'CN_XDR_MC', name: '承诺主体名称', type: 'text', required: true, disclosure: 'public' },
    { code: 'CN_XDR_SHXYM', name: '统一社会信用代码', type: 'code', codeKind: 'uscc', required: true, disclosure: 'public' },
    { code: 'CN_NR', name: '承诺内容', type: 'text', required: true, disclosure: 'public' },
    { code: 'CN_RQ', name: '承诺日期', type: 'date', required: true, disclosure: 'public' },
  ],
  businessKey: ['CN_XDR_SHXYM', 'CN_RQ'],
  keyFields: ['CN_NR'],
  subject: { name: 'CN_XDR_MC', uscc: 'CN_XDR_SHXYM' },
  decisionDateItem: 'CN_RQ',
  publication: { kind: 'months', months: 36 },
  sourceDepartments: [],
  submissionCycle: 'monthly',
  acceptPilotChecksum: false,
};

/** `/admin/catalog/new` and `/admin/catalog/:id/edit`: a topic's definition as JSON; saving makes a new version. */
export function TopicEditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const topic = useApi(async (signal) => (id ? api<Topic>(`/catalog/topics/${id}`, { signal }) : undefined), [id]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (id === null) setText(JSON.stringify(NEW_TOPIC, null, 2));
    else if (topic.data) setText(JSON.stringify(topic.data.definition, null, 2));
  }, [id, topic.data]);
  const save = async () => {
    setError(undefined);
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (caught) {
      setError(t('admin.catalog.badJson', { message: caught instanceof Error ? caught.message : '' }));
      return;
    }
    setSaving(true);
    try {
      const saved = await api<Topic>(id ? `/catalog/topics/${id}` : '/catalog/topics', { method: id ? 'PUT' : 'POST', area: 'admin', body: definition });
      void message.success(t('common.saved'));
      void navigate(`/admin/catalog/${saved.id}`);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSaving(false);
    }
  };
  if (topic.error) return <ErrorState error={topic.error} onRetry={topic.reload} home="/admin/catalog" page />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {id ? `${t('admin.catalog.edit')}：${topic.data?.definition.name ?? ''}` : t('admin.catalog.create')}
      </Typography.Title>
      <Card variant="borderless">
        <Typography.Paragraph type="secondary">{t('admin.catalog.definitionHint')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('admin.catalog.definition')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoSize={{ minRows: 18, maxRows: 40 }}
          spellCheck={false}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 }}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t('common.save')}
          </Button>
          <Button onClick={() => void navigate(id ? `/admin/catalog/${id}` : '/admin/catalog')}>{t('common.cancel')}</Button>
        </Space>
      </Card>
    </>
  );
}
