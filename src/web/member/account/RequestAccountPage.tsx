import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { Alliance } from '../../api/types.ts';
import { followLink } from '../navigation.ts';

type Fields = { registrationNumber: string; contactName: string; phone: string; email: string; message: string; tenant: string };
type Errors = Partial<Record<keyof Fields | 'form', string>>;

/** /account/request — a cooperative asks for an account with its registration number and a contact. */
export default function RequestAccountPage() {
  const [fields, setFields] = useState<Fields>({ registrationNumber: '', contactName: '', phone: '', email: '', message: '', tenant: '' });
  const [alliances, setAlliances] = useState<Alliance[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [answer, setAnswer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.get<Alliance[]>('/api/reference/alliances').then((list) => {
      setAlliances(list);
      if (list.length === 1) setFields((f) => ({ ...f, tenant: String(list[0]!.id) }));
    }, () => setAlliances([]));
  }, []);
  const set = (key: keyof Fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (!fields.registrationNumber.trim()) found.registrationNumber = 'Nhập mã số HTX (mã số thuế).';
    if (!fields.contactName.trim()) found.contactName = 'Nhập họ tên người liên hệ.';
    if (!fields.phone.trim() && !fields.email.trim()) found.phone = 'Cần số điện thoại hoặc email để Liên minh liên hệ.';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const body = {
        registrationNumber: fields.registrationNumber,
        contactName: fields.contactName,
        ...(fields.phone.trim() ? { phone: fields.phone } : {}),
        ...(fields.email.trim() ? { email: fields.email } : {}),
        ...(fields.message.trim() ? { message: fields.message } : {}),
        ...(fields.tenant ? { tenant: Number(fields.tenant) } : {}),
      };
      setAnswer((await api.post<{ message: string }>('/api/public/account-requests', body)).message);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const field = error instanceof ApiError ? (error.field as keyof Fields | undefined) : undefined;
      setErrors(field && field in fields ? { [field]: message } : { form: message });
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof Fields, label: string, input: ReactElement) => (
    <div className="m-field">
      <label htmlFor={`request-${key}`}>{label}</label>
      {input}
      {errors[key] && (
        <p id={`request-${key}-error`} className="m-field-error">
          {errors[key]}
        </p>
      )}
    </div>
  );
  const a11y = (key: keyof Fields) => ({ id: `request-${key}`, 'aria-invalid': Boolean(errors[key]), 'aria-describedby': errors[key] ? `request-${key}-error` : undefined });

  return (
    <main id="main" className="m-main m-narrow">
      <h1 className="m-title">Đề nghị cấp tài khoản cho hợp tác xã</h1>
      {answer ? (
        <p className="m-alert m-alert-ok" role="status" data-testid="request-answer">
          {answer}
        </p>
      ) : (
        <form onSubmit={submit} noValidate className="m-form">
          <p className="m-muted">Liên minh HTX kiểm tra mã số trong sổ đăng ký rồi gửi liên kết đặt mật khẩu cho người quản lý.</p>
          {errors.form && (
            <p className="m-alert m-alert-error" role="alert">
              {errors.form}
            </p>
          )}
          {alliances.length > 1 &&
            field(
              'tenant',
              'Liên minh HTX tỉnh',
              <select {...a11y('tenant')} value={fields.tenant} onChange={set('tenant')}>
                <option value="">— Chọn tỉnh —</option>
                {alliances.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>,
            )}
          {field('registrationNumber', 'Mã số HTX (mã số thuế)', <input {...a11y('registrationNumber')} inputMode="numeric" value={fields.registrationNumber} onChange={set('registrationNumber')} />)}
          {field('contactName', 'Họ tên người liên hệ', <input {...a11y('contactName')} autoComplete="name" value={fields.contactName} onChange={set('contactName')} />)}
          {field('phone', 'Số điện thoại', <input {...a11y('phone')} type="tel" autoComplete="tel" value={fields.phone} onChange={set('phone')} />)}
          {field('email', 'Email (nếu có)', <input {...a11y('email')} type="email" autoComplete="email" value={fields.email} onChange={set('email')} />)}
          {field('message', 'Lời nhắn (nếu có)', <textarea {...a11y('message')} rows={3} maxLength={2000} value={fields.message} onChange={set('message')} />)}
          <button type="submit" className="m-button m-button-primary m-block" disabled={busy}>
            {busy ? 'Đang gửi…' : 'Gửi đề nghị'}
          </button>
        </form>
      )}
      <p className="m-links">
        <a href="/login" onClick={followLink}>‹ Về trang đăng nhập</a>
      </p>
    </main>
  );
}
