// Emulation's results, evidence and scoreboard routes (decision 010). Registered by app.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readUploadedFile, sendStoredFile } from '../difficulties/request-files.routes.ts';
import { scopeName } from '../reports/annual-report.service.ts';
import { scoreboardPdf, scoreboardXlsx } from './emulation-documents.ts';
import { attachEvidence, getEvidenceFile, getResults, putResults } from './emulation-results.service.ts';
import { getScoreboard } from './emulation-scoreboard.ts';
import { requireEmulationReader } from './emulation.policy.ts';
import { sendDocument } from './emulation.routes.ts';
import { EvidenceQuery, FileParams, IdParams, ResultsBody, ResultsQuery } from './emulation.schemas.ts';

const tags = ['emulation'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function emulationResultsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/emulation/pacts/:id/results', { schema: { params: IdParams, querystring: ResultsQuery, tags, summary: 'Kết quả thực hiện (cán bộ: mọi thành viên; HTX: của mình)' } }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return getResults(db(), { actor: request.actor, pactId: request.params.id, organisationId: request.query.organisationId });
  });

  r.put('/api/emulation/pacts/:id/results', { schema: { params: IdParams, body: ResultsBody, tags, summary: 'Báo cáo kết quả theo tiêu chí (HTX cho mình, cán bộ cho thành viên)' } }, async (request) =>
    putResults(db(), { actor: request.actor, pactId: request.params.id, input: request.body }),
  );

  r.get('/api/emulation/pacts/:id/scoreboard', { schema: { params: IdParams, tags, summary: 'Bảng điểm, xếp hạng' } }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return getScoreboard(db(), { actor: request.actor, pactId: request.params.id });
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    r.get(`/api/emulation/pacts/:id/scoreboard.${format}`, { schema: { params: IdParams, tags, summary: `Bảng điểm (.${format})` } }, async (request, reply) => {
      const board = await getScoreboard(db(), { actor: request.actor, pactId: request.params.id });
      const fileName = `bang-diem-thi-dua-${board.pact.year}.${format}`;
      if (format === 'xlsx') return sendDocument(reply, XLSX, fileName, await scoreboardXlsx(board));
      const alliance = await scopeName(db(), { kind: 'tenant', tenantId: (request.actor as { tenantId: number }).tenantId });
      return sendDocument(reply, 'application/pdf', fileName, await scoreboardPdf(board, alliance));
    });
  }

  r.post('/api/emulation/results/files', { schema: { querystring: EvidenceQuery, tags, summary: 'Đính kèm minh chứng (ảnh jpg, png, pdf) cho kết quả một tiêu chí' } }, async (request, reply) => {
    requireEmulationReader(request.actor);
    const { fileName, content } = await readUploadedFile(request);
    return reply.status(201).send(await attachEvidence(db(), { actor: request.actor, ...request.query, fileName, content }));
  });

  r.get('/api/emulation/results/files/:fileId', { schema: { params: FileParams, tags, summary: 'Tải tệp minh chứng' } }, async (request, reply) =>
    sendStoredFile(reply, await getEvidenceFile(db(), { actor: request.actor, fileId: request.params.fileId })),
  );
}
