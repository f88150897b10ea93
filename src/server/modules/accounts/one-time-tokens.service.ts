import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { openSession, setPassword, tokenDigest } from './accounts.service.ts';
import { oneTimeTokens, users } from './accounts.sql.ts';
import { checkPassword } from './identity.ts';
import { ROLE_LABELS, type Actor, type Role } from './roles.ts';

export type TokenPurpose = 'invite' | 'reset';

/** How long a link stays usable: an invitation a week (it may wait for the person), a reset an hour. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = { invite: 7 * 86_400_000, reset: 3_600_000 };

/** The page a one-time link opens (the light entry, src/web/member/account/). */
export const setPasswordLink = (origin: string, token: string) => `${origin.replace(/\/$/, '')}/account/set-password?token=${encodeURIComponent(token)}`;

/**
 * Makes a one-time link for a user; any earlier unused link of the same purpose stops working, so that only
 * the last link handed over or mailed is good. Returns the token itself: it is stored only as its SHA-256.
 */
export async function issueToken(db: Db, { userId, purpose, createdBy }: { userId: string; purpose: TokenPurpose; createdBy: string | null }): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]);
  await db.delete(oneTimeTokens).where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
  await db.insert(oneTimeTokens).values({ id: tokenDigest(token), userId, purpose, createdBy, expiresAt });
  return { token, expiresAt };
}

export type TokenState = 'valid' | 'expired' | 'used' | 'disabled';

/** What a link is for and whose it is, for the page that opens it (no write: a GET). 404 for an unknown link. */
export async function describeToken(db: Db, token: string) {
  const [row] = await db
    .select({ token: oneTimeTokens, user: users })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(eq(oneTimeTokens.id, tokenDigest(token)));
  if (!row) throw new AppError('not_found', 'Liên kết không tồn tại hoặc đã được thay bằng liên kết mới.');
  const state: TokenState = row.token.usedAt ? 'used' : row.user.disabledAt ? 'disabled' : row.token.expiresAt.getTime() <= Date.now() ? 'expired' : 'valid';
  return {
    purpose: row.token.purpose as TokenPurpose,
    state,
    expiresAt: row.token.expiresAt.toISOString(),
    account: {
      email: row.user.email,
      phone: row.user.phone,
      displayName: row.user.displayName,
      roleLabel: ROLE_LABELS[row.user.role as Role],
      hasPassword: row.user.passwordHash !== null,
    },
  };
}

const TOKEN_MESSAGES: Record<Exclude<TokenState, 'valid'>, string> = {
  used: 'Liên kết này đã được dùng. Mỗi liên kết chỉ dùng được một lần.',
  expired: 'Liên kết này đã hết hạn. Hãy xin Liên minh một liên kết mới, hoặc dùng "Quên mật khẩu".',
  disabled: 'Tài khoản này đã bị khóa.',
};

/**
 * Uses a one-time link: sets the password, ends every other session of the account, marks the link used
 * (once: a second use is refused even when both race) and opens a session.
 */
export async function setPasswordWithToken(db: Db, { token, password }: { token: string; password: string }) {
  const described = await describeToken(db, token);
  if (described.state !== 'valid') throw new AppError('bad_request', TOKEN_MESSAGES[described.state], { field: 'token' });
  const [row] = await db
    .select({ user: users })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(eq(oneTimeTokens.id, tokenDigest(token)));
  const user = row!.user;
  checkPassword(password, user);
  // Claim the link first: of two requests with the same link, only one gets the row.
  const claimed = await db
    .update(oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(oneTimeTokens.id, tokenDigest(token)), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, sql`now()`)))
    .returning({ id: oneTimeTokens.id });
  if (claimed.length === 0) throw new AppError('bad_request', TOKEN_MESSAGES.used, { field: 'token' });
  const actor: Actor = { kind: 'user', userId: user.id, email: user.email ?? user.phone ?? '', role: user.role as Role, tenantId: user.tenantId, organisationId: null, communeCode: null };
  await setPassword(db, { actor, user, password, action: described.purpose === 'invite' ? 'user.invitation_accepted' : 'user.password_reset' });
  const [fresh] = await db.select().from(users).where(eq(users.id, user.id));
  return openSession(db, fresh!);
}
