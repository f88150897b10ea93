import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, inArray, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { dataVersionsColumn, parseDataVersions, type DataVersions } from '../../../db/data-versions.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { checkPassword, normalizeEmail, normalizePhone, parseLogin } from './identity.ts';
import { ROLES, type Actor, type Role } from './roles.ts';
import { sessions, userOrganisations, users } from './accounts.sql.ts';

/** A session ends after 8 hours without a request (a working day with its lunch break)… */
export const SESSION_IDLE_MS = 8 * 3_600_000;
/** …and 3 days after its login however busy it is (docs/security.md). */
export const SESSION_MAX_MS = 3 * 86_400_000;
/** The last request seen is written at most once per 5 minutes per session (reads stay reads). */
const TOUCH_EVERY_MS = 5 * 60_000;

export const NewUser = z
  .object({
    email: z.string().trim().toLowerCase().email('Email không hợp lệ').optional(),
    phone: z.string().trim().max(30).optional(),
    password: z.string().min(10, 'Mật khẩu cần ít nhất 10 ký tự').max(200),
    role: z.enum(ROLES, { message: `Vai trò phải là một trong: ${ROLES.join(', ')}` }),
    tenantId: z.number().int().nullable(),
    organisationRegistrationNumber: z.string().trim().optional(),
    communeCode: z.string().trim().optional(),
    displayName: z.string().trim().max(200).optional(),
  })
  .strict();
export type NewUser = z.input<typeof NewUser>;

/** Creates an account with a known password (command line, first administrator, tests). */
export async function createUser(db: Db, input: NewUser) {
  const user = NewUser.parse(input);
  const phone = user.phone ? normalizePhone(user.phone) : null;
  if (user.phone && !phone) throw new AppError('bad_request', `Số điện thoại ${user.phone} không hợp lệ.`, { field: 'phone' });
  if (!user.email && !phone) throw new AppError('bad_request', 'Cần email hoặc số điện thoại để đăng nhập.', { field: 'email' });
  checkPassword(user.password, { email: user.email, phone });
  let organisationId: string | null = null;
  if (user.role === 'coop_manager') {
    if (!user.organisationRegistrationNumber) throw new AppError('bad_request', 'Quản lý HTX cần --organisation (mã số HTX).', { field: 'organisation' });
    organisationId = await organisationByRegistrationNumber(db, user.tenantId ?? -1, user.organisationRegistrationNumber);
  }
  if (user.role === 'commune_officer' && !user.communeCode) {
    throw new AppError('bad_request', 'Cán bộ cấp xã cần --commune (mã xã/phường).', { field: 'commune' });
  }
  if (user.role !== 'national_viewer' && user.tenantId === null) {
    throw new AppError('bad_request', 'Tài khoản cần thuộc một Liên minh.', { field: 'tenant' });
  }
  await assertLoginFree(db, { email: user.email ?? null, phone });
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email: user.email ?? null,
        phone,
        passwordHash: await hash(user.password),
        passwordChangedAt: new Date(),
        role: user.role,
        tenantId: user.role === 'national_viewer' ? null : user.tenantId,
        organisationId,
        communeCode: user.role === 'commune_officer' ? (user.communeCode ?? null) : null,
        displayName: user.displayName ?? null,
      })
      .returning({ id: users.id, email: users.email, phone: users.phone, role: users.role });
    if (organisationId && user.tenantId !== null) {
      await tx.insert(userOrganisations).values({ userId: created!.id, tenantId: user.tenantId, organisationId });
    }
    return created!;
  });
}

/** The id of the organisation with this registration number in the alliance, or a 400 naming the field. */
export async function organisationByRegistrationNumber(db: Db, tenantId: number, registrationNumber: string): Promise<string> {
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.registrationNumber, registrationNumber.trim())));
  if (!org) throw new AppError('bad_request', `Không có tổ chức mã số ${registrationNumber} trong sổ đăng ký.`, { field: 'organisation' });
  return org.id;
}

/** Refuses an email or phone number that another account already logs in with. */
export async function assertLoginFree(db: Db, login: { email: string | null; phone: string | null }, exceptUserId?: string): Promise<void> {
  const clauses = [login.email ? eq(users.email, login.email) : undefined, login.phone ? eq(users.phone, login.phone) : undefined].filter((c) => c !== undefined);
  if (clauses.length === 0) return;
  const rows = await db
    .select({ email: users.email, phone: users.phone })
    .from(users)
    .where(and(or(...clauses), exceptUserId ? ne(users.id, exceptUserId) : undefined));
  const taken = rows[0];
  if (!taken) return;
  if (login.email && taken.email === login.email) throw new AppError('conflict', `Email ${login.email} đã có tài khoản.`, { field: 'email' });
  throw new AppError('conflict', `Số điện thoại ${login.phone} đã có tài khoản.`, { field: 'phone' });
}

export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** The user an email or phone number logs in as (disabled ones included), or undefined. */
export async function findUserByLogin(db: Db, login: string) {
  const key = parseLogin(login);
  if (!key) return undefined;
  const [user] = await db
    .select()
    .from(users)
    .where('email' in key ? eq(users.email, key.email) : eq(users.phone, key.phone));
  return user;
}

/** Checks a password and opens a new session (a fresh token every time: no fixation). */
export async function login(db: Db, loginName: string, password: string): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const user = await findUserByLogin(db, loginName);
  // Verify against a real hash even for unknown logins so that timing does not reveal which accounts exist.
  const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  if (!user || !user.passwordHash || !ok || user.disabledAt) {
    throw new AppError('unauthenticated', 'Email/số điện thoại hoặc mật khẩu không đúng.');
  }
  return openSession(db, user);
}

/** Opens a session for a user whose identity was just proven (password, one-time link). */
export async function openSession(db: Db, user: typeof users.$inferSelect) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + SESSION_MAX_MS);
  const organisationIds = await organisationIdsOf(db, user);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({ id: tokenDigest(token), userId: user.id, expiresAt, lastSeenAt: new Date(), organisationId: organisationIds[0] ?? null });
    const actor = toActor(user, organisationIds, null);
    if (user.tenantId !== null) {
      await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'user.login', entityType: 'user', entityId: user.id, before: null, after: null });
    }
  });
  return { token, actor: toActor(user, organisationIds, null), expiresAt };
}

/** Ends a session. */
export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, tokenDigest(token)));
}

/** Ends every session of a user, but the one given (a password changed by its owner keeps theirs). */
export async function endSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined));
}

/**
 * The actor behind a session token, or anonymous when it is missing, unknown, expired, idle too long or its
 * account disabled. The last request seen is written at most every few minutes, and a refused write (a
 * read-only database, decision 005) is no reason to refuse the read.
 */
export async function actorForSession(db: Db, token: string | undefined): Promise<Actor> {
  return (await sessionOf(db, token)).actor;
}

/** The actor of a session token and when the session ends at the latest (its absolute limit; null when anonymous). */
/**
 * The actor of a session token. `withVersions`: the data versions ride along in the same statement (a cached
 * answer's revalidation then costs one statement); they come back only with a session found.
 */
export async function sessionOf(
  db: Db,
  token: string | undefined,
  { withVersions = false }: { withVersions?: boolean } = {},
): Promise<{ actor: Actor; expiresAt: number | null; versions?: DataVersions }> {
  const anonymous = { actor: { kind: 'anonymous' } as Actor, expiresAt: null };
  if (!token) return anonymous;
  const id = tokenDigest(token);
  const [row] = await db
    .select({
      versions: withVersions ? dataVersionsColumn : sql<string>`null`,
      user: users,
      chosen: sessions.organisationId,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sql<string>`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`,
      organisationIds: sql<string>`(select coalesce(string_agg(uo.organisation_id::text, ',' order by uo.created_at, uo.organisation_id), '') from user_organisations uo where uo.user_id = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, id),
        gt(sessions.expiresAt, sql`now()`),
        gt(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`, sql`now() - make_interval(secs => ${SESSION_IDLE_MS / 1000})`),
      ),
    );
  if (!row || row.user.disabledAt) return anonymous;
  if (Date.now() - new Date(row.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id)).catch(() => {});
  }
  const listed = row.organisationIds ? row.organisationIds.split(',') : [];
  return {
    actor: toActor(row.user, withLegacyOrganisation(row.user, listed), row.chosen),
    expiresAt: new Date(row.expiresAt).getTime(),
    ...(row.versions !== null ? { versions: parseDataVersions(row.versions) } : {}),
  };
}

/** A manager's organisations: those of user_organisations, and the one on the users row of earlier releases. */
function withLegacyOrganisation(user: typeof users.$inferSelect, listed: string[]): string[] {
  if (user.role !== 'coop_manager') return [];
  return user.organisationId && !listed.includes(user.organisationId) ? [user.organisationId, ...listed] : listed;
}

async function organisationIdsOf(db: Db, user: typeof users.$inferSelect): Promise<string[]> {
  if (user.role !== 'coop_manager') return [];
  const rows = await db
    .select({ id: userOrganisations.organisationId })
    .from(userOrganisations)
    .where(eq(userOrganisations.userId, user.id))
    .orderBy(userOrganisations.createdAt, userOrganisations.organisationId);
  return withLegacyOrganisation(user, rows.map((r) => r.id));
}

function toActor(user: typeof users.$inferSelect, organisationIds: string[], chosen: string | null): Actor {
  const isManager = user.role === 'coop_manager';
  return {
    kind: 'user',
    userId: user.id,
    email: user.email ?? user.phone ?? '',
    role: user.role as Role,
    tenantId: user.tenantId,
    organisationIds,
    organisationId: isManager ? (chosen && organisationIds.includes(chosen) ? chosen : (organisationIds[0] ?? null)) : user.organisationId,
    communeCode: user.communeCode,
    portalEditor: user.role === 'alliance_admin' || (user.role === 'alliance_staff' && user.portalEditor),
  };
}

/** A coop manager chooses which of their organisations this session acts for (403 for any other). */
export async function switchOrganisation(db: Db, { actor, token, organisationId }: { actor: Actor; token: string; organisationId: string }): Promise<void> {
  if (actor.kind !== 'user' || actor.role !== 'coop_manager' || !(actor.organisationIds ?? []).includes(organisationId)) throw forbidden();
  await db.update(sessions).set({ organisationId }).where(eq(sessions.id, tokenDigest(token)));
}

/** The organisations a manager acts for, with their names, in the order of the actor's list. */
export async function findActorOrganisations(db: Db, actor: Actor) {
  const ids = actor.kind === 'user' ? (actor.organisationIds ?? []) : [];
  if (actor.kind !== 'user' || ids.length === 0 || actor.tenantId === null) return [];
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, registrationNumber: organisations.registrationNumber })
    .from(organisations)
    .where(and(eq(organisations.tenantId, actor.tenantId), inArray(organisations.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Sets a new password on an account: ends its sessions but the one given, and records it. */
export async function setPassword(
  db: Db,
  { actor, user, password, keepSessionId, action }: { actor: Actor; user: typeof users.$inferSelect; password: string; keepSessionId?: string; action: string },
): Promise<void> {
  checkPassword(password, user);
  const passwordHash = await hash(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    await endSessions(tx, user.id, keepSessionId);
    if (user.tenantId !== null) await recordAudit(tx, { actor, tenantId: user.tenantId, action, entityType: 'user', entityId: user.id, before: null, after: null });
  });
}

/** A signed-in user changes their own password with the current one; their other sessions end. */
export async function changeOwnPassword(db: Db, { actor, token, current, next }: { actor: Actor; token: string; current: string; next: string }): Promise<void> {
  if (actor.kind !== 'user' || !actor.userId) throw new AppError('unauthenticated', 'Vui lòng đăng nhập.');
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  const ok = await verify(user?.passwordHash ?? DUMMY_HASH, current).catch(() => false);
  if (!user || !ok) throw new AppError('bad_request', 'Mật khẩu hiện tại không đúng.', { field: 'current' });
  if (current === next) throw new AppError('bad_request', 'Mật khẩu mới phải khác mật khẩu hiện tại.', { field: 'next' });
  checkPassword(next, user, 'next');
  await setPassword(db, { actor, user, password: next, keepSessionId: tokenDigest(token), action: 'user.password_changed' });
}

export { normalizeEmail, normalizePhone };

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2xz6Wm1GQ0p5sb6+q6Y4k3m6Xq8cY0m0xgWJ3n3cQ1s';
