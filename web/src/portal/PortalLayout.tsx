import { MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Menu, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { getToken } from '../api/client';
import { LanguageSwitch } from '../shared/LanguageSwitch';

/** Which menu entry a location belongs to. */
function selectedKey(pathname: string, search: string): string {
  if (pathname === '/') return '/';
  if (pathname.startsWith('/articles')) {
    const channel = new URLSearchParams(search).get('channel');
    return `/articles?channel=${channel ?? 'news'}`;
  }
  if (pathname.startsWith('/subjects')) return '/search';
  return `/${pathname.split('/')[1] ?? ''}`;
}

/** Header with the sections, the page, and the footer. On a phone the sections move into a drawer. */
export function PortalLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const wide = screens.lg ?? true;
  const signedIn = getToken('my') !== null;
  const items = [
    { key: '/', label: t('nav.home') },
    { key: '/search', label: t('nav.search') },
    { key: '/publicity', label: t('nav.publicity') },
    { key: '/lists', label: t('nav.lists') },
    { key: '/government', label: t('nav.government') },
    { key: '/articles?channel=news', label: t('nav.news') },
    { key: '/articles?channel=policy', label: t('nav.policy') },
    { key: '/articles?channel=culture', label: t('nav.culture') },
    { key: '/verify', label: t('nav.verify') },
    { key: '/complaints', label: t('nav.complaints') },
  ];
  const selected = [selectedKey(location.pathname, location.search)];
  const go = ({ key }: { key: string }) => {
    setDrawerOpen(false);
    void navigate(key);
  };
  const account = (
    <Link to={signedIn ? '/my' : '/login'}>
      <Button type="text" icon={<UserOutlined />}>
        {signedIn ? t('nav.my') : t('nav.login')}
      </Button>
    </Link>
  );
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <header className="portal-header">
        <Link to="/" className="portal-logo">
          <span className="portal-logo-mark">信</span>
          <span>{wide || screens.sm ? t('site.name') : t('site.short')}</span>
        </Link>
        {wide ? (
          <>
            <Menu mode="horizontal" selectedKeys={selected} items={items} onClick={go} />
            <Space size={4}>
              {account}
              <LanguageSwitch />
            </Space>
          </>
        ) : (
          <>
            <span style={{ flex: 1 }} />
            <LanguageSwitch />
            <Button aria-label={t('nav.menu')} icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} />
            <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} title={t('site.name')} placement="right" size={280}>
              <Menu mode="vertical" selectedKeys={selected} items={items} onClick={go} style={{ borderInlineEnd: 'none' }} />
              <div style={{ marginTop: 16 }}>{account}</div>
            </Drawer>
          </>
        )}
      </header>
      <main style={{ flex: 1 }}>
        <Outlet />
      </main>
      <footer className="portal-footer">
        <div>{t('site.footer')}</div>
        <div>{t('site.footerLaw')}</div>
        <div>
          <Link to="/admin" style={{ color: '#b6bac2' }}>
            {t('nav.admin')}
          </Link>
        </div>
      </footer>
    </div>
  );
}
