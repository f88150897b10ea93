import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { followLink } from '../navigation.ts';

/** /account/forgot — a reset link by mail; the answer is the same for every login (no one learns who has an account). */
export default function ForgotPasswordPage() {
  const [login, setLogin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!login.trim()) {
      setError('Nhập email hoặc số điện thoại đăng nhập.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      setAnswer((await api.post<{ message: string }>('/api/auth/forgot', { login: login.trim() })).message);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="m-main m-narrow">
      <h1 className="m-title">Quên mật khẩu</h1>
      {answer ? (
        <p className="m-alert m-alert-ok" role="status" data-testid="forgot-answer">
          {answer}
        </p>
      ) : (
        <form onSubmit={submit} noValidate className="m-form">
          <p className="m-muted">Nhập email hoặc số điện thoại bạn dùng để đăng nhập. Nếu tài khoản có email, chúng tôi gửi tới đó liên kết đặt lại mật khẩu.</p>
          <div className="m-field">
            <label htmlFor="forgot-login">Email hoặc số điện thoại</label>
            <input id="forgot-login" type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} value={login} onChange={(e) => setLogin(e.target.value)} aria-invalid={Boolean(error)} aria-describedby={error ? 'forgot-error' : undefined} />
            {error && (
              <p id="forgot-error" className="m-field-error">
                {error}
              </p>
            )}
          </div>
          <button type="submit" className="m-button m-button-primary m-block" disabled={busy}>
            {busy ? 'Đang gửi…' : 'Gửi liên kết đặt lại mật khẩu'}
          </button>
        </form>
      )}
      <p className="m-links">
        <a href="/login" onClick={followLink}>‹ Về trang đăng nhập</a>
      </p>
    </main>
  );
}
