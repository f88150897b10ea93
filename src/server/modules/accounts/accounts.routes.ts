import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../http/session.ts';
import { requireUser } from '../cooperatives/cooperatives.policy.ts';
import { login, logout } from './accounts.service.ts';
import { capabilitiesOf } from './capabilities.ts';
import { ROLE_LABELS } from './roles.ts';

const Credentials = z.object({ email: z.string().max(200), password: z.string().max(200) }).strict();

export async function accountsRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/auth/login',
    {
      schema: { body: Credentials, tags: ['accounts'], summary: 'Đăng nhập' },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, actor, expiresAt } = await login(app.database.db, request.body.email, request.body.password);
      // The session the browser held ends only when the new one begins: a failed attempt leaves it alone.
      const old = request.cookies[SESSION_COOKIE];
      if (old) await logout(app.database.db, old);
      setSessionCookie(reply, token, config);
      return { user: presentMe(actor), expiresAt: expiresAt.toISOString() };
    },
  );
  r.post('/api/auth/logout', { schema: { tags: ['accounts'], summary: 'Đăng xuất' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(app.database.db, token);
    clearSessionCookie(reply, config);
    return { ok: true };
  });
  r.get('/api/auth/me', { schema: { tags: ['accounts'], summary: 'Người dùng hiện tại' } }, async (request) => {
    return { user: presentMe(request.actor) };
  });
}

function presentMe(actor: Parameters<typeof requireUser>[0]) {
  if (actor.kind !== 'user') return null;
  return {
    id: actor.userId,
    email: actor.email,
    role: actor.role,
    roleLabel: ROLE_LABELS[actor.role],
    tenantId: actor.tenantId,
    organisationId: actor.organisationId,
    communeCode: actor.communeCode,
    can: capabilitiesOf(actor),
  };
}
