// The portal's redirects, by hand (decision 009): list, add or repoint, remove (body { oldPath }).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PageQuery, RedirectDelete, RedirectInput } from './library.schemas.ts';
import { createRedirect, deleteRedirect, listRedirects } from './redirects.service.ts';

const tags = ['portal'];

export async function redirectsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/portal/redirects', { schema: { querystring: PageQuery, tags, summary: 'Đường dẫn cũ chuyển hướng (301)' } }, async (request) => {
    const { q, page, pageSize } = request.query;
    return { ...(await listRedirects(db(), { actor: request.actor, q, limit: pageSize, offset: (page - 1) * pageSize })), page, pageSize };
  });
  r.post('/api/portal/redirects', { schema: { body: RedirectInput, tags, summary: 'Thêm (hoặc sửa) một chuyển hướng' } }, async (request, reply) =>
    reply.status(201).send(await createRedirect(db(), { actor: request.actor, ...request.body })),
  );
  r.delete('/api/portal/redirects', { schema: { body: RedirectDelete, tags, summary: 'Xoá một chuyển hướng' } }, async (request, reply) => {
    await deleteRedirect(db(), { actor: request.actor, oldPath: request.body.oldPath });
    return reply.status(204).send();
  });
}
