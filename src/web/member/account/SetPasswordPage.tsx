import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { MemberUser } from '../session.ts';
import { followLink, useLocation } from '../navigation.ts';
import { destination } from '../LoginPage.tsx';
import { Loading } from '../ui.tsx';

type LinkInfo = {
  purpose: 'invite' | 'reset';
  state: 'valid' | 'expired' | 'used' | 'disabled';
  expiresAt: string;
  account: { email: string | null; phone: string | null; displayName: string | null; roleLabel: string; hasPassword: boolean };
};

const STATE_TEXT: Record<Exclude<LinkInfo['state'], 'valid'>, string> = {
  used: 'Liên kết này đã được dùng. Mỗi liên kết chỉ dùng được một lần.',
  expired: 'Liên kết này đã hết hạn.',
  disabled: 'Tài khoản này đã bị khóa. Hãy liên hệ Liên minh HTX.',
};

/** /account/set-password?token= — a one-time link (invitation or reset): choose a password, then in. */
export default function SetPasswordPage() {
  const { search } = useLocation();
  const token = search.get('token') ?? '';
  const [info, setInfo] = useState<LinkInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) {
      setLoadError('Liên kết thiếu mã. Hãy mở đúng liên kết trong thư hoặc tin nhắn.');
      return;
    }
    api.get<LinkInfo>('/api/auth/token', { token }).then(setInfo, (error: unknown) => {
      setLoadError(error instanceof ApiError && error.status === 404 ? 'Liên kết không tồn tại hoặc đã được thay bằng liên kết mới hơn.' : error instanceof Error ? error.message : String(error));
    });
  }, [token]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (password.length < 10) found.password = 'Mật khẩu cần ít nhất 10 ký tự.';
    if (confirm !== password) found.confirm = 'Hai lần nhập mật khẩu không giống nhau.';
    setErrors(found);
    if (found.password || found.confirm) return;
    setBusy(true);
    try {
      const { user } = await api.post<{ user: MemberUser }>('/api/auth/set-password', { token, password });
      window.location.assign(destination(user, null));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setErrors(error instanceof ApiError && error.field === 'password' ? { password: message } : { form: message });
      setBusy(false);
    }
  }

  if (loadError) return <Problem text={loadError} />;
  if (!info) return <Loading />;
  if (info.state !== 'valid') return <Problem text={STATE_TEXT[info.state]} />;
  const who = [info.account.displayName, info.account.email, info.account.phone].filter(Boolean).join(' · ');
  return (
    <main id="main" className="m-main m-narrow">
      <h1 className="m-title">{info.purpose === 'invite' ? 'Đặt mật khẩu cho tài khoản mới' : 'Đặt lại mật khẩu'}</h1>
      <p data-testid="link-account">
        Tài khoản: <strong>{who}</strong> ({info.account.roleLabel})
      </p>
      <p className="m-muted">Mật khẩu cần ít nhất 10 ký tự và không trùng với email hoặc số điện thoại. Liên kết chỉ dùng được một lần.</p>
      {errors.form && (
        <p className="m-alert m-alert-error" role="alert">
          {errors.form}
        </p>
      )}
      <form onSubmit={submit} noValidate className="m-form">
        <div className="m-field">
          <label htmlFor="new-password">Mật khẩu mới</label>
          <input id="new-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={Boolean(errors.password)} aria-describedby={errors.password ? 'new-password-error' : undefined} />
          {errors.password && (
            <p id="new-password-error" className="m-field-error">
              {errors.password}
            </p>
          )}
        </div>
        <div className="m-field">
          <label htmlFor="confirm-password">Nhập lại mật khẩu mới</label>
          <input id="confirm-password" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} aria-invalid={Boolean(errors.confirm)} aria-describedby={errors.confirm ? 'confirm-password-error' : undefined} />
          {errors.confirm && (
            <p id="confirm-password-error" className="m-field-error">
              {errors.confirm}
            </p>
          )}
        </div>
        <button type="submit" className="m-button m-button-primary m-block" disabled={busy}>
          {busy ? 'Đang lưu…' : 'Lưu mật khẩu và đăng nhập'}
        </button>
      </form>
    </main>
  );
}

function Problem({ text }: { text: string }) {
  return (
    <main id="main" className="m-main m-narrow">
      <h1 className="m-title">Không dùng được liên kết</h1>
      <p className="m-alert m-alert-error" role="alert" data-testid="link-problem">
        {text}
      </p>
      <p className="m-links">
        <a href="/account/forgot" onClick={followLink}>Quên mật khẩu? Nhận liên kết mới qua email</a>
        <a href="/login" onClick={followLink}>Đăng nhập</a>
      </p>
    </main>
  );
}
