import {
  ApartmentOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  AppstoreOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FileDoneOutlined,
  GlobalOutlined,
  InboxOutlined,
  LogoutOutlined,
  ProfileOutlined,
  QuestionCircleOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiError, api, getToken, setToken } from '../api/client';
import { STAFF_ROLES, type Profile, type Role } from '../api/types';
import { LanguageSwitch } from '../shared/LanguageSwitch';
import { NotFoundPage } from '../shared/ErrorState';
import { PageLoading } from '../shared/PageLoading';
import { useApi } from '../shared/use-api';
import { ArticleEditPage, ArticlesAdminPage } from './ArticlesAdmin';
import { SessionContext, useCan, useSession } from './auth';
import { BatchPage, BatchesPage } from './Batches';
import { CatalogPage, TopicEditPage, TopicPage } from './Catalog';
import { CheckLogPage } from './CheckLog';
import { CommitmentsPage } from './Commitments';
import { DepartmentsPage, TokensPage } from './Departments';
import { JointStatsPage, JointTasksPage } from './JointTasks';
import { MeasureEditPage, MeasuresPage } from './Measures';
import { ListEntriesPage } from './ListEntries';
import { ListTypesPage } from './ListTypes';
import { ObjectionsPage } from './Objections';
import { RepairsPage } from './Repairs';
import { ComplaintsPage } from './Complaints';
import { AdminLogin } from './AdminLogin';
import { Forbidden } from './Forbidden';
import { OverviewPage } from './Overview';
import { RecordPage, RecordsPage } from './Records';
import { RegistrationDemoPage } from './RegistrationDemo';
import { SubmitPage } from './Submit';
import { UsersPage } from './Users';

interface Entry {
  key: string;
  icon: ReactNode;
  /** Roles that see the entry; undefined = every signed-in user. */
  roles?: Role[];
}

const ENTRIES: Entry[] = [
  { key: 'overview', icon: <DashboardOutlined /> },
  { key: 'submit', icon: <CloudUploadOutlined />, roles: ['admin', 'submitter'] },
  { key: 'batches', icon: <ProfileOutlined /> },
  { key: 'records', icon: <DatabaseOutlined /> },
  { key: 'list-entries', icon: <SolutionOutlined /> },
  { key: 'list-types', icon: <UnorderedListOutlined /> },
  { key: 'objections', icon: <QuestionCircleOutlined />, roles: ['admin', 'auditor', 'submitter', 'reviewer'] },
  { key: 'commitments', icon: <FileProtectOutlined />, roles: ['admin', 'auditor', 'submitter', 'reviewer'] },
  { key: 'repairs', icon: <FileDoneOutlined />, roles: ['admin', 'auditor', 'submitter', 'reviewer'] },
  { key: 'complaints', icon: <AlertOutlined />, roles: ['admin', 'auditor', 'submitter', 'reviewer'] },
  { key: 'measures', icon: <AuditOutlined /> },
  { key: 'joint-tasks', icon: <InboxOutlined /> },
  { key: 'joint-stats', icon: <BarChartOutlined />, roles: ['admin', 'auditor'] },
  { key: 'checks', icon: <FileSearchOutlined /> },
  { key: 'registration', icon: <SafetyCertificateOutlined /> },
  { key: 'catalog', icon: <AppstoreOutlined /> },
  { key: 'departments', icon: <ApartmentOutlined /> },
  { key: 'users', icon: <TeamOutlined />, roles: ['admin'] },
  { key: 'articles', icon: <FileTextOutlined />, roles: ['admin'] },
];

/** Shows the page only to the given roles; others see a "forbidden" page. */
function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const can = useCan();
  return can(...roles) ? children : <Forbidden />;
}

function AdminLayout() {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const can = useCan();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const section = location.pathname.split('/')[2] || 'overview';
  const items = ENTRIES.filter((entry) => !entry.roles || can(...entry.roles)).map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: t(`admin.menu.${entry.key}`),
  }));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} collapsed={collapsed} onCollapse={setCollapsed} width={220}>
        <div className="admin-logo">
          <span className="portal-logo-mark" style={{ width: 28, height: 28, fontSize: 16 }}>
            信
          </span>
          {t('admin.title')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[section]}
          items={items}
          onClick={({ key }) => {
            void navigate(key === 'overview' ? '/admin' : `/admin/${key}`);
            if (window.innerWidth < 992) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 12 }}>
          <Space size={12} wrap={false}>
            <Link to="/">
              <GlobalOutlined /> {t('admin.menu.portal')}
            </Link>
            <LanguageSwitch />
            <Typography.Text data-testid="current-user">
              {me.displayName}
              {me.department ? ` · ${me.department.name}` : ''}
            </Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={logout} size="small">
              {t('common.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Routes>
            <Route index element={<OverviewPage />} />
            <Route path="submit" element={<RequireRole roles={['admin', 'submitter']}><SubmitPage /></RequireRole>} />
            <Route path="batches" element={<BatchesPage />} />
            <Route path="batches/:id" element={<BatchPage />} />
            <Route path="records" element={<RecordsPage />} />
            <Route path="records/:id" element={<RecordPage />} />
            <Route path="list-entries" element={<ListEntriesPage />} />
            <Route path="list-types" element={<ListTypesPage />} />
            <Route path="objections" element={<RequireRole roles={['admin', 'auditor', 'submitter', 'reviewer']}><ObjectionsPage /></RequireRole>} />
            <Route path="commitments" element={<RequireRole roles={['admin', 'auditor', 'submitter', 'reviewer']}><CommitmentsPage /></RequireRole>} />
            <Route path="repairs" element={<RequireRole roles={['admin', 'auditor', 'submitter', 'reviewer']}><RepairsPage /></RequireRole>} />
            <Route path="complaints" element={<RequireRole roles={['admin', 'auditor', 'submitter', 'reviewer']}><ComplaintsPage /></RequireRole>} />
            <Route path="catalog" element={<CatalogPage />} />
            <Route path="catalog/new" element={<RequireRole roles={['admin']}><TopicEditPage /></RequireRole>} />
            <Route path="catalog/:id" element={<TopicPage />} />
            <Route path="catalog/:id/edit" element={<RequireRole roles={['admin']}><TopicEditPage /></RequireRole>} />
            <Route path="departments" element={<DepartmentsPage />} />
            <Route path="departments/:id/tokens" element={<TokensPage />} />
            <Route path="users" element={<RequireRole roles={['admin']}><UsersPage /></RequireRole>} />
            <Route path="articles" element={<RequireRole roles={['admin']}><ArticlesAdminPage /></RequireRole>} />
            <Route path="articles/new" element={<RequireRole roles={['admin']}><ArticleEditPage /></RequireRole>} />
            <Route path="articles/:id" element={<RequireRole roles={['admin']}><ArticleEditPage /></RequireRole>} />
            <Route path="measures" element={<MeasuresPage />} />
            <Route path="measures/new" element={<RequireRole roles={['admin']}><MeasureEditPage /></RequireRole>} />
            <Route path="measures/:id" element={<RequireRole roles={['admin']}><MeasureEditPage /></RequireRole>} />
            <Route path="joint-tasks" element={<JointTasksPage />} />
            <Route path="joint-stats" element={<RequireRole roles={['admin', 'auditor']}><JointStatsPage /></RequireRole>} />
            <Route path="registration" element={<RegistrationDemoPage />} />
            <Route path="checks" element={<CheckLogPage />} />
            <Route path="*" element={<NotFoundPage home="/admin" />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** `/admin`: the console. Loaded lazily; signs in first, then shows what the user's roles allow. */
export default function AdminApp() {
  const { t } = useTranslation();
  const [token, setTokenState] = useState(getToken('admin'));
  const me = useApi(async (signal) => (token ? api<Profile>('/auth/me', { area: 'admin', signal }) : undefined), [token]);
  const signOut = () => {
    void api('/auth/logout', { method: 'POST', area: 'admin' }).catch(() => undefined);
    setToken('admin', null);
    setTokenState(null);
  };
  const signIn = (newToken: string) => {
    setToken('admin', newToken);
    setTokenState(newToken);
  };
  const expired = me.error instanceof ApiError && me.error.status === 401;
  if (!token || expired) {
    return <AdminLogin onSignedIn={signIn} />;
  }
  if (!me.data) return me.error ? <AdminLogin initialError={me.error} onSignedIn={signIn} /> : <PageLoading />;
  if (!me.data.roles.some((role) => STAFF_ROLES.includes(role))) return <AdminLogin initialError={new Error(t('admin.notStaff'))} onSignedIn={signIn} />;
  return (
    <SessionContext.Provider value={{ me: me.data, logout: signOut }}>
      <AdminLayout />
    </SessionContext.Provider>
  );
}
