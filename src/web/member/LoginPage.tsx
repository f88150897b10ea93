import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { logIn, useSession, type MemberUser } from './session.ts';
import { followLink, redirect, useLocation } from './navigation.ts';
import { Loading } from './ui.tsx';

/**
 * Where to go after logging in: only a path of this site (never an outside address). Checked the way the browser
 * reads it, since "/\\evil.example" and "/<tab>/evil.example" both mean //evil.example to a URL parser.
 */
export function safeNext(next: string | null, fallback: string): string {
  if (!next?.startsWith('/')) return fallback;
  const url = new URL(next, window.location.origin);
  return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

/** A coop manager goes to their home (or the page of theirs they were sent from); others where they asked. */
export function destination(user: MemberUser, next: string | null): string {
  if (user.role === 'coop_manager') {
    const asked = safeNext(next, '/member');
    return asked.startsWith('/member') || asked.startsWith('/loans') || asked.startsWith('/account') ? asked : '/member';
  }
  return safeNext(next, '/registry');
}

/** The login everyone meets first: email or phone number, and the password. */
export function LoginPage() {
  const { search } = useLocation();
  const next = search.get('next');
  const { user, status } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ login?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  // Arriving signed in: straight on, never showing the form.
  const onward = user && !busy ? destination(user, next) : null;
  useEffect(() => {
    if (onward) redirect(onward);
  }, [onward]);
  if (status === 'loading' || onward) return <Loading />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!login.trim()) found.login = 'Nhập email hoặc số điện thoại.';
    if (!password) found.password = 'Nhập mật khẩu.';
    setErrors(found);
    if (found.login || found.password) return;
    setBusy(true);
    try {
      // Signed in: the effect above leaves, once (a second redirect would cut the first document load short).
      await logIn(login.trim(), password);
    } catch (error) {
      setErrors({ form: error instanceof ApiError ? error.message : 'Không đăng nhập được. Thử lại.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="m-main m-narrow">
      <h1 className="m-title">Đăng nhập</h1>
      {errors.form && (
        <p className="m-alert m-alert-error" role="alert" data-testid="login-error">
          {errors.form}
        </p>
      )}
      <form onSubmit={submit} noValidate className="m-form">
        <div className="m-field">
          <label htmlFor="email">Email hoặc số điện thoại</label>
          <input id="email" name="login" type="text" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} value={login} onChange={(e) => setLogin(e.target.value)} aria-invalid={Boolean(errors.login)} aria-describedby={errors.login ? 'email-error' : undefined} />
          {errors.login && (
            <p id="email-error" className="m-field-error">
              {errors.login}
            </p>
          )}
        </div>
        <div className="m-field">
          <label htmlFor="password">Mật khẩu</label>
          <input id="password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={Boolean(errors.password)} aria-describedby={errors.password ? 'password-error' : undefined} />
          {errors.password && (
            <p id="password-error" className="m-field-error">
              {errors.password}
            </p>
          )}
        </div>
        <button type="submit" className="m-button m-button-primary m-block" disabled={busy}>
          {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
      <p className="m-links">
        <a href="/account/forgot" onClick={followLink}>Quên mật khẩu?</a>
        <a href="/account/request" onClick={followLink}>Hợp tác xã chưa có tài khoản? Đề nghị cấp tài khoản</a>
      </p>
      <p className="m-links">
        <a href="/">‹ Về trang công khai</a>
      </p>
    </main>
  );
}
