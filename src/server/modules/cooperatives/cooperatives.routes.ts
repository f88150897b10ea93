import { calendarDate } from '../../../shared/calendar-date.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrganisationInput, OrganisationPatch, SearchQuery } from '../../../shared/organisation.ts';
import { readDb } from '../../http/read-routing.ts';
import { presentOrganisation } from './cooperatives.present.ts';
import { findOrganisations, findPublicDirectory } from './cooperatives.search.ts';
import {
  createOrganisation,
  getOrganisation,
  getOrganisationHistory,
  updateOrganisation,
} from './cooperatives.service.ts';

const IdParams = z.object({ id: z.string().max(64) });
const AsOfQuery = z.object({ asOf: calendarDate('Ngày xem thông tin').optional() });

export async function cooperativesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/cooperatives', { schema: { querystring: SearchQuery, tags: ['registry'], summary: 'Tìm kiếm tổ chức' } }, async (request) =>
    findOrganisations(db(), { actor: request.actor, query: request.query }),
  );

  r.post('/api/cooperatives', { schema: { body: OrganisationInput, tags: ['registry'], summary: 'Thêm tổ chức' } }, async (request, reply) => {
    const created = await createOrganisation(db(), { actor: request.actor, input: request.body });
    const { org, sectorGroup } = await getOrganisation(db(), { actor: request.actor, id: created.id });
    return reply.status(201).send(presentOrganisation(org, request.actor, { sectorGroup }));
  });

  r.get('/api/cooperatives/:id', { schema: { params: IdParams, querystring: AsOfQuery, tags: ['registry'], summary: 'Hồ sơ tổ chức' } }, async (request) => {
    const { org, sectorGroup } = await getOrganisation(db(), { actor: request.actor, id: request.params.id, asOf: request.query.asOf });
    return presentOrganisation(org, request.actor, { sectorGroup });
  });

  r.patch('/api/cooperatives/:id', { schema: { params: IdParams, body: OrganisationPatch, tags: ['registry'], summary: 'Sửa hồ sơ' } }, async (request) => {
    await updateOrganisation(db(), { actor: request.actor, id: request.params.id, patch: request.body });
    const { org, sectorGroup } = await getOrganisation(db(), { actor: request.actor, id: request.params.id });
    return presentOrganisation(org, request.actor, { sectorGroup });
  });

  r.get('/api/cooperatives/:id/history', { schema: { params: IdParams, tags: ['registry'], summary: 'Lịch sử và nhật ký thay đổi' } }, async (request) =>
    getOrganisationHistory(db(), { actor: request.actor, id: request.params.id }),
  );

  r.get('/api/public/directory', { schema: { querystring: SearchQuery.extend({ tenant: z.coerce.number().int().optional() }), tags: ['public'], summary: 'Danh bạ công khai' } }, async (request) =>
    findPublicDirectory(readDb(request), { tenantId: request.query.tenant, query: request.query }),
  );
}
