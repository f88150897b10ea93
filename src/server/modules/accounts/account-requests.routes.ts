import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { refusalMail } from '../../mail/templates.ts';
import { alliances } from '../tenants/tenants.sql.ts';
import { mailInvitation } from './accounts.admin.routes.ts';
import {
  AccountRequestInput,
  approveAccountRequest,
  findAccountRequests,
  markRequestMailed,
  refuseAccountRequest,
  RequestState,
  submitAccountRequest,
} from './account-requests.service.ts';
import { deliver, linkOrigin } from './delivery.ts';
import { setPasswordLink } from './one-time-tokens.service.ts';

const Id = z.object({ id: z.string().uuid('Mã đề nghị không hợp lệ') }).strict();

export const ACCOUNT_REQUEST_ANSWER =
  'Đã nhận đề nghị. Liên minh HTX sẽ kiểm tra mã số và liên hệ với anh/chị; khi được duyệt, anh/chị nhận liên kết đặt mật khẩu qua email hoặc từ cán bộ Liên minh.';

export async function accountRequestsRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.post(
    '/api/public/account-requests',
    { schema: { body: AccountRequestInput, tags: ['accounts'], summary: 'Hợp tác xã đề nghị cấp tài khoản' }, config: { rateLimit: { max: 5, timeWindow: '1 minute' } } },
    async (request, reply) => {
      await submitAccountRequest(db(), { input: request.body });
      reply.status(202);
      return { ok: true, message: ACCOUNT_REQUEST_ANSWER };
    },
  );

  r.get('/api/account-requests', { schema: { querystring: z.object({ state: RequestState.optional() }).strict(), tags: ['accounts'], summary: 'Đề nghị cấp tài khoản' } }, async (request) => ({
    items: await findAccountRequests(db(), { actor: request.actor, state: request.query.state }),
  }));

  r.post(
    '/api/account-requests/:id/approve',
    { schema: { params: Id, body: z.object({ organisationId: z.string().uuid('Tổ chức không hợp lệ').optional() }).strict(), tags: ['accounts'], summary: 'Duyệt đề nghị: mời người quản lý' } },
    async (request) => {
      const { request: accountRequest, invite } = await approveAccountRequest(db(), { actor: request.actor, id: request.params.id, organisationId: request.body.organisationId });
      const link = invite.token ? setPasswordLink(linkOrigin(request, config), invite.token) : null;
      const emailed = link && invite.expiresAt ? await mailInvitation(app, { email: invite.user.email, role: 'coop_manager', tenantId: accountRequest.tenantId, organisationIds: [invite.organisation.id] }, link, invite.expiresAt) : false;
      if (emailed) await markRequestMailed(db(), accountRequest.tenantId, accountRequest.id);
      return { ok: true, created: invite.created, userId: invite.userId, link, expiresAt: invite.expiresAt?.toISOString() ?? null, emailed };
    },
  );

  r.post(
    '/api/account-requests/:id/refuse',
    {
      schema: { params: Id, body: z.object({ reason: z.string().trim().min(1, 'Cần ghi lý do từ chối').max(1000, 'Lý do dài quá 1000 ký tự') }).strict(), tags: ['accounts'], summary: 'Từ chối đề nghị (kèm lý do)' },
    },
    async (request) => {
      const refused = await refuseAccountRequest(db(), { actor: request.actor, id: request.params.id, reason: request.body.reason });
      let emailed = false;
      if (refused.email && app.mailer.configured) {
        const [alliance] = await db().select({ name: alliances.name }).from(alliances).where(eq(alliances.id, refused.tenantId));
        emailed = await deliver(app, refusalMail({ to: refused.email, allianceName: alliance?.name ?? 'Liên minh HTX', reason: request.body.reason }));
        if (emailed) await markRequestMailed(db(), refused.tenantId, refused.id);
      }
      return { ok: true, emailed };
    },
  );
}
