import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { STAFF_ROLES, type LoginResult } from '../api/types';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { SignInForm, type Credentials } from '../shared/SignInForm';
import { useErrorText } from '../shared/use-api';

/** The console's sign-in form. */
export function AdminLogin({ onSignedIn, initialError }: { onSignedIn: (token: string) => void; initialError?: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | undefined>(initialError ? errorText(initialError) : undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      const session = await api<LoginResult>('/auth/login', { method: 'POST', body: values });
      if (!session.user.roles.some((role) => STAFF_ROLES.includes(role))) {
        await api('/auth/logout', { method: 'POST', token: session.token }).catch(() => undefined);
        setError(t('admin.notStaff'));
        return;
      }
      onSignedIn(session.token);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg, #1f2937, #374151)', padding: 16 }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('admin.login.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('admin.login.hint')}
        </Typography.Paragraph>
        <SignInForm busy={busy} error={error} onSubmit={(values) => void submit(values)} />
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/">{t('admin.menu.portal')}</Link>
        </div>
      </Card>
    </div>
  );
}
