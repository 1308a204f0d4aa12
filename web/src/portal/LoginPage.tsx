import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, setToken } from '../api/client';
import type { LoginResult, Profile } from '../api/types';
import { SignInForm, type Credentials } from '../shared/SignInForm';
import { useErrorText } from '../shared/use-api';

/** `/login`: a subject account signs in (its fuller report is on /my). */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      const session = await api<LoginResult>('/auth/login', { method: 'POST', body: values });
      setToken('my', session.token);
      const me = await api<Profile>('/auth/me', { area: 'my' });
      if (!me.subjectId) {
        await api('/auth/logout', { method: 'POST', area: 'my' }).catch(() => undefined);
        setToken('my', null);
        setError(t('login.notSubject'));
        return;
      }
      void navigate('/my');
    } catch (caught) {
      setToken('my', null);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="portal-main" style={{ maxWidth: 440 }}>
      <Card variant="borderless">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.intro')}</Typography.Paragraph>
        <SignInForm busy={busy} error={error} onSubmit={(values) => void submit(values)} />
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/admin">{t('login.staffLink')}</Link>
        </div>
      </Card>
    </div>
  );
}
