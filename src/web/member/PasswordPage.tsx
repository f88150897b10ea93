import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import { followLink } from './navigation.ts';

type Errors = { current?: string; next?: string; confirm?: string; form?: string };

/** /member/password — the manager changes their own password (their other sessions end). */
export function PasswordPage() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (!current) found.current = 'Nhập mật khẩu đang dùng.';
    if (next.length < 10) found.next = 'Mật khẩu mới cần ít nhất 10 ký tự.';
    if (confirm !== next) found.confirm = 'Hai lần nhập mật khẩu mới không giống nhau.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const answer = await api.post<{ message?: string }>('/api/auth/password', { current, next });
      setDone(answer.message ?? 'Đã đổi mật khẩu.');
      setCurrent('');
      setNext('');
      setConfirm('');
    } catch (error) {
      const message = error instanceof ApiError ? error.message : 'Không đổi được mật khẩu. Thử lại.';
      const field = error instanceof ApiError && (error.field === 'current' || error.field === 'next') ? error.field : 'form';
      setErrors({ [field]: message });
    } finally {
      setBusy(false);
    }
  }

  const input = (id: 'current' | 'next' | 'confirm', label: string, value: string, set: (v: string) => void, autoComplete: string) => (
    <div className="m-field">
      <label htmlFor={`password-${id}`}>{label}</label>
      <input id={`password-${id}`} type="password" autoComplete={autoComplete} value={value} onChange={(e) => set(e.target.value)} aria-invalid={Boolean(errors[id])} aria-describedby={errors[id] ? `password-${id}-error` : undefined} />
      {errors[id] && (
        <p id={`password-${id}-error`} className="m-field-error">
          {errors[id]}
        </p>
      )}
    </div>
  );

  return (
    <main id="main" className="m-main m-narrow">
      <h1 className="m-title">Đổi mật khẩu</h1>
      {done && (
        <p className="m-alert m-alert-ok" role="status">
          {done}
        </p>
      )}
      {errors.form && (
        <p className="m-alert m-alert-error" role="alert">
          {errors.form}
        </p>
      )}
      <form className="m-form" onSubmit={submit} noValidate>
        {input('current', 'Mật khẩu đang dùng', current, setCurrent, 'current-password')}
        {input('next', 'Mật khẩu mới (ít nhất 10 ký tự)', next, setNext, 'new-password')}
        {input('confirm', 'Nhập lại mật khẩu mới', confirm, setConfirm, 'new-password')}
        <button type="submit" className="m-button m-button-primary m-block" disabled={busy}>
          {busy ? 'Đang đổi…' : 'Đổi mật khẩu'}
        </button>
      </form>
      <a href="/member" onClick={followLink}>
        ‹ Về trang chính
      </a>
    </main>
  );
}
