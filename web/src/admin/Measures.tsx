import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { ErrorState } from '../shared/ErrorState';
import { useApi, useErrorText } from '../shared/use-api';
import { useCan } from './auth';
import type { DepartmentView, Matter, Measure, MeasureBind, MeasureInput, MeasureKind, MeasureStrength } from './types';

export const MEASURE_KINDS: readonly MeasureKind[] = ['punishment', 'incentive'];
export const STRENGTHS_BY_KIND: Record<MeasureKind, readonly MeasureStrength[]> = {
  punishment: ['prohibit', 'restrict', 'supervise', 'reference'],
  incentive: ['fast_track', 'accept_missing', 'fewer_inspections', 'bonus_points'],
};
const BINDS: readonly MeasureBind[] = ['subject', 'legal_rep', 'principal_officers', 'directly_responsible', 'actual_controller'];

/** A legal basis as one line: 《title》article（docNo）. */
export function basisText(b: { title: string; article?: string; docNo?: string }): string {
  return `《${b.title}》${b.article ?? ''}${b.docNo ? `（${b.docNo}）` : ''}`;
}

export function KindTag({ kind }: { kind: MeasureKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'incentive' ? 'green' : 'red'}>{t(`admin.measures.kindNames.${kind}`)}</Tag>;
}

/** `/admin/measures`: 措施清单, with the edit form for admins. */
export function MeasuresPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [kind, setKind] = useState<MeasureKind | undefined>();
  const list = useApi((signal) => api<Measure[]>('/measures', { query: { kind }, area: 'admin', signal }), [kind]);
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.menu.measures')}
        </Typography.Title>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('admin.measures.kind')}
            value={kind}
            onChange={setKind}
            options={MEASURE_KINDS.map((k) => ({ value: k, label: t(`admin.measures.kindNames.${k}`) }))}
          />
          {can('admin') && (
            <Link to="/admin/measures/new">
              <Button type="primary">{t('admin.measures.create')}</Button>
            </Link>
          )}
        </Space>
      </Space>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} home="/admin" />
      ) : (
        <Card variant="borderless">
          <Table<Measure>
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={list.data ?? []}
            scroll={{ x: 1300 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            expandable={{ expandedRowRender: (m) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{m.content}</Typography.Paragraph> }}
            columns={[
              {
                title: t('admin.measures.name'),
                dataIndex: 'name',
                width: 240,
                render: (name: string, m) => (
                  <Space direction="vertical" size={0}>
                    {can('admin') ? <Link to={`/admin/measures/${m.id}`}>{name}</Link> : name}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.code}
                      {!m.active && ` · ${t('admin.measures.active')}: ${t('common.no')}`}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: t('admin.measures.kind'), dataIndex: 'kind', width: 80, render: (k: MeasureKind) => <KindTag kind={k} /> },
              { title: t('admin.measures.strength'), dataIndex: 'strength', width: 110, render: (s: MeasureStrength) => t(`admin.measures.strengthNames.${s}`) },
              { title: t('admin.measures.matters'), dataIndex: 'matters', width: 150, render: (ms: Measure['matters']) => ms.map((m) => <Tag key={m.code}>{m.name}</Tag>) },
              {
                title: t('admin.measures.listTypes'),
                dataIndex: 'listTypes',
                width: 200,
                render: (ls: Measure['listTypes']) => ls.map((l) => <Tag key={l.code} color={l.kind === 'red' ? 'green' : l.kind === 'black' ? 'default' : 'orange'}>{l.name}</Tag>),
              },
              { title: t('admin.measures.departments'), dataIndex: 'departments', width: 180, render: (ds: Measure['departments']) => ds.map((d) => <Tag key={d.code}>{d.name}</Tag>) },
              {
                title: t('admin.measures.binds'),
                dataIndex: 'binds',
                width: 160,
                render: (bs: MeasureBind[]) => bs.map((b) => t(`admin.measures.bindNames.${b}`)).join('、'),
              },
              {
                title: t('admin.measures.legalBasis'),
                dataIndex: 'legalBasis',
                render: (bs: Measure['legalBasis']) => (
                  <Space direction="vertical" size={0}>
                    {bs.map((b, i) => (
                      <Typography.Text key={i} style={{ fontSize: 12 }}>
                        {basisText(b)}
                      </Typography.Text>
                    ))}
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

type MeasureForm = MeasureInput;

const EMPTY: MeasureForm = {
  code: '',
  name: '',
  content: '',
  kind: 'punishment',
  strength: 'restrict',
  legalBasis: [{ title: '' }],
  matters: [],
  binds: ['subject'],
  listTypes: [],
  departments: [],
  responseWorkdays: 10,
  active: true,
};

/** `/admin/measures/new` and `/admin/measures/:id`: the measure form (platform admins). */
export function MeasureEditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const [form] = Form.useForm<MeasureForm>();
  const kind = Form.useWatch('kind', form) ?? 'punishment';
  const [saving, setSaving] = useState(false);
  const measure = useApi(async (signal) => (id ? api<Measure>(`/measures/${id}`, { area: 'admin', signal }) : undefined), [id]);
  const matters = useApi((signal) => api<Matter[]>('/matters', { area: 'admin', signal }), []);
  const departments = useApi((signal) => api<{ items: DepartmentView[] }>('/departments', { area: 'admin', signal }), []);
  const all = useApi((signal) => api<Measure[]>('/measures', { area: 'admin', signal }), []);
  const listOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of all.data ?? []) for (const l of m.listTypes) seen.set(l.code, l.name);
    return [...seen.entries()].map(([code, name]) => ({ value: code, label: `${name}（${code}）` }));
  }, [all.data]);
  useEffect(() => {
    const m = measure.data;
    if (m)
      form.setFieldsValue({
        code: m.code,
        name: m.name,
        content: m.content,
        kind: m.kind,
        strength: m.strength,
        legalBasis: m.legalBasis,
        matters: m.matters.map((x) => x.code),
        binds: m.binds,
        listTypes: m.listTypes.map((l) => l.code),
        departments: m.departments.map((d) => d.code),
        responseWorkdays: m.responseWorkdays,
        active: m.active,
      });
  }, [measure.data, form]);
  const save = async () => {
    let values: MeasureForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const saved = await api<Measure>(id ? `/measures/${id}` : '/measures', { method: id ? 'PUT' : 'POST', area: 'admin', body: values });
      void message.success(t('common.saved'));
      if (id) measure.reload();
      else void navigate(`/admin/measures/${saved.id}`, { replace: true });
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };
  if (measure.error) return <ErrorState error={measure.error} onRetry={measure.reload} home="/admin/measures" page />;
  if (id && !measure.data) return <Skeleton active />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {id ? t('admin.measures.edit') : t('admin.measures.create')}
      </Typography.Title>
      {id && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('admin.measures.updateHint')} />}
      <Card variant="borderless">
        <Form form={form} layout="vertical" initialValues={EMPTY} style={{ maxWidth: 900 }}>
          <Space wrap align="start">
            <Form.Item name="code" label={t('admin.measures.code')} rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_]{1,40}$/ }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="kind" label={t('admin.measures.kind')} rules={[{ required: true }]}>
              <Select
                style={{ width: 140 }}
                options={MEASURE_KINDS.map((k) => ({ value: k, label: t(`admin.measures.kindNames.${k}`) }))}
                onChange={(k: MeasureKind) => form.setFieldValue('strength', STRENGTHS_BY_KIND[k][0])}
              />
            </Form.Item>
            <Form.Item name="strength" label={t('admin.measures.strength')} rules={[{ required: true }]}>
              <Select style={{ width: 180 }} options={STRENGTHS_BY_KIND[kind].map((s) => ({ value: s, label: t(`admin.measures.strengthNames.${s}`) }))} />
            </Form.Item>
            <Form.Item name="responseWorkdays" label={t('admin.measures.responseWorkdays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
            <Form.Item name="active" label={t('admin.measures.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="name" label={t('admin.measures.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="content" label={t('admin.measures.content')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          <Form.Item label={t('admin.measures.legalBasis')} required>
            <Form.List
              name="legalBasis"
              rules={[
                {
                  validator: async (_, value: unknown[] | undefined) => {
                    if (!value || value.length === 0) throw new Error(t('admin.measures.basisRequired'));
                  },
                },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'title']} rules={[{ required: true, whitespace: true, message: t('admin.measures.basisRequired') }]}>
                        <Input placeholder={t('admin.measures.basisTitle')} style={{ width: 360 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'article']}>
                        <Input placeholder={t('admin.measures.basisArticle')} style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'docNo']}>
                        <Input placeholder={t('admin.measures.basisDocNo')} style={{ width: 200 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({ title: '' })} icon={<PlusOutlined />}>
                    {t('admin.measures.addBasis')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="matters" label={t('admin.measures.matters')} rules={[{ required: true }]}>
            <Select mode="multiple" loading={matters.loading} options={(matters.data ?? []).filter((m) => m.active).map((m) => ({ value: m.code, label: m.name }))} />
          </Form.Item>
          <Form.Item name="binds" label={t('admin.measures.binds')} rules={[{ required: true }]}>
            <Checkbox.Group options={BINDS.map((b) => ({ value: b, label: t(`admin.measures.bindNames.${b}`) }))} />
          </Form.Item>
          <Form.Item name="listTypes" label={t('admin.measures.listTypes')} extra={t('admin.measures.listTypesHint')}>
            <Select mode="tags" options={listOptions} tokenSeparators={[',', ' ']} />
          </Form.Item>
          <Form.Item name="departments" label={t('admin.measures.departments')}>
            <Select
              mode="multiple"
              loading={departments.loading}
              optionFilterProp="label"
              options={(departments.data?.items ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
            />
          </Form.Item>
          <Space>
            <Button type="primary" loading={saving} onClick={() => void save()}>
              {t('common.save')}
            </Button>
            <Link to="/admin/measures">
              <Button>{t('common.back')}</Button>
            </Link>
          </Space>
        </Form>
      </Card>
    </>
  );
}
