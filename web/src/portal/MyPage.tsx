import { FilePdfOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ApiError, api, apiFile, getToken, saveFile, setToken } from '../api/client';
import type { MyCheckItem, MyCheckPage } from '../../../src/checks/schemas.js';
import type { Profile, SubjectRecordView } from '../api/types';
import { ErrorState } from '../shared/ErrorState';
import { ObjectionHowTo } from '../shared/Objections';
import { formatDateTime } from '../shared/format';
import { SubjectRecord } from '../shared/SubjectRecord';
import { useApi, useErrorText } from '../shared/use-api';
import { MyObjections } from './MyObjections';
import { MyCommitments } from './MyCommitments';
import { MyRepairs } from './MyRepairs';

/** 查询记录: which departments checked this subject (应查必查), when, for what matter and purpose. */
function MyChecks() {
  const { t } = useTranslation();
  const checks = useApi((signal) => api<MyCheckPage>('/my/checks', { query: { pageSize: 50 }, area: 'my', signal }), []);
  const columns = [
    { title: t('my.checks.at'), dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('my.checks.department'), dataIndex: 'department', width: 200 },
    { title: t('my.checks.matter'), dataIndex: 'matter', width: 140 },
    { title: t('my.checks.purpose'), dataIndex: 'purpose' },
  ];
  return (
    <Card variant="borderless" title={t('my.checks.title')} style={{ marginBottom: 16 }} data-testid="my-checks">
      <Typography.Paragraph type="secondary">{t('my.checks.hint')}</Typography.Paragraph>
      {checks.error ? (
        <ErrorState error={checks.error} onRetry={checks.reload} />
      ) : (
        <Table<MyCheckItem & { key: number }>
          size="small"
          loading={checks.loading}
          dataSource={(checks.data?.items ?? []).map((item, key) => ({ ...item, key }))}
          columns={columns}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('my.checks.empty') }}
        />
      )}
    </Card>
  );
}

/** `/my`: the signed-in subject's record, its fuller report (with 政务共享 items) and who checked it. */
export function MyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [downloading, setDownloading] = useState(false);
  const signedIn = getToken('my') !== null;
  const data = useApi(async (signal) => {
    if (!signedIn) return undefined;
    const me = await api<Profile>('/auth/me', { area: 'my', signal });
    const view = me.subjectId ? await api<SubjectRecordView>(`/public/subjects/${me.subjectId}`, { signal }) : undefined;
    return { me, view };
  }, [signedIn]);
  // An expired session: forget it and sign in again.
  const expired = data.error instanceof ApiError && data.error.status === 401;
  useEffect(() => {
    if (expired) setToken('my', null);
  }, [expired]);
  if (!signedIn || expired) return <Navigate to="/login" replace />;
  const logout = async () => {
    await api('/auth/logout', { method: 'POST', area: 'my' }).catch(() => undefined);
    setToken('my', null);
    void navigate('/');
  };
  const download = async () => {
    setDownloading(true);
    try {
      saveFile(await apiFile('/my/report', '完整信用报告.pdf', { method: 'POST', area: 'my' }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <div className="portal-main">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('my.title')}
        </Typography.Title>
        <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
          {t('common.logout')}
        </Button>
      </Space>
      {data.error ? (
        <ErrorState error={data.error} onRetry={data.reload} />
      ) : !data.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !data.data.view ? (
        <Alert type="warning" showIcon title={t('my.noSubject')} />
      ) : (
        <>
          <Card variant="borderless" style={{ marginBottom: 16 }}>
            <Space orientation="vertical">
              <Typography.Text type="secondary">{t('my.fullHint')}</Typography.Text>
              <Button type="primary" icon={<FilePdfOutlined />} loading={downloading} onClick={() => void download()}>
                {t('my.downloadFull')}
              </Button>
            </Space>
          </Card>
          <MyObjections view={data.data.view} />
          <MyCommitments />
          <MyRepairs view={data.data.view} />
          <MyChecks />
          <SubjectRecord view={data.data.view} />
          <ObjectionHowTo />
        </>
      )}
    </div>
  );
}
