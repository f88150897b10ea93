import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { alliances } from '../tenants/tenants.sql.ts';
import { sectors } from '../cooperatives/sectors.sql.ts';
import { findCurrentCommunes } from './admin-units.service.ts';

/** Public reference data: sectors, alliances and today's communes (no personal data). */
export async function adminUnitsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/reference/sectors', { schema: { tags: ['reference'], summary: 'Danh mục lĩnh vực' } }, async () =>
    app.database.db.select().from(sectors).orderBy(sectors.groupKey, sectors.name),
  );
  r.get('/api/reference/alliances', { schema: { tags: ['reference'], summary: 'Các Liên minh' } }, async () =>
    app.database.db.select({ id: alliances.id, name: alliances.name, provinceCode: alliances.provinceCode }).from(alliances).orderBy(alliances.id),
  );
  r.get(
    '/api/reference/communes',
    { schema: { querystring: z.object({ tenant: z.coerce.number().int() }), tags: ['reference'], summary: 'Xã/phường hiện nay của tỉnh' } },
    async (request) => {
      const [alliance] = await app.database.db.select().from(alliances).where(eq(alliances.id, request.query.tenant));
      return alliance ? findCurrentCommunes(app.database.db, alliance.provinceCode) : [];
    },
  );
}
