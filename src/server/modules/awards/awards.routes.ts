// The awards' HTTP API (decision 010): kinds, the register, never recognised, revocation, the figures.
// Thin handlers over the services.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden } from '../../http/errors.ts';
import { findAwardKinds, presentAwardKind, updateAwardKind } from './award-kinds.service.ts';
import { revokeAward } from './award-decisions.service.ts';
import { awardsNarrative, computeAwardsReport, publicReport } from './awards-report.ts';
import { findAwards, findNeverRecognised } from './awards-register.service.ts';
import { requireReportReader } from './awards.policy.ts';
import { AwardKindPatch, RegisterQuery, ReportQuery, RevokeInput } from './awards.schemas.ts';

const IdParams = z.object({ id: z.string().max(64) });
const CodeParams = z.object({ code: z.string().max(60) });
const NeverQuery = z
  .object({ communeCode: z.string().max(10).optional(), page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(100) })
  .strict();
const tags = ['awards'];

export async function awardsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/awards/kinds', { schema: { tags, summary: 'Các hình thức khen thưởng' } }, async (request) => ({ items: (await findAwardKinds(db(), { actor: request.actor })).map(presentAwardKind) }));

  r.patch('/api/awards/kinds/:code', { schema: { params: CodeParams, body: AwardKindPatch, tags, summary: 'Sửa quy định của một hình thức khen thưởng' } }, async (request) =>
    presentAwardKind(await updateAwardKind(db(), { actor: request.actor, code: request.params.code, input: request.body })),
  );

  r.get('/api/awards', { schema: { querystring: RegisterQuery, tags, summary: 'Sổ khen thưởng' } }, async (request) => findAwards(db(), { actor: request.actor, query: request.query }));

  r.get('/api/awards/never-recognised', { schema: { querystring: NeverQuery, tags, summary: 'Tổ chức đang hoạt động chưa từng được khen thưởng' } }, async (request) =>
    findNeverRecognised(db(), { actor: request.actor, ...request.query }),
  );

  r.get('/api/awards/report', { schema: { querystring: ReportQuery, tags, summary: 'Số liệu khen thưởng trong năm' } }, async (request) => {
    const user = requireReportReader(request.actor);
    const tenantId = user.role === 'national_viewer' ? (request.query.tenant ?? null) : user.tenantId;
    if (user.role !== 'national_viewer' && request.query.tenant && request.query.tenant !== user.tenantId) throw forbidden();
    const detail = await computeAwardsReport(db(), tenantId, request.query.year);
    return { ...publicReport(detail), narrative: awardsNarrative(detail) };
  });

  r.post('/api/awards/:id/revoke', { schema: { params: IdParams, body: RevokeInput, tags, summary: 'Hủy bỏ một khen thưởng (thu hồi hiện vật, tiền thưởng)' } }, async (request) => {
    const row = await revokeAward(db(), { actor: request.actor, id: request.params.id, input: request.body });
    return { id: row.id, revokedOn: row.revokedOn, revokeReason: row.revokeReason };
  });
}
