import { and, eq, inArray, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { adminUnits } from '../admin-units/admin-units.sql.ts';
import { getTenantProvince } from '../admin-units/admin-units.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { assertLoginFree, endSessions, organisationByRegistrationNumber } from './accounts.service.ts';
import { requireAccountAdmin, requireManagerInviter, TENANT_ROLES, type TenantAdmin } from './accounts.policy.ts';
import { sessions, userOrganisations, users } from './accounts.sql.ts';
import { ContactFields, requireContact } from './identity.ts';
import { issueToken } from './one-time-tokens.service.ts';
import { ROLE_LABELS, systemActor, type Actor, type Role } from './roles.ts';

export type AccountState = 'invited' | 'active' | 'disabled';
type UserRow = typeof users.$inferSelect;

const stateOf = (u: Pick<UserRow, 'disabledAt' | 'passwordHash'>): AccountState => (u.disabledAt ? 'disabled' : u.passwordHash ? 'active' : 'invited');

export const AccountScope = z.object({
  role: z.enum(TENANT_ROLES, { message: 'Vai trò không hợp lệ' }),
  organisationIds: z.array(z.string().uuid('Tổ chức không hợp lệ')).max(50).optional(),
  communeCode: z.string().trim().max(10).optional(),
});

export const NewAccount = ContactFields.extend({ displayName: z.string().trim().max(200).optional() }).merge(AccountScope).strict();
export type NewAccount = z.infer<typeof NewAccount>;

export const AccountChange = ContactFields.extend({
  displayName: z.string().trim().max(200).optional(),
  /** An alliance_staff account may publish on the portal (decision 009). */
  portalEditor: z.boolean({ error: 'phải là có hoặc không' }).optional(),
})
  .merge(AccountScope.partial())
  .strict();
export type AccountChange = z.infer<typeof AccountChange>;

/** The accounts of the administrator's alliance with their reach, state and last login. */
export async function findAccounts(db: Db, { actor }: { actor: Actor }) {
  const admin = requireAccountAdmin(actor);
  const rows = await db.select().from(users).where(eq(users.tenantId, admin.tenantId)).orderBy(users.createdAt, users.id);
  return presentAccounts(db, admin, rows);
}

/** One account of the administrator's alliance (404 for another alliance's: nothing is said about it). */
export async function getAccount(db: Db, { actor, userId }: { actor: Actor; userId: string }) {
  const admin = requireAccountAdmin(actor);
  const [row] = await presentAccounts(db, admin, [await tenantUser(db, admin.tenantId, userId)]);
  return row!;
}

async function tenantUser(db: Db, tenantId: number, userId: string): Promise<UserRow> {
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.tenantId, tenantId)));
  if (!user) throw notFound('tài khoản');
  return user;
}

async function presentAccounts(db: Db, admin: TenantAdmin, rows: UserRow[]) {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const orgs = await db
    .select({ userId: userOrganisations.userId, id: organisations.id, name: organisations.name, registrationNumber: organisations.registrationNumber })
    .from(userOrganisations)
    .innerJoin(organisations, and(eq(organisations.tenantId, userOrganisations.tenantId), eq(organisations.id, userOrganisations.organisationId)))
    .where(and(eq(userOrganisations.tenantId, admin.tenantId), inArray(userOrganisations.userId, ids)))
    .orderBy(userOrganisations.createdAt, organisations.id);
  const communeCodes = [...new Set(rows.flatMap((r) => (r.communeCode ? [r.communeCode] : [])))];
  const communes = communeCodes.length
    ? await db
        .select({ code: adminUnits.code, name: adminUnits.name })
        .from(adminUnits)
        .where(and(eq(adminUnits.version, '2025'), eq(adminUnits.level, 'commune'), inArray(adminUnits.code, communeCodes)))
    : [];
  const logins = await db
    .select({ userId: auditEvents.entityId, at: max(auditEvents.at) })
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, admin.tenantId), eq(auditEvents.entityType, 'user'), eq(auditEvents.action, 'user.login'), inArray(auditEvents.entityId, ids)))
    .groupBy(auditEvents.entityId);
  const communeName = new Map(communes.map((c) => [c.code, c.name]));
  const lastLogin = new Map(logins.map((l) => [l.userId, l.at]));
  return rows.map((u) => {
    const state = stateOf(u);
    const self = u.id === admin.userId;
    return {
      id: u.id,
      email: u.email,
      phone: u.phone,
      displayName: u.displayName,
      role: u.role as Role,
      roleLabel: ROLE_LABELS[u.role as Role],
      portalEditor: u.role === 'alliance_admin' || (u.role === 'alliance_staff' && u.portalEditor),
      communeCode: u.communeCode,
      communeName: u.communeCode ? (communeName.get(u.communeCode) ?? null) : null,
      organisations: orgs.filter((o) => o.userId === u.id).map(({ id, name, registrationNumber }) => ({ id, name, registrationNumber })),
      state,
      createdAt: u.createdAt.toISOString(),
      lastLoginAt: lastLogin.get(u.id) ? new Date(lastLogin.get(u.id)!).toISOString() : null,
      // An administrator cannot lock themselves out or take away their own role.
      can: {
        edit: !self && state !== 'disabled',
        disable: !self && state !== 'disabled',
        enable: state === 'disabled',
        resendInvite: state === 'invited',
        resetLink: state === 'active',
      },
    };
  });
}

/** Checks a role's reach against the alliance: its organisations (coop manager) or commune (commune officer). */
async function checkScope(db: Db, tenantId: number, scope: { role: Role; organisationIds?: string[] | undefined; communeCode?: string | undefined }) {
  if (scope.role === 'coop_manager') {
    const wanted = [...new Set(scope.organisationIds ?? [])];
    if (wanted.length === 0) throw new AppError('bad_request', 'Quản lý HTX cần ít nhất một tổ chức.', { field: 'organisationIds' });
    const found = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.tenantId, tenantId), inArray(organisations.id, wanted)));
    if (found.length !== wanted.length) throw new AppError('bad_request', 'Có tổ chức không thuộc sổ đăng ký của Liên minh.', { field: 'organisationIds' });
    return { organisationIds: wanted, communeCode: null };
  }
  if (scope.role === 'commune_officer') {
    if (!scope.communeCode) throw new AppError('bad_request', 'Cán bộ cấp xã cần chọn xã/phường.', { field: 'communeCode' });
    const province = await getTenantProvince(db, tenantId);
    const [commune] = await db
      .select({ code: adminUnits.code })
      .from(adminUnits)
      .where(and(eq(adminUnits.version, '2025'), eq(adminUnits.level, 'commune'), eq(adminUnits.code, scope.communeCode), eq(adminUnits.provinceCode, province?.code ?? '')));
    if (!commune) throw new AppError('bad_request', 'Xã/phường không thuộc tỉnh của Liên minh.', { field: 'communeCode' });
    return { organisationIds: [], communeCode: commune.code };
  }
  return { organisationIds: [], communeCode: null };
}

async function setOrganisations(tx: Db, userId: string, tenantId: number, organisationIds: string[]) {
  await tx.delete(userOrganisations).where(eq(userOrganisations.userId, userId));
  // In the order given (the first is a session's default): now() is the same for the whole transaction.
  const base = Date.now();
  for (const [i, organisationId] of organisationIds.entries()) await tx.insert(userOrganisations).values({ userId, tenantId, organisationId, createdAt: new Date(base + i) });
  await tx.update(users).set({ organisationId: organisationIds[0] ?? null }).where(eq(users.id, userId));
}

const auditView = (u: Pick<UserRow, 'email' | 'phone' | 'displayName' | 'role' | 'communeCode' | 'portalEditor'>, organisationIds: string[]) => ({
  portalEditor: u.portalEditor,
  email: u.email,
  phone: u.phone,
  displayName: u.displayName,
  role: u.role,
  communeCode: u.communeCode,
  organisationIds,
});

/** Creates an account without a password and its invitation link (shown once, mailed where possible). */
export async function createAccount(db: Db, { actor, input }: { actor: Actor; input: NewAccount }) {
  const admin = requireAccountAdmin(actor);
  requireContact(input);
  const scope = await checkScope(db, admin.tenantId, input);
  await assertLoginFree(db, { email: input.email ?? null, phone: input.phone ?? null });
  const { userId, token, expiresAt } = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ tenantId: admin.tenantId, email: input.email ?? null, phone: input.phone ?? null, displayName: input.displayName || null, role: input.role, communeCode: scope.communeCode })
      .returning();
    await setOrganisations(tx, created!.id, admin.tenantId, scope.organisationIds);
    const link = await issueToken(tx, { userId: created!.id, purpose: 'invite', createdBy: admin.userId });
    await recordAudit(tx, { actor, tenantId: admin.tenantId, action: 'user.invited', entityType: 'user', entityId: created!.id, before: null, after: auditView(created!, scope.organisationIds) });
    return { userId: created!.id, ...link };
  });
  return { account: await getAccount(db, { actor, userId }), token, expiresAt };
}

/** A new invitation link for an account that has not set its password yet (the earlier one stops working). */
export async function resendInvitation(db: Db, { actor, userId }: { actor: Actor; userId: string }) {
  const admin = requireAccountAdmin(actor);
  const user = await tenantUser(db, admin.tenantId, userId);
  if (stateOf(user) !== 'invited') throw new AppError('conflict', 'Tài khoản đã đặt mật khẩu hoặc đã bị khóa: hãy dùng liên kết đặt lại mật khẩu.');
  const link = await db.transaction(async (tx) => {
    const issued = await issueToken(tx, { userId, purpose: 'invite', createdBy: admin.userId });
    await recordAudit(tx, { actor, tenantId: admin.tenantId, action: 'user.invitation_resent', entityType: 'user', entityId: userId, before: null, after: null });
    return issued;
  });
  return { account: await getAccount(db, { actor, userId }), ...link };
}

/** A password reset link made by the administrator, for an account without email or a user who cannot wait. */
export async function makeResetLink(db: Db, { actor, userId }: { actor: Actor; userId: string }) {
  const admin = requireAccountAdmin(actor);
  const user = await tenantUser(db, admin.tenantId, userId);
  if (stateOf(user) !== 'active') throw new AppError('conflict', 'Chỉ tài khoản đang hoạt động mới cần liên kết đặt lại mật khẩu (tài khoản mới: gửi lại lời mời; tài khoản bị khóa: mở khóa trước).');
  const link = await db.transaction(async (tx) => {
    const issued = await issueToken(tx, { userId, purpose: 'reset', createdBy: admin.userId });
    await recordAudit(tx, { actor, tenantId: admin.tenantId, action: 'user.reset_link_made', entityType: 'user', entityId: userId, before: null, after: null });
    return issued;
  });
  return { account: await getAccount(db, { actor, userId }), ...link };
}

/** Disables or enables an account; disabling ends all its sessions at once. */
export async function setAccountDisabled(db: Db, { actor, userId, disabled }: { actor: Actor; userId: string; disabled: boolean }) {
  const admin = requireAccountAdmin(actor);
  if (userId === admin.userId) throw new AppError('bad_request', 'Không thể tự khóa tài khoản của mình.');
  const user = await tenantUser(db, admin.tenantId, userId);
  if (Boolean(user.disabledAt) === disabled) return getAccount(db, { actor, userId });
  await db.transaction(async (tx) => {
    await tx.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, userId));
    if (disabled) await endSessions(tx, userId);
    await recordAudit(tx, { actor, tenantId: admin.tenantId, action: disabled ? 'user.disabled' : 'user.enabled', entityType: 'user', entityId: userId, before: { state: stateOf(user) }, after: { state: disabled ? 'disabled' : stateOf({ ...user, disabledAt: null }) } });
  });
  return getAccount(db, { actor, userId });
}

/** Changes an account's contact, role or reach; a change of role or reach ends its sessions at once. */
export async function updateAccount(db: Db, { actor, userId, input }: { actor: Actor; userId: string; input: AccountChange }) {
  const admin = requireAccountAdmin(actor);
  const user = await tenantUser(db, admin.tenantId, userId);
  if (userId === admin.userId && input.role !== undefined && input.role !== user.role) throw new AppError('bad_request', 'Không thể tự đổi vai trò của mình.', { field: 'role' });
  const currentOrgs = (await db.select({ id: userOrganisations.organisationId }).from(userOrganisations).where(eq(userOrganisations.userId, userId)).orderBy(userOrganisations.createdAt, userOrganisations.organisationId)).map((r) => r.id);
  const role = (input.role ?? user.role) as Role;
  const scope = await checkScope(db, admin.tenantId, {
    role,
    organisationIds: input.organisationIds ?? (role === 'coop_manager' ? currentOrgs : undefined),
    communeCode: input.communeCode ?? user.communeCode ?? undefined,
  });
  const email = input.email === undefined ? user.email : input.email;
  const phone = input.phone === undefined ? user.phone : input.phone;
  requireContact({ email: email ?? undefined, phone: phone ?? undefined });
  await assertLoginFree(db, { email: email !== user.email ? (email ?? null) : null, phone: phone !== user.phone ? (phone ?? null) : null }, userId);
  if (input.portalEditor && role !== 'alliance_staff') {
    throw new AppError('bad_request', 'Được đăng bài lên cổng thông tin: chỉ giao cho tài khoản Cán bộ Liên minh (Quản trị Liên minh luôn được đăng).', { field: 'portalEditor' });
  }
  const portalEditor = role === 'alliance_staff' && (input.portalEditor ?? user.portalEditor);
  const scopeChanged = role !== user.role || scope.communeCode !== user.communeCode || scope.organisationIds.join() !== currentOrgs.join();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ email: email ?? null, phone: phone ?? null, displayName: input.displayName === undefined ? user.displayName : input.displayName || null, role, communeCode: scope.communeCode, portalEditor })
      .where(eq(users.id, userId));
    await setOrganisations(tx, userId, admin.tenantId, scope.organisationIds);
    if (scopeChanged) await endSessions(tx, userId);
    const [after] = await tx.select().from(users).where(eq(users.id, userId));
    await recordAudit(tx, { actor, tenantId: admin.tenantId, action: 'user.updated', entityType: 'user', entityId: userId, before: auditView(user, currentOrgs), after: { ...auditView(after!, scope.organisationIds), sessionsEnded: scopeChanged } });
  });
  return getAccount(db, { actor, userId });
}

export const ManagerInvite = ContactFields.extend({ displayName: z.string().trim().max(200).optional() }).strict();
export type ManagerInvite = z.infer<typeof ManagerInvite>;

/**
 * Invites the manager of an organisation (staff, from its page): a new coop manager account with an
 * invitation link, or an existing coop manager of the alliance (same email or phone) who gains the
 * organisation. An account of another role or alliance with that login is refused.
 */
export async function inviteOrganisationManager(db: Db, { actor, organisationId, input }: { actor: Actor; organisationId: string; input: ManagerInvite }) {
  const staff = requireManagerInviter(actor);
  requireContact(input);
  const [org] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.tenantId, staff.tenantId), eq(organisations.id, organisationId)));
  if (!org) throw notFound('tổ chức');
  const matches = await db
    .select()
    .from(users)
    .where(sql`${input.email ? sql`${users.email} = ${input.email}` : sql`false`} or ${input.phone ? sql`${users.phone} = ${input.phone}` : sql`false`}`);
  if (matches.length > 1) throw new AppError('conflict', 'Email và số điện thoại thuộc hai tài khoản khác nhau.', { field: 'phone' });
  const existing = matches[0];
  if (existing && (existing.role !== 'coop_manager' || existing.tenantId !== staff.tenantId)) {
    throw new AppError('conflict', 'Email hoặc số điện thoại này đã dùng cho một tài khoản khác (không phải quản lý HTX của Liên minh).', { field: input.email ? 'email' : 'phone' });
  }
  if (existing?.disabledAt) throw new AppError('conflict', 'Tài khoản này đã bị khóa: quản trị Liên minh cần mở khóa trước.', { field: input.email ? 'email' : 'phone' });
  return db.transaction(async (tx) => {
    let userId: string;
    let created = false;
    if (existing) {
      userId = existing.id;
      const [already] = await tx.select().from(userOrganisations).where(and(eq(userOrganisations.userId, userId), eq(userOrganisations.organisationId, org.id)));
      if (!already) {
        await tx.insert(userOrganisations).values({ userId, tenantId: staff.tenantId, organisationId: org.id });
        if (!existing.organisationId) await tx.update(users).set({ organisationId: org.id }).where(eq(users.id, userId));
      }
      await recordAudit(tx, { actor, tenantId: staff.tenantId, action: 'user.organisation_added', entityType: 'user', entityId: userId, before: null, after: { organisationId: org.id } });
    } else {
      const [row] = await tx
        .insert(users)
        .values({ tenantId: staff.tenantId, email: input.email ?? null, phone: input.phone ?? null, displayName: input.displayName || null, role: 'coop_manager', organisationId: org.id })
        .returning();
      userId = row!.id;
      created = true;
      await tx.insert(userOrganisations).values({ userId, tenantId: staff.tenantId, organisationId: org.id });
      await recordAudit(tx, { actor, tenantId: staff.tenantId, action: 'user.invited', entityType: 'user', entityId: userId, before: null, after: auditView(row!, [org.id]) });
    }
    // A link only for an account that has no password yet; an active manager just logs in and switches.
    const needsLink = created || !existing?.passwordHash;
    const link = needsLink ? await issueToken(tx, { userId, purpose: 'invite', createdBy: staff.userId }) : null;
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    return { userId, created, organisation: org, user: user!, token: link?.token ?? null, expiresAt: link?.expiresAt ?? null };
  });
}

/** The sessions a user has open (for the tests and the account page's "signed in on N devices"). */
export async function countSessions(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.userId, userId));
  return row?.n ?? 0;
}


/**
 * The command line's invitation (`coop users invite`): any role, national viewers included, with the
 * organisation by its registration number. Returns the one-time link's token.
 */
export async function inviteFromCommandLine(
  db: Db,
  input: { tenantId: number | null; role: Role; email?: string; phone?: string; displayName?: string; organisationRegistrationNumber?: string; communeCode?: string },
) {
  const contact = ContactFields.parse({ email: input.email, phone: input.phone });
  if (input.role === 'national_viewer') {
    requireContact(contact);
    await assertLoginFree(db, { email: contact.email ?? null, phone: contact.phone ?? null });
    return db.transaction(async (tx) => {
      const [created] = await tx.insert(users).values({ tenantId: null, email: contact.email ?? null, phone: contact.phone ?? null, displayName: input.displayName ?? null, role: 'national_viewer' }).returning();
      const link = await issueToken(tx, { userId: created!.id, purpose: 'invite', createdBy: null });
      return { account: { id: created!.id, email: created!.email, phone: created!.phone, role: created!.role }, ...link };
    });
  }
  if (input.tenantId === null) throw new AppError('bad_request', 'Tài khoản cần thuộc một Liên minh.', { field: 'tenant' });
  const organisationIds = input.organisationRegistrationNumber ? [await organisationByRegistrationNumber(db, input.tenantId, input.organisationRegistrationNumber)] : undefined;
  const { account, token, expiresAt } = await createAccount(db, {
    actor: systemActor(input.tenantId),
    input: NewAccount.parse({ ...contact, displayName: input.displayName, role: input.role, organisationIds, communeCode: input.communeCode }),
  });
  return { account: { id: account.id, email: account.email, phone: account.phone, role: account.role, organisations: account.organisations, communeName: account.communeName }, token, expiresAt };
}
