import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Role } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { formatDateTime } from '../shared/format';
import { useApi, useErrorText } from '../shared/use-api';
import type { DepartmentView, UserView } from './types';

const ROLES: Role[] = ['admin', 'submitter', 'reviewer', 'auditor'];
type UserForm = { username: string; displayName: string; password?: string; departmentId: number | null; roles: Role[]; active?: boolean };

/** `/admin/users`: user accounts and their roles (platform admins). */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const users = useApi((signal) => api<{ items: UserView[] }>('/users', { area: 'admin', signal }), []);
  const departments = useApi((signal) => api<{ items: DepartmentView[] }>('/departments', { area: 'admin', signal }), []);
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<UserForm>();
  const open = (user: UserView | 'new') => {
    setEditing(user);
    form.setFieldsValue(
      user === 'new'
        ? { username: '', displayName: '', password: '', departmentId: null, roles: ['submitter'], active: true }
        : { username: user.username, displayName: user.displayName, password: '', departmentId: user.department?.id ?? null, roles: user.roles, active: user.active },
    );
  };
  const save = async (values: UserForm) => {
    setSaving(true);
    try {
      if (editing === 'new') {
        await api('/users', {
          method: 'POST',
          area: 'admin',
          body: { username: values.username, displayName: values.displayName, password: values.password, departmentId: values.departmentId ?? null, roles: values.roles },
        });
      } else if (editing) {
        await api(`/users/${editing.id}`, {
          method: 'PATCH',
          area: 'admin',
          body: {
            displayName: values.displayName,
            departmentId: values.departmentId ?? null,
            roles: values.roles,
            active: values.active,
            ...(values.password ? { password: values.password } : {}),
          },
        });
      }
      void message.success(t('common.saved'));
      setEditing(null);
      users.reload();
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
          {t('admin.menu.users')}
        </Typography.Title>
        <Button type="primary" onClick={() => open('new')}>
          {t('admin.users.create')}
        </Button>
      </Space>
      {users.error ? (
        <ErrorState error={users.error} onRetry={users.reload} home="/admin" />
      ) : (
        <Card variant="borderless">
          <Table<UserView>
            rowKey="id"
            size="small"
            loading={users.loading}
            dataSource={users.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              { title: t('admin.users.username'), dataIndex: 'username', width: 130 },
              { title: t('admin.users.displayName'), dataIndex: 'displayName' },
              { title: t('admin.users.department'), dataIndex: ['department', 'name'], render: (v: string | undefined) => v ?? t('admin.users.noDepartment') },
              { title: t('admin.users.roles'), dataIndex: 'roles', render: (roles: Role[]) => roles.map((r) => <Tag key={r} color={r === 'admin' ? 'red' : undefined}>{t(`admin.role.${r}`)}</Tag>) },
              { title: t('admin.users.active'), dataIndex: 'active', width: 80, render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('admin.departments.enabled') : t('admin.departments.disabled')}</Tag> },
              { title: t('admin.users.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
              { title: t('common.actions'), width: 80, render: (_: unknown, row) => <a onClick={() => open(row)}>{t('common.edit')}</a> },
            ]}
          />
        </Card>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('admin.users.create') : t('admin.users.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item name="username" label={t('admin.users.username')} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/ }]}>
            <Input disabled={editing !== 'new'} autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('admin.users.displayName')} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={editing === 'new' ? t('admin.users.password') : t('admin.users.passwordReset')}
            rules={[{ required: editing === 'new', min: 10, max: 256 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="departmentId" label={t('admin.users.department')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item name="roles" label={t('admin.users.roles')} rules={[{ required: true }]}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))} />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="active" label={t('admin.users.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
