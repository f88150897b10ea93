import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { ROLES, type Actor, type Role } from './roles.ts';
import { sessions, users } from './accounts.sql.ts';

export const SESSION_DAYS = 14;

export const NewUser = z
  .object({
    email: z.string().trim().toLowerCase().email('Email không hợp lệ'),
    password: z.string().min(10, 'Mật khẩu cần ít nhất 10 ký tự').max(200),
    role: z.enum(ROLES, { message: `Vai trò phải là một trong: ${ROLES.join(', ')}` }),
    tenantId: z.number().int().nullable(),
    organisationRegistrationNumber: z.string().trim().optional(),
    communeCode: z.string().trim().optional(),
    displayName: z.string().trim().max(200).optional(),
  })
  .strict();
export type NewUser = z.infer<typeof NewUser>;

/** Creates an account; the organisation (coop_manager) or commune (commune_officer) fixes its reach. */
export async function createUser(db: Db, input: NewUser) {
  const user = NewUser.parse(input);
  let organisationId: string | null = null;
  if (user.role === 'coop_manager') {
    if (!user.organisationRegistrationNumber) throw new AppError('bad_request', 'Quản lý HTX cần --organisation (mã số HTX).', { field: 'organisation' });
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.tenantId, user.tenantId ?? -1), eq(organisations.registrationNumber, user.organisationRegistrationNumber)));
    if (!org) throw new AppError('bad_request', `Không có tổ chức mã số ${user.organisationRegistrationNumber} trong sổ đăng ký.`, { field: 'organisation' });
    organisationId = org.id;
  }
  if (user.role === 'commune_officer' && !user.communeCode) {
    throw new AppError('bad_request', 'Cán bộ cấp xã cần --commune (mã xã/phường).', { field: 'commune' });
  }
  if (user.role !== 'national_viewer' && user.tenantId === null) {
    throw new AppError('bad_request', 'Tài khoản cần thuộc một Liên minh.', { field: 'tenant' });
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, user.email));
  if (existing) throw new AppError('conflict', `Email ${user.email} đã có tài khoản.`, { field: 'email' });
  const [created] = await db
    .insert(users)
    .values({
      email: user.email,
      passwordHash: await hash(user.password),
      role: user.role,
      tenantId: user.role === 'national_viewer' ? null : user.tenantId,
      organisationId,
      communeCode: user.role === 'commune_officer' ? (user.communeCode ?? null) : null,
      displayName: user.displayName ?? null,
    })
    .returning({ id: users.id, email: users.email, role: users.role });
  return created!;
}

const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks a password and opens a new session (a fresh token every time: no fixation). */
export async function login(db: Db, email: string, password: string): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  // Verify against a real hash even for unknown emails so that timing does not reveal which accounts exist.
  const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  if (!user || !ok || user.disabledAt) throw new AppError('unauthenticated', 'Email hoặc mật khẩu không đúng.');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ id: tokenDigest(token), userId: user.id, expiresAt });
  return { token, actor: toActor(user), expiresAt };
}

/** Ends a session. */
export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, tokenDigest(token)));
}

/** The actor behind a session token, or anonymous when it is missing, unknown or expired. */
export async function actorForSession(db: Db, token: string | undefined): Promise<Actor> {
  if (!token) return { kind: 'anonymous' };
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, tokenDigest(token)), gt(sessions.expiresAt, sql`now()`)));
  if (!row || row.user.disabledAt) return { kind: 'anonymous' };
  return toActor(row.user);
}

function toActor(user: typeof users.$inferSelect): Actor {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email ?? user.phone ?? '',
    role: user.role as Role,
    tenantId: user.tenantId,
    organisationId: user.organisationId,
    communeCode: user.communeCode,
  };
}

/** Lists the accounts of a tenant (administration screen). */
export async function findUsers(db: Db, tenantId: number) {
  return db
    .select({ id: users.id, email: users.email, role: users.role, organisationId: users.organisationId, communeCode: users.communeCode, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.tenantId, tenantId))
    .orderBy(users.email);
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2xz6Wm1GQ0p5sb6+q6Y4k3m6Xq8cY0m0xgWJ3n3cQ1s';
