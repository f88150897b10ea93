// The HTTP API of recommendations, official letters, agencies' answers and letter settings (decision 008): thin
// handlers (parse → service → present). Registered by app.ts in one line; the agencies' routes from here.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../files/upload-checks.ts';
import { requireDifficultyHandler } from './difficulties.policy.ts';
import { getAgencyAnswer, recordAgencyAnswer } from './agency-answers.service.ts';
import { agenciesRoutes } from './agencies.routes.ts';
import { getLetterSettings, saveLetterSettings } from './letter-settings.service.ts';
import { attachAnswerFile, attachRecommendationFile, readAnswerFile, readRecommendationFile } from './recommendation-files.service.ts';
import { forwardRecommendation } from './recommendation-forwarding.service.ts';
import { DOCX_CONTENT_TYPE, getRecommendationLetter } from './recommendation-letter.service.ts';
import { AgencyAnswerInput, ForwardInput, LetterSettingsInput, RecommendationInput, RecommendationListQuery, RecommendationPatch } from './recommendations.schemas.ts';
import { createRecommendation, findRecommendations, getRecommendationDetail, updateRecommendation } from './recommendations.service.ts';
import { readUploadedFile, sendStoredFile } from './request-files.routes.ts';

const IdParams = z.object({ id: z.string().max(64) });
const FileParams = IdParams.extend({ fileId: z.string().max(64) });
const tags = ['recommendations'];

export async function recommendationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/recommendations', { schema: { querystring: RecommendationListQuery, tags, summary: 'Danh sách kiến nghị gửi cơ quan' } }, async (request) => {
    const { state, agencyId, overdue } = request.query;
    return findRecommendations(db(), { actor: request.actor, filter: { state, agencyId, overdue: overdue === 'true' } });
  });

  r.post('/api/recommendations', { schema: { body: RecommendationInput, tags, summary: 'Lập dự thảo kiến nghị (gộp các khó khăn)' } }, async (request, reply) => {
    const created = await createRecommendation(db(), { actor: request.actor, input: request.body });
    return reply.status(201).send(await getRecommendationDetail(db(), { actor: request.actor, id: created.id }));
  });

  r.get('/api/recommendations/:id', { schema: { params: IdParams, tags, summary: 'Kiến nghị: các khó khăn, trả lời, tệp' } }, async (request) =>
    getRecommendationDetail(db(), { actor: request.actor, id: request.params.id }),
  );

  r.patch('/api/recommendations/:id', { schema: { params: IdParams, body: RecommendationPatch, tags, summary: 'Sửa dự thảo kiến nghị' } }, async (request) => {
    await updateRecommendation(db(), { actor: request.actor, id: request.params.id, input: request.body });
    return getRecommendationDetail(db(), { actor: request.actor, id: request.params.id });
  });

  r.post('/api/recommendations/:id/forward', { schema: { params: IdParams, body: ForwardInput, tags, summary: 'Gửi kiến nghị bằng công văn (cấp số)' } }, async (request) => {
    await forwardRecommendation(db(), { actor: request.actor, id: request.params.id, input: request.body });
    return getRecommendationDetail(db(), { actor: request.actor, id: request.params.id });
  });

  r.get('/api/recommendations/:id/letter.docx', { schema: { params: IdParams, tags, summary: 'Công văn (.docx, thể thức Nghị định 30/2020/NĐ-CP)' } }, async (request, reply) => {
    const letter = await getRecommendationLetter(db(), { actor: request.actor, id: request.params.id });
    return reply
      .header('content-type', DOCX_CONTENT_TYPE)
      .header('content-disposition', attachmentDisposition(letter.fileName))
      .header('cache-control', 'private, no-store')
      .send(letter.content);
  });

  r.post('/api/recommendations/:id/files', { schema: { params: IdParams, tags, summary: 'Đính kèm bản công văn đã ký (pdf, jpg, png, docx)' } }, async (request, reply) => {
    requireDifficultyHandler(request.actor); // before reading a file nobody may attach
    const file = await readUploadedFile(request);
    return reply.status(201).send(await attachRecommendationFile(db(), { actor: request.actor, id: request.params.id, file }));
  });

  r.get('/api/recommendations/:id/files/:fileId', { schema: { params: FileParams, tags, summary: 'Tải tệp của kiến nghị' } }, async (request, reply) =>
    sendStoredFile(reply, await readRecommendationFile(db(), { actor: request.actor, id: request.params.id, fileId: request.params.fileId })),
  );

  r.post('/api/agency-answers', { schema: { body: AgencyAnswerInput, tags, summary: 'Ghi nhận văn bản trả lời của cơ quan' } }, async (request, reply) => {
    const answer = await recordAgencyAnswer(db(), { actor: request.actor, input: request.body });
    return reply.status(201).send(await getAgencyAnswer(db(), { actor: request.actor, id: answer.id }));
  });

  r.get('/api/agency-answers/:id', { schema: { params: IdParams, tags, summary: 'Văn bản trả lời của cơ quan' } }, async (request) =>
    getAgencyAnswer(db(), { actor: request.actor, id: request.params.id }),
  );

  r.post('/api/agency-answers/:id/files', { schema: { params: IdParams, tags, summary: 'Đính kèm văn bản trả lời (pdf, jpg, png, docx)' } }, async (request, reply) => {
    requireDifficultyHandler(request.actor); // before reading a file nobody may attach
    const file = await readUploadedFile(request);
    return reply.status(201).send(await attachAnswerFile(db(), { actor: request.actor, id: request.params.id, file }));
  });

  r.get('/api/agency-answers/:id/files/:fileId', { schema: { params: FileParams, tags, summary: 'Tải tệp của văn bản trả lời' } }, async (request, reply) =>
    sendStoredFile(reply, await readAnswerFile(db(), { actor: request.actor, id: request.params.id, fileId: request.params.fileId })),
  );

  r.get('/api/letter-settings', { schema: { tags, summary: 'Thể thức công văn của Liên minh' } }, async (request) => getLetterSettings(db(), { actor: request.actor }));

  r.put('/api/letter-settings', { schema: { body: LetterSettingsInput, tags, summary: 'Lưu thể thức công văn (quản trị Liên minh)' } }, async (request) =>
    saveLetterSettings(db(), { actor: request.actor, input: request.body }),
  );

  await app.register(agenciesRoutes);
}
