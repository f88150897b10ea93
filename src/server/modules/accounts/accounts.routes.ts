import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { unauthenticated } from '../../http/errors.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../http/session.ts';
import { resetMail } from '../../mail/templates.ts';
import { accountsAdminRoutes } from './accounts.admin.routes.ts';
import { changeOwnPassword, findActorOrganisations, findUserByLogin, login, logout, switchOrganisation } from './accounts.service.ts';
import { accountRequestsRoutes } from './account-requests.routes.ts';
import { capabilitiesOf } from './capabilities.ts';
import { deliver, linkOrigin } from './delivery.ts';
import { describeToken, issueToken, setPasswordLink, setPasswordWithToken } from './one-time-tokens.service.ts';
import { ROLE_LABELS, type Actor } from './roles.ts';

const Credentials = z
  .object({
    login: z.string().max(200).optional(),
    /** Scripts of earlier releases send the email under this name. */
    email: z.string().max(200).optional(),
    password: z.string().max(200),
  })
  .strict()
  .refine((c) => Boolean(c.login ?? c.email), { message: 'Cần nhập email hoặc số điện thoại', path: ['login'] });

const Token = z.string().min(20, 'Liên kết không hợp lệ').max(200, 'Liên kết không hợp lệ');
const STRANGER_LIMIT = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

export async function accountsRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.post(
    '/api/auth/login',
    { schema: { body: Credentials, tags: ['accounts'], summary: 'Đăng nhập bằng email hoặc số điện thoại' }, config: STRANGER_LIMIT(10) },
    async (request, reply) => {
      const { token, actor, expiresAt } = await login(db(), (request.body.login ?? request.body.email)!, request.body.password);
      // The session the browser held ends only when the new one begins: a failed attempt leaves it alone.
      const old = request.cookies[SESSION_COOKIE];
      if (old) await logout(db(), old);
      setSessionCookie(reply, token, config);
      return { user: await presentMe(app, actor), expiresAt: expiresAt.toISOString() };
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['accounts'], summary: 'Đăng xuất' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(db(), token);
    clearSessionCookie(reply, config);
    return { ok: true };
  });

  r.get('/api/auth/me', { schema: { tags: ['accounts'], summary: 'Người dùng hiện tại' } }, async (request) => {
    return { user: await presentMe(app, request.actor) };
  });

  r.post(
    '/api/auth/organisation',
    { schema: { body: z.object({ organisationId: z.string().uuid('Tổ chức không hợp lệ') }).strict(), tags: ['accounts'], summary: 'Chọn tổ chức đang làm việc (quản lý HTX)' } },
    async (request) => {
      const token = signedInToken(request);
      await switchOrganisation(db(), { actor: request.actor, token, organisationId: request.body.organisationId });
      return { user: await presentMe(app, { ...request.actor, organisationId: request.body.organisationId } as Actor) };
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: { body: z.object({ current: z.string().max(200), next: z.string().max(200) }).strict(), tags: ['accounts'], summary: 'Đổi mật khẩu của mình' },
      config: STRANGER_LIMIT(10),
    },
    async (request) => {
      const token = signedInToken(request);
      await changeOwnPassword(db(), { actor: request.actor, token, current: request.body.current, next: request.body.next });
      return { ok: true, message: 'Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc.' };
    },
  );

  r.get(
    '/api/auth/token',
    { schema: { querystring: z.object({ token: Token }).strict(), tags: ['accounts'], summary: 'Liên kết dùng một lần: để làm gì, của ai, còn hạn không' }, config: STRANGER_LIMIT(60) },
    async (request) => describeToken(db(), request.query.token),
  );

  r.post(
    '/api/auth/set-password',
    { schema: { body: z.object({ token: Token, password: z.string().max(200) }).strict(), tags: ['accounts'], summary: 'Đặt mật khẩu bằng liên kết dùng một lần' }, config: STRANGER_LIMIT(10) },
    async (request, reply) => {
      const { token, actor, expiresAt } = await setPasswordWithToken(db(), request.body);
      const old = request.cookies[SESSION_COOKIE];
      if (old) await logout(db(), old);
      setSessionCookie(reply, token, config);
      return { user: await presentMe(app, actor), expiresAt: expiresAt.toISOString() };
    },
  );

  r.post(
    '/api/auth/forgot',
    { schema: { body: z.object({ login: z.string().max(200) }).strict(), tags: ['accounts'], summary: 'Quên mật khẩu: gửi liên kết đặt lại qua email' }, config: STRANGER_LIMIT(5) },
    async (request) => {
      const origin = linkOrigin(request, config);
      const loginName = request.body.login;
      // The answer never depends on the account: the work is done after it, so that neither its words nor its
      // timing tell whether the login exists, has an email or a mail server to send it.
      setImmediate(() => void sendReset(app, loginName, origin));
      return { ok: true, message: FORGOT_ANSWER };
    },
  );

  await accountsAdminRoutes(app, { config });
  await accountRequestsRoutes(app, { config });
}

export const FORGOT_ANSWER =
  'Nếu tài khoản có địa chỉ email, chúng tôi đã gửi tới đó một liên kết đặt lại mật khẩu (có hiệu lực 1 giờ). Nếu không nhận được thư, hãy liên hệ Liên minh HTX để được cấp liên kết.';

async function sendReset(app: FastifyInstance, loginName: string, origin: string): Promise<void> {
  try {
    if (!app.mailer.configured) return;
    const user = await findUserByLogin(app.database.db, loginName);
    if (!user?.email || user.disabledAt) return;
    const { token, expiresAt } = await issueToken(app.database.db, { userId: user.id, purpose: 'reset', createdBy: null });
    await deliver(app, resetMail({ to: user.email, link: setPasswordLink(origin, token), expiresAt }));
  } catch (error) {
    app.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'password reset not sent');
  }
}

function signedInToken(request: FastifyRequest): string {
  const token = request.cookies[SESSION_COOKIE];
  if (request.actor.kind !== 'user' || !token) throw unauthenticated();
  return token;
}

async function presentMe(app: FastifyInstance, actor: Actor) {
  if (actor.kind !== 'user') return null;
  const organisations = await findActorOrganisations(app.database.db, actor);
  return {
    id: actor.userId,
    email: actor.email,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    tenantId: actor.tenantId,
    organisationId: actor.organisationId,
    organisationIds: actor.organisationIds ?? [],
    /** A coop manager's organisations, in order; `organisationId` is the one this session acts for. */
    organisations,
    communeCode: actor.communeCode,
    can: capabilitiesOf(actor),
  };
}
