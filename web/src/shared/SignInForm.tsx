import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export interface Credentials {
  username: string;
  password: string;
}

/** Username and password, the error of the last attempt, and the submit button: the console's and the website's sign-in. */
export function SignInForm({ busy, error, onSubmit }: { busy: boolean; error: string | undefined; onSubmit: (values: Credentials) => void }) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical" onFinish={onSubmit}>
      <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { what: t('login.username') }) }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { what: t('login.password') }) }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
