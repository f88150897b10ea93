import { z } from 'zod';
import { AppError } from '../../http/errors.ts';

/**
 * A phone number as stored and compared: digits only, the country code +84 written as the leading 0
 * ("+84 912 345 678", "84912345678" and "0912.345.678" are all "0912345678"). Null when it is not a
 * Vietnamese number (0 and 9 or 10 more digits).
 */
export function normalizePhone(input: string): string | null {
  let digits = input.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('84') && (input.trim().startsWith('+') || digits.length >= 11)) digits = `0${digits.slice(2)}`;
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

export const normalizeEmail = (input: string) => input.normalize('NFKC').trim().toLowerCase();

/** What a person types to log in: an email (it has an "@") or a phone number. */
export type LoginKey = { email: string } | { phone: string } | null;

export function parseLogin(input: string): LoginKey {
  if (input.includes('@')) return { email: normalizeEmail(input) };
  const phone = normalizePhone(input);
  return phone ? { phone } : null;
}

export const MIN_PASSWORD = 10;

/** The password rules: at least 10 characters, at most 200, not the login itself (email or phone). */
export function checkPassword(password: string, identity: { email?: string | null; phone?: string | null }, field = 'password'): void {
  if (password.length < MIN_PASSWORD) throw new AppError('bad_request', `Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự.`, { field });
  if (password.length > 200) throw new AppError('bad_request', 'Mật khẩu dài quá 200 ký tự.', { field });
  const typed = password.trim().toLowerCase();
  const same = [identity.email, identity.phone, identity.email?.split('@')[0]].some((v) => v && typed === v.toLowerCase());
  const asPhone = normalizePhone(password);
  if (same || (asPhone && asPhone === identity.phone)) {
    throw new AppError('bad_request', 'Mật khẩu không được trùng với email hoặc số điện thoại đăng nhập.', { field });
  }
}

/** Email and phone of an account as the forms send them: optional each, at least one. */
export const ContactFields = z.object({
  email: z
    .string()
    .trim()
    .max(200, 'Email dài quá 200 ký tự')
    .transform((v) => (v === '' ? undefined : normalizeEmail(v)))
    .pipe(z.string().email('Email không hợp lệ').optional())
    .optional(),
  phone: z
    .string()
    .trim()
    .max(30, 'Số điện thoại dài quá 30 ký tự')
    .transform((v, ctx) => {
      if (v === '') return undefined;
      const phone = normalizePhone(v);
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: 'Số điện thoại không hợp lệ (10 hoặc 11 chữ số, bắt đầu bằng 0 hoặc +84)' });
        return z.NEVER;
      }
      return phone;
    })
    .optional(),
});

/** At least one way to log in. */
export function requireContact(input: { email?: string | undefined; phone?: string | undefined }): void {
  if (!input.email && !input.phone) throw new AppError('bad_request', 'Cần email hoặc số điện thoại để đăng nhập.', { field: 'email' });
}
