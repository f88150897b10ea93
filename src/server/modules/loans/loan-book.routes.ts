// Money movements and statements of one loan.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getLoanDetail } from './loan-detail.service.ts';
import { attachmentDisposition } from '../../files/upload-checks.ts';
import { disburseLoan, postLoanPayment, rescheduleLoanTerm, writeOffLoan } from './loan-events.service.ts';
import { presentPayment } from './loans.present.ts';
import { AsOfQuery, DisbursementInput, PaymentInput, RescheduleInput, WriteOffInput } from './loans.schemas.ts';
import { buildStatement } from './statement.service.ts';
import { statementPdf } from './statement.pdf.ts';
import { statementXlsx } from './statement.xlsx.ts';

const IdParams = z.object({ id: z.string().max(64) });
const tags = ['loans'];

export async function loanBookRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.post('/api/loans/:id/disbursements', { schema: { params: IdParams, body: DisbursementInput, tags, summary: 'Giải ngân (một hoặc nhiều đợt)' } }, async (request, reply) => {
    await disburseLoan(db(), { actor: request.actor, id: request.params.id, input: request.body });
    return reply.status(201).send(await getLoanDetail(db(), { actor: request.actor, id: request.params.id }));
  });

  r.post('/api/loans/:id/payments', { schema: { params: IdParams, body: PaymentInput, tags, summary: 'Ghi nhận trả nợ (chống gửi trùng bằng idempotencyKey)' } }, async (request, reply) => {
    const { payment, replayed } = await postLoanPayment(db(), { actor: request.actor, id: request.params.id, input: request.body });
    const detail = await getLoanDetail(db(), { actor: request.actor, id: request.params.id });
    return reply.status(replayed ? 200 : 201).send({ payment: presentPayment(payment), replayed, loan: detail });
  });

  r.post('/api/loans/:id/reschedule', { schema: { params: IdParams, body: RescheduleInput, tags, summary: 'Gia hạn nợ (lịch trả nợ mới từ một ngày)' } }, async (request) => {
    await rescheduleLoanTerm(db(), { actor: request.actor, id: request.params.id, input: request.body });
    return getLoanDetail(db(), { actor: request.actor, id: request.params.id });
  });

  r.post('/api/loans/:id/write-off', { schema: { params: IdParams, body: WriteOffInput, tags, summary: 'Xóa nợ' } }, async (request) => {
    await writeOffLoan(db(), { actor: request.actor, id: request.params.id, input: request.body });
    return getLoanDetail(db(), { actor: request.actor, id: request.params.id });
  });

  r.get('/api/loans/:id/statement.xlsx', { schema: { params: IdParams, querystring: AsOfQuery, tags, summary: 'Sao kê khoản vay (.xlsx)' } }, async (request, reply) => {
    const statement = await buildStatement(db(), { actor: request.actor, id: request.params.id, asOf: request.query.asOf });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachmentDisposition(`sao-ke-${statement.loan.code}-${statement.asOf}.xlsx`))
      .header('cache-control', 'private, no-store')
      .send(await statementXlsx(statement));
  });

  r.get('/api/loans/:id/statement.pdf', { schema: { params: IdParams, querystring: AsOfQuery, tags, summary: 'Sao kê khoản vay (PDF)' } }, async (request, reply) => {
    const statement = await buildStatement(db(), { actor: request.actor, id: request.params.id, asOf: request.query.asOf });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachmentDisposition(`sao-ke-${statement.loan.code}-${statement.asOf}.pdf`))
      .header('cache-control', 'private, no-store')
      .send(await statementPdf(statement));
  });
}
