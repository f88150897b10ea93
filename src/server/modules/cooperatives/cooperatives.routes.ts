import { calendarDate } from '../../../shared/calendar-date.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrganisationInput, OrganisationPatch, SearchQuery } from '../../../shared/organisation.ts';
import { readDb } from '../../http/read-routing.ts';
import type { Actor } from '../accounts/roles.ts';
import { sendCachedReport } from '../reports/report-cache.ts';
import type { TenantScope } from '../reports/reports.queries.ts';
import { organisationReadScope } from './cooperatives.policy.ts';
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

  // Searches answer from memory while nothing they read has changed (the data version, as the reports): fifty
  // people asking the same at once wait for one search, not fifty (issue 17).
  r.get('/api/cooperatives', { config: { dataVersions: true }, schema: { querystring: SearchQuery, tags: ['registry'], summary: 'Tìm kiếm tổ chức' } }, async (request, reply) =>
    sendCachedReport(db(), request, reply, {
      name: 'registry search',
      family: 'searches',
      interactive: true,
      visibility: 'private',
      scope: readerScope(request.actor),
      query: { ...request.query, reader: readerOf(request.actor) },
      compute: () => findOrganisations(db(), { actor: request.actor, query: request.query }),
    }),
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

  r.get('/api/public/directory', { schema: { querystring: SearchQuery.extend({ tenant: z.coerce.number().int().optional() }), tags: ['public'], summary: 'Danh bạ công khai' } }, async (request, reply) => {
    const { tenant, ...query } = request.query;
    return sendCachedReport(readDb(request), request, reply, {
      name: 'public directory',
      family: 'searches',
      interactive: true,
      visibility: 'public',
      scope: tenant === undefined ? { kind: 'national' } : { kind: 'tenant', tenantId: tenant },
      query,
      compute: () => findPublicDirectory(readDb(request), { tenantId: tenant, query }),
    });
  });
}

/** Whose organisations a signed-in reader searches, as a data version's scope (none: the search says why not). */
function readerScope(actor: Actor): TenantScope | undefined {
  organisationReadScope(actor); // refuses, as the search would, a reader who may not search (a cached answer included)
  if (actor.kind !== 'user') return undefined;
  if (actor.role === 'national_viewer') return { kind: 'national' };
  return actor.tenantId === null ? undefined : { kind: 'tenant', tenantId: actor.tenantId };
}

/** What of the reader decides which organisations a search may show (organisationReadScope): readers alike share answers. */
function readerOf(actor: Actor) {
  if (actor.kind !== 'user') return null;
  return { role: actor.role, tenantId: actor.tenantId, communeCode: actor.communeCode, organisationId: actor.organisationId };
}
