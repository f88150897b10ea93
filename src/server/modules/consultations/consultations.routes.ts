import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CancelBody, CompleteBody, ConsultationBody, ConsultationsQuery, ExpertBody, ExpertPatchBody, ExpertsQuery, IdParams, RatingBody, ReportQuery, ScheduleBody, SessionBody } from './consultations.schemas.ts';
import { consultationsReport } from './consultations.report.ts';
import { cancelConsultation, completeConsultation, createConsultation, findConsultations, getConsultation, rateConsultation, recordSession, scheduleConsultation } from './consultations.service.ts';
import { createExpert, findExperts, updateExpert } from './experts.service.ts';

/** Expert consultations (decision 008): the roster, requests and their course, the cooperative's rating, the report. */
export async function consultationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ['consultations'];

  r.get('/api/experts', { schema: { tags, querystring: ExpertsQuery, summary: 'Danh sách chuyên gia tư vấn' } }, async (request) =>
    findExperts(db(), { actor: request.actor, active: request.query.active === undefined ? undefined : request.query.active === 'true' }),
  );
  r.post('/api/experts', { schema: { tags, body: ExpertBody, summary: 'Thêm chuyên gia' } }, async (request, reply) =>
    reply.status(201).send(await createExpert(db(), { actor: request.actor, input: request.body })),
  );
  r.patch('/api/experts/:id', { schema: { tags, params: IdParams, body: ExpertPatchBody, summary: 'Sửa, ngừng hoặc khôi phục chuyên gia' } }, async (request) =>
    updateExpert(db(), { actor: request.actor, id: request.params.id, changes: request.body }),
  );

  r.post('/api/consultations', { schema: { tags, body: ConsultationBody, summary: 'Đề nghị tư vấn chuyên sâu' } }, async (request, reply) =>
    reply.status(201).send(await createConsultation(db(), { actor: request.actor, input: request.body })),
  );
  r.get('/api/consultations', { schema: { tags, querystring: ConsultationsQuery, summary: 'Các yêu cầu tư vấn' } }, async (request) =>
    findConsultations(db(), { actor: request.actor, filter: request.query }),
  );
  r.get('/api/consultations/:id', { schema: { tags, params: IdParams, summary: 'Một yêu cầu tư vấn' } }, async (request) =>
    getConsultation(db(), { actor: request.actor, id: request.params.id }),
  );
  r.post('/api/consultations/:id/schedule', { schema: { tags, params: IdParams, body: ScheduleBody, summary: 'Phân công chuyên gia, hẹn ngày và hình thức' } }, async (request) =>
    scheduleConsultation(db(), { actor: request.actor, id: request.params.id, ...request.body }),
  );
  r.post('/api/consultations/:id/sessions', { schema: { tags, params: IdParams, body: SessionBody, summary: 'Ghi nhận một buổi tư vấn' } }, async (request) =>
    recordSession(db(), { actor: request.actor, id: request.params.id, ...request.body }),
  );
  r.post('/api/consultations/:id/complete', { schema: { tags, params: IdParams, body: CompleteBody, summary: 'Kết thúc tư vấn, ghi kết quả' } }, async (request) =>
    completeConsultation(db(), { actor: request.actor, id: request.params.id, outcome: request.body.outcome }),
  );
  r.post('/api/consultations/:id/cancel', { schema: { tags, params: IdParams, body: CancelBody, summary: 'Hủy yêu cầu tư vấn, nêu lý do' } }, async (request) =>
    cancelConsultation(db(), { actor: request.actor, id: request.params.id, reason: request.body.reason }),
  );
  r.post('/api/consultations/:id/rating', { schema: { tags, params: IdParams, body: RatingBody, summary: 'Hợp tác xã đánh giá buổi tư vấn' } }, async (request) =>
    rateConsultation(db(), { actor: request.actor, id: request.params.id, rating: request.body.rating, comment: request.body.comment }),
  );

  r.get('/api/reports/consultations', { schema: { tags, querystring: ReportQuery, summary: 'Báo cáo tư vấn chuyên sâu theo lĩnh vực, xã phường; các đề nghị chưa được đáp ứng' } }, async (request) =>
    consultationsReport(db(), { actor: request.actor, year: request.query.year }),
  );
}
