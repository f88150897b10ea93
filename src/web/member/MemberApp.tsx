import { Fragment, lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { HomePage } from './HomePage.tsx';
import { difficultyPage } from './difficulties/pages.tsx';
import { emulationPage } from './emulation/pages.tsx';
import { LoginPage } from './LoginPage.tsx';
import { PasswordPage } from './PasswordPage.tsx';
import { redirect, useLocation } from './navigation.ts';
import { useSession } from './session.ts';
import { vietnamYear } from './time.ts';
import { mineUrl } from './update/types.ts';
import { prefetch } from './useJson.ts';
import { Loading, LoadError, TopBar } from './ui.tsx';

const loadUpdatePage = () => import('./update/UpdatePage.tsx');
const UpdatePage = lazy(loadUpdatePage);
const ConsultationsPage = lazy(() => import('./consultations/ConsultationsPage.tsx'));

// On a slow link every round trip counts: what the first page needs is asked for with this script, beside the
// session (preloaded by member.html), not after it.
const firstYear = /^\/member\/update\/(\d{4})$/.exec(window.location.pathname)?.[1];
if (window.location.pathname === '/member' || firstYear) prefetch(mineUrl(firstYear ? Number(firstYear) : vietnamYear()));
if (firstYear) void loadUpdatePage();

// The one-time-link pages (account/*Page.tsx: set password, forgot, request an account), each loaded with its path.
const accountModules = import.meta.glob<{ default: ComponentType }>('./account/*Page.tsx');
const ACCOUNT_PAGES: Record<string, string> = {
  '/account/set-password': './account/SetPasswordPage.tsx',
  '/account/forgot': './account/ForgotPasswordPage.tsx',
  '/account/request': './account/RequestAccountPage.tsx',
};
const accountPages = new Map<string, ComponentType>();
function accountPage(pathname: string): ComponentType | undefined {
  const loader = accountModules[ACCOUNT_PAGES[pathname] ?? ''];
  if (!loader) return undefined;
  if (!accountPages.has(pathname)) accountPages.set(pathname, lazy(loader));
  return accountPages.get(pathname);
}

function Redirect({ to }: { to: string }) {
  useEffect(() => redirect(to), [to]);
  return <Loading />;
}

/** Pages for a signed-in coop manager; anyone else is sent to the login and comes back after. */
function ForManager({ children }: { children: ReactNode }) {
  const { user, status, error, reload } = useSession();
  const { pathname, search } = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'error' && error) return <LoadError error={error} onRetry={reload} />;
  if (!user) return <Redirect to={`/login?next=${encodeURIComponent(pathname + (search.size ? `?${search}` : ''))}`} />;
  if (user.role !== 'coop_manager' || !user.organisationId) {
    return (
      <main id="main" className="m-main">
        <h1 className="m-title">Trang dành cho người quản lý hợp tác xã</h1>
        <p>Bạn không có quyền mở trang này.</p>
        <p>Tài khoản của bạn không gắn với hợp tác xã nào. Các trang của cán bộ Liên minh ở mục Sổ đăng ký.</p>
        <a className="m-button m-button-primary" href="/registry">
          Mở Sổ đăng ký
        </a>
      </main>
    );
  }
  // Another organisation chosen: its pages load afresh.
  return <Fragment key={user.organisationId}>{children}</Fragment>;
}

function NotFound() {
  return (
    <main id="main" className="m-main">
      <h1 className="m-title">Không tìm thấy trang</h1>
      <a href="/member">Về trang của hợp tác xã</a>
    </main>
  );
}

function page(pathname: string): ReactNode {
  if (pathname === '/login') return <LoginPage />;
  if (pathname === '/member' || pathname === '/member/') return <ForManager><HomePage /></ForManager>;
  if (pathname === '/member/password') return <ForManager><PasswordPage /></ForManager>;
  if (pathname === '/member/consultations') return <ForManager><ConsultationsPage /></ForManager>;
  const update = /^\/member\/update\/(\d{4})$/.exec(pathname);
  if (update) return <ForManager><UpdatePage year={Number(update[1])} /></ForManager>;
  const difficulty = difficultyPage(pathname);
  if (difficulty) return <ForManager>{difficulty}</ForManager>;
  const emulation = emulationPage(pathname);
  if (emulation) return <ForManager>{emulation}</ForManager>;
  const Account = accountPage(pathname);
  if (Account) return <Account />;
  return <NotFound />;
}

/** The light entry's pages by path (the server sends member.html for each of them). */
export function MemberApp() {
  const { pathname } = useLocation();
  return (
    <>
      <TopBar />
      <Suspense fallback={<Loading />}>{page(pathname)}</Suspense>
    </>
  );
}
