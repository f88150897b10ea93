import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { readDb } from '../../http/read-routing.ts';
import { alliances } from '../tenants/tenants.sql.ts';
import { sectors } from '../cooperatives/sectors.sql.ts';
import { onlyAlliance } from '../reports/annual-report.service.ts';
import { findCurrentCommunes } from './admin-units.service.ts';
import { MAX_BOUNDARY_FILE_BYTES } from './boundaries.schemas.ts';
import { findBoundaries, loadBoundaries } from './boundaries.service.ts';

/** Public reference data: sectors, alliances, today's communes and their boundaries (no personal data). */
export async function adminUnitsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reference/sectors', { schema: { tags: ['reference'], summary: 'Danh mục lĩnh vực' } }, async (request) =>
    readDb(request).select().from(sectors).orderBy(sectors.groupKey, sectors.name),
  );
  r.get('/api/reference/alliances', { schema: { tags: ['reference'], summary: 'Các Liên minh' } }, async (request) =>
    readDb(request).select({ id: alliances.id, name: alliances.name, provinceCode: alliances.provinceCode }).from(alliances).orderBy(alliances.id),
  );
  r.get(
    '/api/reference/communes',
    { schema: { querystring: z.object({ tenant: z.coerce.number().int() }), tags: ['reference'], summary: 'Xã/phường hiện nay của tỉnh' } },
    async (request) => {
      const db = readDb(request);
      const [alliance] = await db.select().from(alliances).where(eq(alliances.id, request.query.tenant));
      return alliance ? findCurrentCommunes(db, alliance.provinceCode) : [];
    },
  );
  r.get(
    '/api/public/boundaries',
    { schema: { querystring: z.object({ tenant: z.coerce.number().int().optional() }), tags: ['public'], summary: 'Ranh giới xã/phường của tỉnh (GeoJSON)' } },
    async (request, reply) => {
      const db = readDb(request);
      const tenant = request.query.tenant ?? (await onlyAlliance(db));
      return reply.header('cache-control', 'no-cache').send(await findBoundaries(db, tenant));
    },
  );
  r.put(
    '/api/boundaries',
    {
      bodyLimit: MAX_BOUNDARY_FILE_BYTES,
      schema: { tags: ['reference'], summary: 'Tải ranh giới xã/phường của tỉnh (GeoJSON FeatureCollection; quản trị Liên minh)' },
    },
    async (request) => loadBoundaries(app.database.db, { actor: request.actor, file: request.body }),
  );
}
