import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getMyUpdate, saveDraft, submitUpdate } from './annual-updates.filing.ts';
import { AcceptManyBody, DraftBody, FilingParams, FormsQuery, IdParams, MineQuery, PublishFormBody, QueueQuery, ReturnBody, SubmitBody } from './annual-updates.schemas.ts';
import { acceptUpdate, acceptUpdates, findUpdates, getUpdate, returnUpdate } from './annual-updates.verification.ts';
import { findForms, publishForm } from './update-forms.service.ts';

/** The annual update (decision 007): filing by the organisation (or staff from paper), forms, verification. */
export async function annualUpdatesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const filing = { tags: ['annual-updates'] };

  r.get('/api/annual-updates/mine', { schema: { ...filing, querystring: MineQuery, summary: 'Bản cập nhật thông tin năm của tổ chức mình' } }, async (request) =>
    getMyUpdate(db(), { actor: request.actor, year: request.query.year, organisationId: request.query.organisationId }),
  );

  r.put('/api/annual-updates/organisations/:organisationId/:year/draft', { schema: { ...filing, params: FilingParams, body: DraftBody, summary: 'Lưu bản nháp' } }, async (request) =>
    saveDraft(db(), { actor: request.actor, ...request.params, ...request.body }),
  );

  r.post('/api/annual-updates/organisations/:organisationId/:year/submit', { schema: { ...filing, params: FilingParams, body: SubmitBody, summary: 'Gửi bản cập nhật' } }, async (request) => {
    const { update, receipt } = await submitUpdate(db(), { actor: request.actor, ...request.params, ...request.body });
    return { update, receipt };
  });

  r.get('/api/annual-updates/forms', { schema: { ...filing, querystring: FormsQuery, summary: 'Biểu mẫu cập nhật của một năm' } }, async (request) =>
    findForms(db(), { actor: request.actor, year: request.query.year }),
  );

  r.post('/api/annual-updates/forms', { schema: { ...filing, body: PublishFormBody, summary: 'Ban hành phiên bản biểu mẫu mới' } }, async (request, reply) =>
    reply.status(201).send(await publishForm(db(), { actor: request.actor, ...request.body })),
  );

  r.get('/api/annual-updates', { schema: { ...filing, querystring: QueueQuery, summary: 'Danh sách bản cập nhật cần xem xét' } }, async (request) =>
    findUpdates(db(), { actor: request.actor, query: request.query }),
  );

  r.post('/api/annual-updates/accept', { schema: { ...filing, body: AcceptManyBody, summary: 'Tiếp nhận nhiều bản cập nhật' } }, async (request) =>
    acceptUpdates(db(), { actor: request.actor, ids: request.body.ids }),
  );

  r.get('/api/annual-updates/:id', { schema: { ...filing, params: IdParams, summary: 'Một bản cập nhật, bên cạnh năm trước' } }, async (request) =>
    getUpdate(db(), { actor: request.actor, id: request.params.id }),
  );

  r.post('/api/annual-updates/:id/return', { schema: { ...filing, params: IdParams, body: ReturnBody, summary: 'Trả lại để sửa, kèm lý do từng trường' } }, async (request) =>
    returnUpdate(db(), { actor: request.actor, id: request.params.id, reasons: request.body.reasons }),
  );

  r.post('/api/annual-updates/:id/accept', { schema: { ...filing, params: IdParams, summary: 'Tiếp nhận bản cập nhật' } }, async (request) => {
    const { update } = await acceptUpdate(db(), { actor: request.actor, id: request.params.id });
    return { update };
  });
}
