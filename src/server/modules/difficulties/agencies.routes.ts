// The agencies' HTTP API (decision 008): thin handlers over agencies.service.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDefaultAgencies, createAgency, findAgencies, presentAgency, updateAgency } from './agencies.service.ts';
import { AgencyInput, AgencyListQuery, AgencyPatch } from './recommendations.schemas.ts';

const IdParams = z.object({ id: z.string().max(64) });
const tags = ['agencies'];

export async function agenciesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/agencies', { schema: { querystring: AgencyListQuery, tags, summary: 'Danh sách cơ quan nhận kiến nghị' } }, async (request) => {
    const rows = await findAgencies(db(), { actor: request.actor, includeInactive: request.query.includeInactive === 'true' });
    return { items: rows.map(presentAgency) };
  });

  r.post('/api/agencies', { schema: { body: AgencyInput, tags, summary: 'Thêm cơ quan' } }, async (request, reply) =>
    reply.status(201).send(presentAgency(await createAgency(db(), { actor: request.actor, input: request.body }))),
  );

  r.post('/api/agencies/defaults', { schema: { tags, summary: 'Thêm danh sách cơ quan thường gặp của tỉnh (khi Liên minh chưa có cơ quan nào)' } }, async (request, reply) => {
    const rows = await addDefaultAgencies(db(), { actor: request.actor });
    return reply.status(201).send({ items: rows.map(presentAgency) });
  });

  r.patch('/api/agencies/:id', { schema: { params: IdParams, body: AgencyPatch, tags, summary: 'Sửa cơ quan' } }, async (request) =>
    presentAgency(await updateAgency(db(), { actor: request.actor, id: request.params.id, input: request.body })),
  );
}
