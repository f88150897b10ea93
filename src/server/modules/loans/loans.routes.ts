// The loan book's HTTP API: thin handlers (parse → service → present). Registered by app.ts in one line;
// the money movements and the portfolio live in their own route files, registered from here.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { applyForLoan, findLoans, getLoan } from './loan-applications.service.ts';
import { appraiseLoan, decideLoan, signLoanContract } from './loan-decisions.service.ts';
import { getLoanDetail, getPayoff } from './loan-detail.service.ts';
import { attachmentDisposition, MAX_DOCUMENT_BYTES } from '../../files/upload-checks.ts';
import { addLoanDocument, getLoanDocument } from './loan-documents.service.ts';
import { findLoanRules, presentRules, setLoanRules } from './loan-rules.service.ts';
import { loanBookRoutes } from './loan-book.routes.ts';
import { presentLoan } from './loans.present.ts';
import { AppraisalInput, AsOfQuery, ContractInput, DecisionInput, LoanApplicationInput, LoanListQuery, LoanRulesInput } from './loans.schemas.ts';
import { portfolioRoutes } from './portfolio.routes.ts';

export const IdParams = z.object({ id: z.string().max(64) });
const tags = ['loans'];

export async function loansRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/loans/rules', { schema: { tags, summary: 'Quy định cho vay (các phiên bản)' } }, async (request) => {
    const { versions, inForceId } = await findLoanRules(db(), { actor: request.actor });
    return { inForceId, versions: versions.map(presentRules) };
  });

  r.post('/api/loans/rules', { schema: { body: LoanRulesInput, tags, summary: 'Ban hành phiên bản quy định cho vay' } }, async (request, reply) =>
    reply.status(201).send(presentRules(await setLoanRules(db(), { actor: request.actor, input: request.body }))),
  );

  r.get('/api/loans', { schema: { querystring: LoanListQuery, tags, summary: 'Danh sách hồ sơ, khoản vay' } }, async (request) => {
    const rows = await findLoans(db(), { actor: request.actor, status: request.query.status, organisationId: request.query.organisationId });
    return { items: rows.map((row) => presentLoan(row.loan, row.borrower, request.actor)) };
  });

  r.post('/api/loans', { schema: { body: LoanApplicationInput, tags, summary: 'Lập hồ sơ vay vốn' } }, async (request, reply) => {
    const created = await applyForLoan(db(), { actor: request.actor, input: request.body });
    const { loan, borrower } = await getLoan(db(), { actor: request.actor, id: created.id });
    return reply.status(201).send(presentLoan(loan, borrower, request.actor));
  });

  r.get('/api/loans/:id', { schema: { params: IdParams, querystring: AsOfQuery, tags, summary: 'Khoản vay: lịch trả nợ, các lần trả, lịch sử' } }, async (request) =>
    getLoanDetail(db(), { actor: request.actor, id: request.params.id, asOf: request.query.asOf }),
  );

  r.post('/api/loans/:id/appraisal', { schema: { params: IdParams, body: AppraisalInput, tags, summary: 'Thẩm định hồ sơ' } }, async (request) => {
    await appraiseLoan(db(), { actor: request.actor, id: request.params.id, input: request.body });
    return getLoanDetail(db(), { actor: request.actor, id: request.params.id });
  });

  r.post('/api/loans/:id/decision', { schema: { params: IdParams, body: DecisionInput, tags, summary: 'Phê duyệt hoặc từ chối (người khác người thẩm định)' } }, async (request) => {
    await decideLoan(db(), { actor: request.actor, id: request.params.id, input: request.body });
    return getLoanDetail(db(), { actor: request.actor, id: request.params.id });
  });

  r.post('/api/loans/:id/contract', { schema: { params: IdParams, body: ContractInput, tags, summary: 'Ký hợp đồng tín dụng' } }, async (request) => {
    await signLoanContract(db(), { actor: request.actor, id: request.params.id, input: request.body });
    return getLoanDetail(db(), { actor: request.actor, id: request.params.id });
  });

  r.get('/api/loans/:id/payoff', { schema: { params: IdParams, querystring: z.object({ on: AsOfQuery.shape.asOf }), tags, summary: 'Số tiền tất toán trước hạn' } }, async (request) =>
    getPayoff(db(), { actor: request.actor, id: request.params.id, on: request.query.on }),
  );

  r.post('/api/loans/:id/documents', { schema: { params: IdParams, tags, summary: 'Đính kèm tài liệu (pdf, jpg, png, docx, xlsx)' } }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Gửi tệp dạng multipart/form-data, trường "file".');
    const file = await request.file({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } });
    if (!file) throw new AppError('bad_request', 'Chưa chọn tệp.', { field: 'file' });
    const content = await file.toBuffer(); // throws 413 past the limit
    const document = await addLoanDocument(db(), { actor: request.actor, id: request.params.id, fileName: file.filename, content });
    return reply.status(201).send(document);
  });

  r.get('/api/loans/:id/documents/:documentId', { schema: { params: IdParams.extend({ documentId: z.string().max(64) }), tags, summary: 'Tải tài liệu' } }, async (request, reply) => {
    const document = await getLoanDocument(db(), { actor: request.actor, id: request.params.id, documentId: request.params.documentId });
    return reply
      .header('content-type', document.contentType)
      .header('content-disposition', attachmentDisposition(document.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(document.content);
  });

  await app.register(loanBookRoutes);
  await app.register(portfolioRoutes);
}
