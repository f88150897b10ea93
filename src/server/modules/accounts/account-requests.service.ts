import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { normalizeRegistrationNumber } from '../../../shared/registration-number.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { inviteOrganisationManager } from './accounts.admin.service.ts';
import { requireManagerInviter } from './accounts.policy.ts';
import { accountRequests } from './accounts.sql.ts';
import { ContactFields, requireContact } from './identity.ts';
import type { Actor } from './roles.ts';

export const AccountRequestInput = ContactFields.extend({
  registrationNumber: z.string().max(40, 'Mã số dài quá 40 ký tự').transform(normalizeRegistrationNumber).pipe(z.string().min(1, 'Cần nhập mã số HTX').max(20, 'Mã số dài quá 20 ký tự')),
  contactName: z.string().trim().min(1, 'Cần nhập họ tên người liên hệ').max(200, 'Họ tên dài quá 200 ký tự'),
  message: z.string().trim().max(2000, 'Lời nhắn dài quá 2000 ký tự').optional(),
  tenant: z.number().int().positive().optional(),
}).strict();
export type AccountRequestInput = z.infer<typeof AccountRequestInput>;

/**
 * A cooperative asks for an account. The answer is the same whatever the registration number (nobody learns
 * from it which numbers are in a registry): the request is kept for the alliance whose registry holds the
 * number (or, with `tenant`, for that alliance even when the number is unknown, so that staff can look it
 * up), and dropped when no alliance can be told.
 */
export async function submitAccountRequest(db: Db, { input }: { input: AccountRequestInput }): Promise<void> {
  requireContact(input);
  const matches = await db
    .select({ id: organisations.id, tenantId: organisations.tenantId })
    .from(organisations)
    .where(and(eq(organisations.registrationNumber, input.registrationNumber), input.tenant ? eq(organisations.tenantId, input.tenant) : undefined))
    .limit(2);
  const org = matches.length === 1 ? matches[0] : undefined;
  const tenantId = org?.tenantId ?? input.tenant;
  if (tenantId === undefined) return;
  await db.insert(accountRequests).values({
    tenantId,
    registrationNumber: input.registrationNumber,
    organisationId: org?.id ?? null,
    contactName: input.contactName,
    email: input.email ?? null,
    phone: input.phone ?? null,
    message: input.message || null,
  });
}

const STATES = ['pending', 'approved', 'refused'] as const;
export const RequestState = z.enum(STATES, { message: 'Trạng thái phải là pending, approved hoặc refused' });

/** The account requests of the alliance, newest first. */
export async function findAccountRequests(db: Db, { actor, state }: { actor: Actor; state?: (typeof STATES)[number] }) {
  const staff = requireManagerInviter(actor);
  const rows = await db
    .select({ request: accountRequests, organisationName: organisations.name })
    .from(accountRequests)
    .leftJoin(organisations, and(eq(organisations.tenantId, accountRequests.tenantId), eq(organisations.id, accountRequests.organisationId)))
    .where(and(eq(accountRequests.tenantId, staff.tenantId), state ? eq(accountRequests.state, state) : undefined))
    .orderBy(desc(accountRequests.createdAt))
    .limit(500);
  return rows.map(({ request: r, organisationName }) => ({
    id: r.id,
    registrationNumber: r.registrationNumber,
    organisation: r.organisationId ? { id: r.organisationId, name: organisationName } : null,
    contactName: r.contactName,
    email: r.email,
    phone: r.phone,
    message: r.message,
    state: r.state as (typeof STATES)[number],
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }));
}

async function pendingRequest(db: Db, tenantId: number, id: string) {
  const [row] = await db.select().from(accountRequests).where(and(eq(accountRequests.tenantId, tenantId), eq(accountRequests.id, id)));
  if (!row) throw notFound('đề nghị cấp tài khoản');
  if (row.state !== 'pending') throw new AppError('conflict', 'Đề nghị này đã được xử lý.');
  return row;
}

/** Approves a request: invites its contact as the manager of the organisation (the request's, or one chosen). */
export async function approveAccountRequest(db: Db, { actor, id, organisationId }: { actor: Actor; id: string; organisationId?: string }) {
  const staff = requireManagerInviter(actor);
  const request = await pendingRequest(db, staff.tenantId, id);
  const target = organisationId ?? request.organisationId;
  if (!target) throw new AppError('bad_request', 'Mã số trong đề nghị không có trong sổ đăng ký: hãy chọn tổ chức.', { field: 'organisationId' });
  const invite = await inviteOrganisationManager(db, {
    actor,
    organisationId: target,
    input: { email: request.email ?? undefined, phone: request.phone ?? undefined, displayName: request.contactName },
  });
  await db.transaction(async (tx) => {
    await tx
      .update(accountRequests)
      .set({ state: 'approved', decidedBy: staff.userId, decidedAt: new Date(), userId: invite.userId, organisationId: target })
      .where(and(eq(accountRequests.tenantId, staff.tenantId), eq(accountRequests.id, id)));
    await recordAudit(tx, { actor, tenantId: staff.tenantId, action: 'account_request.approved', entityType: 'account_request', entityId: id, before: { state: 'pending' }, after: { state: 'approved', userId: invite.userId, organisationId: target } });
  });
  return { request, invite };
}

/** Refuses a request with a reason (mailed to the contact where possible). */
export async function refuseAccountRequest(db: Db, { actor, id, reason }: { actor: Actor; id: string; reason: string }) {
  const staff = requireManagerInviter(actor);
  const request = await pendingRequest(db, staff.tenantId, id);
  await db.transaction(async (tx) => {
    await tx
      .update(accountRequests)
      .set({ state: 'refused', decidedBy: staff.userId, decidedAt: new Date(), reason })
      .where(and(eq(accountRequests.tenantId, staff.tenantId), eq(accountRequests.id, id)));
    await recordAudit(tx, { actor, tenantId: staff.tenantId, action: 'account_request.refused', entityType: 'account_request', entityId: id, before: { state: 'pending' }, after: { state: 'refused', reason } });
  });
  return request;
}

/** Notes that the contact was told by mail. */
export async function markRequestMailed(db: Db, tenantId: number, id: string): Promise<void> {
  await db.update(accountRequests).set({ emailSent: true }).where(and(eq(accountRequests.tenantId, tenantId), eq(accountRequests.id, id)));
}
