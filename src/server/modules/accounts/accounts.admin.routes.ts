import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { invitationMail } from '../../mail/templates.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { alliances } from '../tenants/tenants.sql.ts';
import {
  AccountChange,
  createAccount,
  findAccounts,
  inviteOrganisationManager,
  makeResetLink,
  ManagerInvite,
  NewAccount,
  resendInvitation,
  setAccountDisabled,
  updateAccount,
} from './accounts.admin.service.ts';
import { deliver, linkOrigin } from './delivery.ts';
import { setPasswordLink } from './one-time-tokens.service.ts';
import { ROLE_LABELS, type Role } from './roles.ts';

const Id = z.object({ id: z.string().uuid('Mã tài khoản không hợp lệ') }).strict();
/** Each link made may become a mail: bounded per client like every route a stolen session could abuse. */
const LINK_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export type InvitationMailInput = { email: string | null; role: Role; tenantId: number; organisationIds: string[] };

/** Mails an invitation link when the account has an email and a mail server is configured. */
export async function mailInvitation(app: FastifyInstance, user: InvitationMailInput, link: string, expiresAt: Date): Promise<boolean> {
  if (!user.email || !app.mailer.configured) return false;
  const db = app.database.db;
  const [alliance] = await db.select({ name: alliances.name }).from(alliances).where(eq(alliances.id, user.tenantId));
  const orgs = user.organisationIds.length
    ? await db.select({ name: organisations.name }).from(organisations).where(and(eq(organisations.tenantId, user.tenantId), inArray(organisations.id, user.organisationIds)))
    : [];
  return deliver(app, invitationMail({ to: user.email, link, allianceName: alliance?.name ?? 'Liên minh HTX', roleLabel: ROLE_LABELS[user.role], organisationNames: orgs.map((o) => o.name), expiresAt }));
}

/** The alliance of a request the service has already let through (an administrator or staff of a tenant). */
const tenantOf = (request: FastifyRequest) => (request.actor.kind === 'user' ? (request.actor.tenantId ?? 0) : 0);

export async function accountsAdminRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const link = (request: FastifyRequest, token: string) => setPasswordLink(linkOrigin(request, config), token);

  r.get('/api/accounts', { schema: { tags: ['accounts'], summary: 'Tài khoản của Liên minh' } }, async (request) => ({
    items: await findAccounts(db(), { actor: request.actor }),
    mailConfigured: app.mailer.configured,
  }));

  r.post('/api/accounts', { schema: { body: NewAccount, tags: ['accounts'], summary: 'Tạo tài khoản và lời mời' }, config: LINK_LIMIT }, async (request, reply) => {
    const { account, token, expiresAt } = await createAccount(db(), { actor: request.actor, input: request.body });
    const url = link(request, token);
    const emailed = await mailInvitation(app, { email: account.email, role: account.role, tenantId: tenantOf(request), organisationIds: account.organisations.map((o) => o.id) }, url, expiresAt);
    reply.status(201);
    return { account, link: url, expiresAt: expiresAt.toISOString(), emailed };
  });

  r.patch('/api/accounts/:id', { schema: { params: Id, body: AccountChange, tags: ['accounts'], summary: 'Đổi vai trò, phạm vi, liên hệ của tài khoản' } }, async (request) => ({
    account: await updateAccount(db(), { actor: request.actor, userId: request.params.id, input: request.body }),
  }));

  r.post('/api/accounts/:id/disable', { schema: { params: Id, tags: ['accounts'], summary: 'Khóa tài khoản (kết thúc mọi phiên)' } }, async (request) => ({
    account: await setAccountDisabled(db(), { actor: request.actor, userId: request.params.id, disabled: true }),
  }));

  r.post('/api/accounts/:id/enable', { schema: { params: Id, tags: ['accounts'], summary: 'Mở khóa tài khoản' } }, async (request) => ({
    account: await setAccountDisabled(db(), { actor: request.actor, userId: request.params.id, disabled: false }),
  }));

  r.post('/api/accounts/:id/invitation', { schema: { params: Id, tags: ['accounts'], summary: 'Gửi lại lời mời (liên kết mới)' }, config: LINK_LIMIT }, async (request) => {
    const { account, token, expiresAt } = await resendInvitation(db(), { actor: request.actor, userId: request.params.id });
    const url = link(request, token);
    const emailed = await mailInvitation(app, { email: account.email, role: account.role, tenantId: tenantOf(request), organisationIds: account.organisations.map((o) => o.id) }, url, expiresAt);
    return { account, link: url, expiresAt: expiresAt.toISOString(), emailed };
  });

  r.post('/api/accounts/:id/reset-link', { schema: { params: Id, tags: ['accounts'], summary: 'Tạo liên kết đặt lại mật khẩu' }, config: LINK_LIMIT }, async (request) => {
    const { account, token, expiresAt } = await makeResetLink(db(), { actor: request.actor, userId: request.params.id });
    return { account, link: link(request, token), expiresAt: expiresAt.toISOString() };
  });

  r.post(
    '/api/accounts/manager-invitations',
    {
      schema: { body: ManagerInvite.extend({ organisationId: z.string().uuid('Tổ chức không hợp lệ') }).strict(), tags: ['accounts'], summary: 'Mời người quản lý của một tổ chức' },
      config: LINK_LIMIT,
    },
    async (request, reply) => {
      const { organisationId, ...input } = request.body;
      const invite = await inviteOrganisationManager(db(), { actor: request.actor, organisationId, input });
      const url = invite.token ? link(request, invite.token) : null;
      const emailed = url && invite.expiresAt ? await mailInvitation(app, { email: invite.user.email, role: 'coop_manager', tenantId: invite.user.tenantId!, organisationIds: [organisationId] }, url, invite.expiresAt) : false;
      reply.status(invite.created ? 201 : 200);
      return {
        created: invite.created,
        account: { id: invite.user.id, email: invite.user.email, phone: invite.user.phone, displayName: invite.user.displayName, state: invite.user.passwordHash ? 'active' : 'invited' },
        organisation: invite.organisation,
        link: url,
        expiresAt: invite.expiresAt?.toISOString() ?? null,
        emailed,
      };
    },
  );
}
