import { AimOutlined, TrophyOutlined, ReadOutlined, FolderOutlined, NotificationOutlined, PictureOutlined, PieChartOutlined, AlertOutlined, FileTextOutlined, AuditOutlined, CommentOutlined, CalendarOutlined, TeamOutlined, BankOutlined, LockOutlined, BarChartOutlined, DatabaseOutlined, FundOutlined, GlobalOutlined, LoginOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useLocation } from 'react-router-dom';
import { useT } from '../i18n/index.tsx';
import { useGo } from './portalPaths.ts';
import { portalCan, seesPortal } from '../routes/portal/portalAccess.tsx';
import { canManagePlans, canManageRegistry, canSeeClosedYears, canSeeLoans, canSeePortfolio, canSeeReports, useSession } from '../session/session.ts';

/** The menu key of the page being shown. */
function selectedKey(pathname: string): string {
  if (pathname.startsWith('/registry/new')) return '/registry/new';
  if (pathname.startsWith('/registry')) return '/registry';
  if (pathname.startsWith('/imports')) return '/imports';
  if (pathname.startsWith('/reports/plans')) return '/reports/plans';
  if (pathname.startsWith('/reports/closed')) return '/reports/closed';
  if (pathname.startsWith('/reports/requests')) return '/reports/requests';
  if (pathname.startsWith('/reports')) return '/reports';
  if (pathname.startsWith('/loans/portfolio')) return '/loans/portfolio';
  if (pathname.startsWith('/loans')) return '/loans';
  if (pathname.startsWith('/updates')) return '/updates';
  if (pathname.startsWith('/difficulties')) return '/difficulties';
  if (pathname.startsWith('/recommendations')) return '/recommendations';
  if (pathname.startsWith('/agencies')) return '/recommendations';
  if (pathname.startsWith('/accounts')) return '/accounts';
  if (pathname.startsWith('/consultations') || pathname.startsWith('/experts')) return '/consultations';
  if (pathname.startsWith('/calendar')) return '/calendar';
  if (pathname.startsWith('/emulation')) return '/emulation';
  if (pathname.startsWith('/awards/')) return '/awards/' + pathname.split('/')[2];
  if (pathname.startsWith('/awards')) return '/awards';
  if (pathname.startsWith('/login')) return '/login';
  if (pathname.startsWith('/portal/')) return pathname.split('/').slice(0, 3).join('/');
  return '/directory';
}

/** The navigation: what a visitor or a user of this role may open. */
export function AppMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { user } = useSession();
  const go = useGo();
  const location = useLocation();
  // The group "Cổng thông tin" (decision 009): each entry from its capability; add the portal's pages here.
  const portalItems: NonNullable<MenuProps['items']> = [
    ...(portalCan(user, 'writeArticles') ? [{ key: '/portal/articles', icon: <ReadOutlined />, label: t('nav.portalArticles') }] : []),
    ...(portalCan(user, 'manageLibrary') ? [{ key: '/portal/categories', icon: <FolderOutlined />, label: t('nav.portalCategories') }] : []),
    ...(portalCan(user, 'manageLibrary')
      ? [
          { key: '/portal/documents', icon: <FileTextOutlined />, label: t('nav.portalDocuments') },
          { key: '/portal/events', icon: <CalendarOutlined />, label: t('nav.portalEvents') },
          { key: '/portal/images', icon: <PictureOutlined />, label: t('nav.portalImages') },
        ]
      : []),
  ];
  // "Thi đua, khen thưởng" (decision 010): the awards' pages, then the emulation pages.
  const movement: NonNullable<MenuProps['items']> = [
    ...(user?.can.seeAwards ? [{ key: '/awards', label: t('awards.nav.register') }] : []),
    ...(user?.can.manageAwards
      ? [
          { key: '/awards/proposals', label: t('awards.nav.proposals') },
          { key: '/awards/decisions', label: t('awards.nav.decisions') },
          { key: '/awards/never-recognised', label: t('awards.nav.never') },
        ]
      : []),
    ...(user?.can.manageAwardKinds ? [{ key: '/awards/kinds', label: t('awards.nav.kinds') }] : []),
    ...(user?.can.manageEmulation ? [{ key: '/emulation', label: t('emulation.nav') }] : []),
  ];
  const items: MenuProps['items'] = [
    { key: '/directory', icon: <GlobalOutlined />, label: t('nav.directory') },
    ...(user ? [{ key: '/registry', icon: <DatabaseOutlined />, label: t('nav.registry') }] : []),
    ...(canManageRegistry(user)
      ? [
          { key: '/registry/new', icon: <PlusOutlined />, label: t('nav.create') },
          { key: '/imports', icon: <UploadOutlined />, label: t('nav.import') },
        ]
      : []),
    ...(canSeeReports(user) ? [{ key: '/reports', icon: <BarChartOutlined />, label: t('nav.reports') }] : []),
    ...(canSeeClosedYears(user) ? [{ key: '/reports/closed', icon: <LockOutlined />, label: t('nav.closed') }] : []),
    ...(canManagePlans(user) ? [{ key: '/reports/plans', icon: <AimOutlined />, label: t('nav.plans') }] : []),
    ...(user?.can.seeRequestReports ? [{ key: '/reports/requests', icon: <PieChartOutlined />, label: t('requestsReport.nav') }] : []),
    ...(user?.can.seeUpdates ? [{ key: '/updates', icon: <AuditOutlined />, label: t('nav.updates') }] : []),
    ...(canSeeLoans(user) ? [{ key: '/loans', icon: <BankOutlined />, label: t('nav.loans') }] : []),
    ...(canSeePortfolio(user) ? [{ key: '/loans/portfolio', icon: <FundOutlined />, label: t('nav.portfolio') }] : []),
    ...(user?.can.handleConsultations ? [{ key: '/consultations', icon: <CommentOutlined />, label: t('nav.consultations') }] : []),
    ...(user?.can.seeDifficulties ? [{ key: '/difficulties', icon: <AlertOutlined />, label: t('nav.difficulties') }] : []),
    ...(user?.can.handleDifficulties ? [{ key: '/recommendations', icon: <FileTextOutlined />, label: t('nav.recommendations') }] : []),
    ...(movement.length ? [{ key: 'movement', icon: <TrophyOutlined />, label: t('movement.nav'), children: movement }] : []),
    ...(user?.can.manageAccounts ? [{ key: '/accounts', icon: <TeamOutlined />, label: t('nav.accounts') }] : []),
    ...(seesPortal(user) && portalItems.length > 0
      ? [{ key: 'portal', icon: <NotificationOutlined />, label: t('nav.portal'), children: portalItems }]
      : []),
    ...(user ? [{ key: '/calendar', icon: <CalendarOutlined />, label: t('calendar.nav') }] : []),
    ...(user ? [] : [{ key: '/login', icon: <LoginOutlined />, label: t('nav.login') }]),
  ];
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedKey(location.pathname)]}
      defaultOpenKeys={location.pathname.startsWith('/portal/') ? ['portal'] : []}
      onClick={({ key }) => {
        go(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
