// Award proposals and decisions over HTTP (decision 010): thin handlers over the services.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../files/upload-checks.ts';
import { readUploadedFile, sendStoredFile } from '../difficulties/request-files.routes.ts';
import { createDecision, findDecisions, getDecision } from './award-decisions.service.ts';
import { decisionDocument } from './award-decision-document.service.ts';
import { attachProposalFile, createProposal, findProposals, getProposal, getProposalFile, reviewProposal, submitProposal, updateProposal, withdrawProposal } from './award-proposals.service.ts';
import { requireAwardsStaff } from './awards.policy.ts';
import { CouncilReviewInput, DecisionInput, FilePurposeQuery, ProposalInput, ProposalListQuery, ProposalPatch } from './awards.schemas.ts';

const IdParams = z.object({ id: z.string().max(64) });
const FileParams = z.object({ id: z.string().max(64), fileId: z.string().max(64) });
const YearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() }).strict();
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const tags = ['awards'];

export async function awardProposalsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/award-proposals', { schema: { querystring: ProposalListQuery, tags, summary: 'Hồ sơ đề nghị khen thưởng' } }, async (request) => ({
    items: await findProposals(db(), { actor: request.actor, ...request.query }),
  }));
  r.post('/api/award-proposals', { schema: { body: ProposalInput, tags, summary: 'Lập hồ sơ đề nghị khen thưởng' } }, async (request, reply) =>
    reply.status(201).send(await createProposal(db(), { actor: request.actor, input: request.body })),
  );
  r.get('/api/award-proposals/:id', { schema: { params: IdParams, tags, summary: 'Một hồ sơ đề nghị' } }, async (request) => getProposal(db(), { actor: request.actor, id: request.params.id }));
  r.patch('/api/award-proposals/:id', { schema: { params: IdParams, body: ProposalPatch, tags, summary: 'Sửa hồ sơ đang lập' } }, async (request) =>
    updateProposal(db(), { actor: request.actor, id: request.params.id, input: request.body }),
  );
  r.post('/api/award-proposals/:id/submit', { schema: { params: IdParams, tags, summary: 'Trình Hội đồng (tính các cảnh báo)' } }, async (request) => submitProposal(db(), { actor: request.actor, id: request.params.id }));
  r.post('/api/award-proposals/:id/review', { schema: { params: IdParams, body: CouncilReviewInput, tags, summary: 'Kết quả xét của Hội đồng thi đua, khen thưởng' } }, async (request) =>
    reviewProposal(db(), { actor: request.actor, id: request.params.id, input: request.body }),
  );
  r.post('/api/award-proposals/:id/withdraw', { schema: { params: IdParams, tags, summary: 'Rút hồ sơ' } }, async (request) => withdrawProposal(db(), { actor: request.actor, id: request.params.id }));
  r.post('/api/award-proposals/:id/files', { schema: { params: IdParams, querystring: FilePurposeQuery, tags, summary: 'Đính kèm tài liệu của hồ sơ (pdf, jpg, png, docx, xlsx)' } }, async (request, reply) => {
    requireAwardsStaff(request.actor); // before reading a file nobody may attach
    const file = await readUploadedFile(request);
    return reply.status(201).send(await attachProposalFile(db(), { actor: request.actor, id: request.params.id, purpose: request.query.purpose, ...file }));
  });
  r.get('/api/award-proposals/:id/files/:fileId', { schema: { params: FileParams, tags, summary: 'Tải tài liệu của hồ sơ' } }, async (request, reply) =>
    sendStoredFile(reply, await getProposalFile(db(), { actor: request.actor, id: request.params.id, fileId: request.params.fileId })),
  );

  r.get('/api/award-decisions', { schema: { querystring: YearQuery, tags, summary: 'Quyết định khen thưởng' } }, async (request) => ({ items: await findDecisions(db(), { actor: request.actor, year: request.query.year }) }));
  r.post('/api/award-decisions', { schema: { body: DecisionInput, tags, summary: 'Ghi quyết định khen thưởng (nhiều người, tập thể một lần)' } }, async (request, reply) =>
    reply.status(201).send(await createDecision(db(), { actor: request.actor, input: request.body })),
  );
  r.get('/api/award-decisions/:id', { schema: { params: IdParams, tags, summary: 'Một quyết định khen thưởng' } }, async (request) => getDecision(db(), { actor: request.actor, id: request.params.id }));
  r.get('/api/award-decisions/:id/document.docx', { schema: { params: IdParams, tags, summary: 'Quyết định (.docx, thể thức Nghị định 30/2020/NĐ-CP)' } }, async (request, reply) => {
    const doc = await decisionDocument(db(), { actor: request.actor, id: request.params.id });
    return reply.header('content-type', DOCX).header('content-disposition', attachmentDisposition(doc.fileName)).header('cache-control', 'private, no-store').send(doc.content);
  });
}
