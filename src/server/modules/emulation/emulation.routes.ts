// Emulation's HTTP API (decision 010): blocks, pacts, their documents. Thin handlers (parse → service → present);
// results, evidence and the scoreboard are in emulation-results.routes.ts. Registered by app.ts.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachmentDisposition } from '../../files/upload-checks.ts';
import { scopeName } from '../reports/annual-report.service.ts';
import { createBlock, findBlocks, getBlock, setBlockMembers, updateBlock } from './emulation-blocks.service.ts';
import { pactPdf, pactXlsx } from './emulation-documents.ts';
import { closePact, createPact, getPact, publishScoreboard, signPact, updatePact } from './emulation-pacts.service.ts';
import { BlocksQuery, CloseBody, CreateBlockBody, CreatePactBody, IdParams, MembersBody, SignBody, UpdateBlockBody, UpdatePactBody } from './emulation.schemas.ts';

const tags = ['emulation'];

/** Sends a generated document as a download. */
export function sendDocument(reply: FastifyReply, contentType: string, fileName: string, body: Buffer) {
  return reply.header('content-type', contentType).header('content-disposition', attachmentDisposition(fileName)).header('cache-control', 'private, no-store').send(body);
}

export async function emulationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/emulation/blocks', { schema: { querystring: BlocksQuery, tags, summary: 'Các khối thi đua (theo năm)' } }, async (request) =>
    findBlocks(db(), { actor: request.actor, year: request.query.year }),
  );

  r.post('/api/emulation/blocks', { schema: { body: CreateBlockBody, tags, summary: 'Lập khối thi đua: tên, năm, thành viên, trưởng, phó khối' } }, async (request, reply) =>
    reply.status(201).send(await createBlock(db(), { actor: request.actor, input: request.body })),
  );

  r.get('/api/emulation/blocks/:id', { schema: { params: IdParams, tags, summary: 'Một khối thi đua: thành viên, giao ước' } }, async (request) =>
    getBlock(db(), { actor: request.actor, id: request.params.id }),
  );

  r.patch('/api/emulation/blocks/:id', { schema: { params: IdParams, body: UpdateBlockBody, tags, summary: 'Đổi tên, trưởng khối, phó khối' } }, async (request) =>
    updateBlock(db(), { actor: request.actor, id: request.params.id, input: request.body }),
  );

  r.put('/api/emulation/blocks/:id/members', { schema: { params: IdParams, body: MembersBody, tags, summary: 'Thành viên của khối' } }, async (request) =>
    setBlockMembers(db(), { actor: request.actor, id: request.params.id, organisationIds: request.body.organisationIds }),
  );

  r.post('/api/emulation/pacts', { schema: { body: CreatePactBody, tags, summary: 'Lập giao ước thi đua của khối (dự thảo)' } }, async (request, reply) =>
    reply.status(201).send(await createPact(db(), { actor: request.actor, input: request.body })),
  );

  r.get('/api/emulation/pacts/:id', { schema: { params: IdParams, tags, summary: 'Giao ước thi đua: tiêu chí, trạng thái' } }, async (request) =>
    getPact(db(), { actor: request.actor, id: request.params.id }),
  );

  r.patch('/api/emulation/pacts/:id', { schema: { params: IdParams, body: UpdatePactBody, tags, summary: 'Sửa giao ước dự thảo: tên, tiêu chí' } }, async (request) =>
    updatePact(db(), { actor: request.actor, id: request.params.id, input: request.body }),
  );

  r.post('/api/emulation/pacts/:id/sign', { schema: { params: IdParams, body: SignBody, tags, summary: 'Ký giao ước' } }, async (request) =>
    signPact(db(), { actor: request.actor, id: request.params.id, signedOn: request.body.signedOn }),
  );

  r.post('/api/emulation/pacts/:id/close', { schema: { params: IdParams, body: CloseBody, tags, summary: 'Tổng kết giao ước (biên bản)' } }, async (request) =>
    closePact(db(), { actor: request.actor, id: request.params.id, reviewMinutes: request.body.reviewMinutes }),
  );

  r.post('/api/emulation/pacts/:id/publish-scoreboard', { schema: { params: IdParams, tags, summary: 'Công bố bảng điểm cho các thành viên' } }, async (request) =>
    publishScoreboard(db(), { actor: request.actor, id: request.params.id }),
  );

  r.get('/api/emulation/pacts/:id/pact.pdf', { schema: { params: IdParams, tags, summary: 'Giao ước thi đua (.pdf)' } }, async (request, reply) => {
    const pact = await getPact(db(), { actor: request.actor, id: request.params.id });
    const alliance = await scopeName(db(), { kind: 'tenant', tenantId: (request.actor as { tenantId: number }).tenantId });
    return sendDocument(reply, 'application/pdf', `giao-uoc-thi-dua-${pact.year}.pdf`, await pactPdf(pact, alliance));
  });

  r.get('/api/emulation/pacts/:id/pact.xlsx', { schema: { params: IdParams, tags, summary: 'Giao ước thi đua (.xlsx)' } }, async (request, reply) => {
    const pact = await getPact(db(), { actor: request.actor, id: request.params.id });
    return sendDocument(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `giao-uoc-thi-dua-${pact.year}.xlsx`, await pactXlsx(pact));
  });
}
