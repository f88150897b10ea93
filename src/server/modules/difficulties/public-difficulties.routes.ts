import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayIso } from '../../../shared/dates.ts';
import { readDb } from '../../http/read-routing.ts';
import { Year } from '../reports/reports.schemas.ts';
import { DIFFICULTY_CATEGORIES } from './public-difficulties.words.ts';
import { findPublicDifficulties, getPublicDifficulty, getPublicFigures } from './public-difficulties.service.ts';

const Tenant = z.coerce.number({ message: 'Mã Liên minh (tenant) là số' }).int('Mã Liên minh (tenant) là số nguyên').positive('Mã Liên minh (tenant) là số dương').optional();

export const PublicDifficultiesQuery = z.object({
  tenant: Tenant,
  category: z.enum(DIFFICULTY_CATEGORIES, { message: `Lĩnh vực (category) là một trong: ${DIFFICULTY_CATEGORIES.join(', ')}` }).optional(),
  year: Year.optional(),
  page: z.coerce.number({ message: 'Trang (page) là số' }).int('Trang (page) là số nguyên').min(1, 'Trang (page) từ 1').max(10_000, 'Trang (page) quá lớn').default(1),
});
export const PublicFiguresQuery = z.object({ tenant: Tenant, year: Year.default(() => Number(todayIso(new Date(), 'Asia/Ho_Chi_Minh').slice(0, 4))) });
const PublicDifficultyParams = z.object({ id: z.string().max(64, 'Mã (id) quá dài') });

// Public and anonymous: keep a crawler from turning pages into load. Answers change whenever staff publish or an
// answer arrives, so a browser revalidates each time (no shared cache keeps a withdrawn item).
const PUBLIC_RATE = { rateLimit: { max: 120, timeWindow: '1 minute' } };
const NO_CACHE = 'public, no-cache';

/** The portal's view of published difficulties and the figures by category and agency (anonymous). */
export async function publicDifficultiesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];

  r.get('/api/public/difficulties', { config: PUBLIC_RATE, schema: { querystring: PublicDifficultiesQuery, tags, summary: 'Khó khăn, kiến nghị đã công khai' } }, async (request, reply) => {
    reply.header('cache-control', NO_CACHE);
    return findPublicDifficulties(readDb(request), request.query);
  });
  r.get('/api/public/difficulties/figures', { config: PUBLIC_RATE, schema: { querystring: PublicFiguresQuery, tags, summary: 'Số liệu khó khăn, kiến nghị theo lĩnh vực và cơ quan' } }, async (request, reply) => {
    reply.header('cache-control', NO_CACHE);
    return getPublicFigures(readDb(request), request.query);
  });
  r.get(
    '/api/public/difficulties/:id',
    { config: PUBLIC_RATE, schema: { params: PublicDifficultyParams, querystring: z.object({ tenant: Tenant }), tags, summary: 'Một khó khăn, kiến nghị đã công khai' } },
    async (request, reply) => {
      reply.header('cache-control', NO_CACHE);
      return getPublicDifficulty(readDb(request), { id: request.params.id, tenant: request.query.tenant });
    },
  );
}
