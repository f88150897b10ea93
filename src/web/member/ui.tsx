/** The few pieces every manager's page shares: the top bar with its skip link, loading and error states. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { followLink } from './navigation.ts';
import { logOut, useSession } from './session.ts';

export function Loading({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <p className="m-loading" role="status">
      {label}
    </p>
  );
}

/** A failed load: the server's message (Vietnamese), and a retry. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  return (
    <div className="m-alert m-alert-error" role="alert">
      <p>{error.message}</p>
      <button type="button" className="m-button" onClick={onRetry}>
        Thử lại
      </button>
    </div>
  );
}

/** The top bar: the alliance's name (home), and logout for a signed-in user. A skip link comes first. */
export function TopBar() {
  const { user } = useSession();
  return (
    <>
      <a href="#main" className="m-skip">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="m-header">
        <a href={user?.role === 'coop_manager' ? '/member' : '/'} onClick={user?.role === 'coop_manager' ? followLink : undefined} className="m-brand">
          Liên minh HTX
        </a>
        {user && (
          <button type="button" className="m-button m-button-small" onClick={() => void logOut()} data-testid="logout">
            Đăng xuất
          </button>
        )}
      </header>
    </>
  );
}

export function Card({ title, children, testId }: { title?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="m-card" data-testid={testId}>
      {title && <h2 className="m-card-title">{title}</h2>}
      {children}
    </section>
  );
}
