import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { useT } from '../i18n/index.tsx';
import { AppMenu } from './AppMenu.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { PageLoading } from './PageStatus.tsx';
import { UserMenu } from './UserMenu.tsx';
import { useFocusableScrollRegions } from './useFocusableScrollRegions.ts';
import { useIsNarrow } from './useIsNarrow.ts';
import './layout.css';

const HEADER_STYLE = { background: '#fff', borderBottom: '1px solid #f0f0f0', paddingInline: 12, height: 56, lineHeight: '56px' } as const;

/**
 * The frame of every page: a collapsible side menu on wide screens, a drawer behind a menu button on
 * phones (a chair on a phone in a village must not scroll sideways). Landmarks for assistive technology: the
 * header, the menu (nav) and the page (main, the target of the skip link that is the first Tab stop).
 */
export function AppLayout() {
  const t = useT();
  const narrow = useIsNarrow();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  useFocusableScrollRegions();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main" data-testid="skip-link">{t('nav.skip')}</a>
      <Layout.Header style={HEADER_STYLE}>
        <Flex align="center" gap={8} style={{ height: '100%' }}>
          {narrow && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawerOpen(true)} data-testid="menu-button" />}
          <Link to="/" style={{ minWidth: 0, flex: 1, display: 'flex', alignItems: 'baseline', gap: 8, overflow: 'hidden' }}>
            <Typography.Text strong ellipsis style={{ fontSize: 16 }}>{narrow ? 'Liên minh HTX' : t('app.name')}</Typography.Text>
            {!narrow && <Typography.Text type="secondary" ellipsis>{t('app.tagline')}</Typography.Text>}
          </Link>
          <LanguageToggle compact={narrow} />
          <UserMenu compact={narrow} />
        </Flex>
      </Layout.Header>
      <Layout>
        {!narrow && (
          <Layout.Sider theme="light" collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            <nav aria-label={t('nav.main')}>
              <AppMenu />
            </nav>
          </Layout.Sider>
        )}
        {narrow && (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
            <nav aria-label={t('nav.main')}>
              <AppMenu onNavigate={() => setDrawerOpen(false)} />
            </nav>
          </Drawer>
        )}
        <Layout.Content id="main" tabIndex={-1} style={{ padding: narrow ? 8 : 24, minWidth: 0, outline: 'none' }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
