// Difficulties' HTTP API (decision 008): thin handlers (parse → service → present). Registered by app.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { answerDifficulty, attachDifficultyFile, closeDifficulty, getDifficultyFile, triageDifficulty } from './difficulties.handling.ts';
import { findDifficulties, getDifficulty } from './difficulties.queries.ts';
import { raiseDifficulties, raiseFromUpdate } from './difficulties.raise.ts';
import { AnswerBody, CloseBody, FileParams, FromUpdateBody, IdParams, ListQuery, RaiseBody, TriageBody } from './difficulties.schemas.ts';
import { readUploadedFile, sendStoredFile } from './request-files.routes.ts';

const tags = ['difficulties'];

export async function difficultiesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.post('/api/difficulties', { schema: { body: RaiseBody, tags, summary: 'Ghi nhận khó khăn, kiến nghị (một hoặc nhiều tổ chức)' } }, async (request, reply) =>
    reply.status(201).send(await raiseDifficulties(db(), { actor: request.actor, input: request.body })),
  );

  r.post('/api/difficulties/from-update', { schema: { body: FromUpdateBody, tags, summary: 'Ghi nhận khó khăn nêu trong báo cáo thông tin năm' } }, async (request, reply) =>
    reply.status(201).send(await raiseFromUpdate(db(), { actor: request.actor, updateId: request.body.updateId, category: request.body.category })),
  );

  r.get('/api/difficulties', { schema: { querystring: ListQuery, tags, summary: 'Danh sách khó khăn, kiến nghị' } }, async (request) =>
    findDifficulties(db(), { actor: request.actor, query: request.query }),
  );

  r.get('/api/difficulties/:id', { schema: { params: IdParams, tags, summary: 'Một khó khăn: tệp, kiến nghị, trả lời, lịch sử' } }, async (request) =>
    getDifficulty(db(), { actor: request.actor, id: request.params.id }),
  );

  r.patch('/api/difficulties/:id', { schema: { params: IdParams, body: TriageBody, tags, summary: 'Phân loại, giao đơn vị, hạn, công khai' } }, async (request) => {
    await triageDifficulty(db(), { actor: request.actor, id: request.params.id, input: request.body });
    return getDifficulty(db(), { actor: request.actor, id: request.params.id });
  });

  r.post('/api/difficulties/:id/answer', { schema: { params: IdParams, body: AnswerBody, tags, summary: 'Liên minh trả lời trực tiếp' } }, async (request) => {
    await answerDifficulty(db(), { actor: request.actor, id: request.params.id, ...request.body });
    return getDifficulty(db(), { actor: request.actor, id: request.params.id });
  });

  r.post('/api/difficulties/:id/close', { schema: { params: IdParams, body: CloseBody, tags, summary: 'Kết thúc (đã giải quyết, chưa giải quyết được, không tiếp nhận)' } }, async (request) => {
    await closeDifficulty(db(), { actor: request.actor, id: request.params.id, ...request.body });
    return getDifficulty(db(), { actor: request.actor, id: request.params.id });
  });

  r.post('/api/difficulties/:id/files', { schema: { params: IdParams, tags, summary: 'Đính kèm tệp (ảnh jpg, png, pdf, docx, xlsx)' } }, async (request, reply) => {
    const { fileName, content } = await readUploadedFile(request);
    return reply.status(201).send(await attachDifficultyFile(db(), { actor: request.actor, id: request.params.id, fileName, content }));
  });

  r.get('/api/difficulties/:id/files/:fileId', { schema: { params: FileParams, tags, summary: 'Tải tệp đính kèm' } }, async (request, reply) =>
    sendStoredFile(reply, await getDifficultyFile(db(), { actor: request.actor, id: request.params.id, fileId: request.params.fileId })),
  );
}
