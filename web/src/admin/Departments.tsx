import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { ErrorState } from '../shared/ErrorState';
import { formatDateTime } from '../shared/format';
import { useApi, useErrorText } from '../shared/use-api';
import { useCan, useSession } from './auth';
import type { ApiTokenView, CreatedApiToken, DepartmentView } from './types';

type DepartmentForm = { code: string; name: string; uscc?: string; kind: DepartmentView['kind']; active?: boolean };

/** `/admin/departments`: the departments; admins add and edit them. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const can = useCan();
  const { me } = useSession();
  const list = useApi((signal) => api<{ items: DepartmentView[] }>('/departments', { area: 'admin', signal }), []);
  const [editing, setEditing] = useState<DepartmentView | 'new' | null>(null);
  const [form] = Form.useForm<DepartmentForm>();
  const [saving, setSaving] = useState(false);
  const isAdmin = can('admin');
  const open = (department: DepartmentView | 'new') => {
    setEditing(department);
    form.setFieldsValue(
      department === 'new'
        ? { code: '', name: '', uscc: '', kind: 'department', active: true }
        : { code: department.code, name: department.name, uscc: department.uscc ?? '', kind: department.kind, active: department.active },
    );
  };
  const save = async (values: DepartmentForm) => {
    setSaving(true);
    try {
      if (editing === 'new') {
        await api('/departments', { method: 'POST', area: 'admin', body: { code: values.code, name: values.name, kind: values.kind, ...(values.uscc ? { uscc: values.uscc } : {}) } });
      } else if (editing) {
        await api(`/departments/${editing.id}`, { method: 'PATCH', area: 'admin', body: { name: values.name, kind: values.kind, uscc: values.uscc || null, active: values.active } });
      }
      void message.success(t('common.saved'));
      setEditing(null);
      list.reload();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.menu.departments')}
        </Typography.Title>
        {isAdmin && (
          <Button type="primary" onClick={() => open('new')}>
            {t('admin.departments.create')}
          </Button>
        )}
      </Space>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} home="/admin" />
      ) : (
        <Card variant="borderless">
          <Table<DepartmentView>
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              { title: t('admin.departments.code'), dataIndex: 'code', width: 110 },
              { title: t('admin.departments.name'), dataIndex: 'name' },
              { title: t('admin.departments.uscc'), dataIndex: 'uscc', width: 190, render: (v: string | null) => v ?? '—' },
              { title: t('admin.departments.kind'), dataIndex: 'kind', width: 100, render: (v: DepartmentView['kind']) => t(`admin.departments.kinds.${v}`) },
              {
                title: t('admin.departments.active'),
                dataIndex: 'active',
                width: 80,
                render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('admin.departments.enabled') : t('admin.departments.disabled')}</Tag>,
              },
              {
                title: t('common.actions'),
                width: 160,
                render: (_: unknown, row) => (
                  <Space>
                    {isAdmin && <a onClick={() => open(row)}>{t('common.edit')}</a>}
                    {(isAdmin || (can('reviewer') && me.department?.id === row.id)) && (
                      <Link to={`/admin/departments/${row.id}/tokens`}>{t('admin.departments.tokens')}</Link>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('admin.departments.create') : t('admin.departments.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item name="code" label={t('admin.departments.code')} rules={[{ required: true, pattern: /^[A-Z0-9_]{2,32}$/ }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="name" label={t('admin.departments.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="uscc" label={t('admin.departments.uscc')} rules={[{ max: 32 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('admin.departments.kind')} rules={[{ required: true }]}>
            <Select options={(['department', 'credit_centre'] as const).map((v) => ({ value: v, label: t(`admin.departments.kinds.${v}`) }))} />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="active" label={t('admin.departments.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** `/admin/departments/:id/tokens`: a department's API tokens; the secret is shown once. */
export function TokensPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const id = Number(useParams().id);
  const departments = useApi((signal) => api<{ items: DepartmentView[] }>('/departments', { area: 'admin', signal }), []);
  const tokens = useApi((signal) => api<{ items: ApiTokenView[] }>(`/departments/${id}/tokens`, { area: 'admin', signal }), [id]);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ name: string; roles: ('submitter' | 'reviewer')[] }>();
  const department = departments.data?.items.find((d) => d.id === id);
  const create = async (values: { name: string; roles: ('submitter' | 'reviewer')[] }) => {
    try {
      const created = await api<CreatedApiToken>(`/departments/${id}/tokens`, { method: 'POST', area: 'admin', body: values });
      setCreating(false);
      tokens.reload();
      modal.success({
        title: t('admin.tokens.created'),
        width: 560,
        content: (
          <>
            <p>{t('admin.tokens.createdHint')}</p>
            <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>
              {created.token}
            </Typography.Paragraph>
          </>
        ),
      });
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const revoke = async (tokenId: number) => {
    try {
      await api(`/tokens/${tokenId}`, { method: 'DELETE', area: 'admin' });
      tokens.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.tokens.title', { department: department?.name ?? `#${id}` })}
        </Typography.Title>
        <Button type="primary" onClick={() => { form.resetFields(); setCreating(true); }} disabled={Boolean(tokens.error)}>
          {t('admin.tokens.create')}
        </Button>
      </Space>
      {tokens.error ? (
        <ErrorState error={tokens.error} onRetry={tokens.reload} home="/admin/departments" />
      ) : (
        <Card variant="borderless">
          <Table<ApiTokenView>
            rowKey="id"
            size="small"
            loading={tokens.loading}
            dataSource={tokens.data?.items ?? []}
            pagination={false}
            scroll={{ x: 800 }}
            columns={[
              { title: t('admin.tokens.name'), dataIndex: 'name' },
              { title: t('admin.tokens.prefix'), dataIndex: 'prefix', width: 120, render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
              { title: t('admin.tokens.roles'), dataIndex: 'roles', width: 160, render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`admin.role.${r}`)}</Tag>) },
              { title: t('admin.tokens.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
              {
                title: t('admin.tokens.state'),
                dataIndex: 'revokedAt',
                width: 170,
                render: (v: string | null) => (v ? <Tag>{`${t('admin.tokens.revoked')} ${formatDateTime(v)}`}</Tag> : <Tag color="green">{t('admin.tokens.active')}</Tag>),
              },
              {
                title: t('common.actions'),
                width: 90,
                render: (_: unknown, row) =>
                  row.revokedAt ? null : (
                    <Popconfirm title={t('admin.tokens.revokeConfirm')} onConfirm={() => void revoke(row.id)}>
                      <a>{t('admin.tokens.revoke')}</a>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Modal open={creating} title={t('admin.tokens.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ roles: ['submitter'] }} onFinish={(values) => void create(values)}>
          <Form.Item name="name" label={t('admin.tokens.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label={t('admin.tokens.roles')} rules={[{ required: true }]}>
            <Select mode="multiple" options={(['submitter', 'reviewer'] as const).map((r) => ({ value: r, label: t(`admin.role.${r}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
