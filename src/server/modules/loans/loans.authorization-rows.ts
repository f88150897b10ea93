// The loan routes' rows of the authorization matrix (src/server/authorization.test.ts), with the loans they
// act on: one per state a route needs, all of the fixture organisation, so that its manager may pass and
// the other organisation's manager meets a 404. Test code only.
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor, type Actor } from '../accounts/roles.ts';
import { applyForLoan } from './loan-applications.service.ts';
import { loanClock } from './loan-clock.ts';
import { appraiseLoan, decideLoan, signLoanContract } from './loan-decisions.service.ts';
import { addLoanDocument } from './loan-documents.service.ts';
import { disbursedLoan, issueRules, RULES_2024 } from './loans.test-support.ts';

export type LoanFixture = {
  submitted: string;
  /** Stays submitted: the appraisal row moves `submitted` on, and a manager adds documents only before that. */
  documented: string;
  appraised: string;
  approved: string;
  contracted: string;
  paying: string;
  rescheduling: string;
  writingOff: string;
  documentId: string;
  ids: string[];
};

/** Loans of `organisationId` in every state the rows need; `officer` is a fund officer of the tenant. */
export async function createLoanFixture(db: Db, organisationId: string, officer: Actor): Promise<LoanFixture> {
  await issueRules(db);
  const system = systemActor(TENANT);
  const today = loanClock.today();
  // Filed and appraised by the system, decided by the officer: maker–checker bars whoever filed or appraised.
  const apply = async () => (await applyForLoan(db, { actor: system, input: { organisationId, purpose: 'Mua máy', amountVnd: '20000000', termMonths: 12, method: 'bullet' } })).id;
  const submitted = await apply();
  const documented = await apply();
  const appraised = await apply();
  const approved = await apply();
  const contracted = await apply();
  for (const id of [appraised, approved, contracted]) await appraiseLoan(db, { actor: system, id, input: { findings: 'Đạt', recommendation: 'approve' } });
  for (const id of [approved, contracted]) await decideLoan(db, { actor: officer, id, input: { decision: 'approved', decisionNumber: '1/QĐ', decisionDate: today } });
  await signLoanContract(db, { actor: officer, id: contracted, input: { contractNumber: '1/HĐ', signedOn: today } });
  const active = () => disbursedLoan(db, { organisationId, amountVnd: '30000000', termMonths: 3, disbursedOn: '2025-01-10', appraiser: officer, approver: system }).then((l) => l.id);
  const paying = await active();
  const rescheduling = await active();
  const writingOff = await active();
  const document = await addLoanDocument(db, { actor: officer, id: documented, fileName: 'phuong-an.pdf', content: Buffer.from('%PDF-1.4\n') });
  const ids = [submitted, documented, appraised, approved, contracted, paying, rescheduling, writingOff];
  return { submitted, documented, appraised, approved, contracted, paying, rescheduling, writingOff, documentId: document.id, ids };
}

type Who = 'alliance_admin' | 'fund_officer' | 'coop_manager' | 'other_coop_manager' | 'national_viewer';
type LoanRow = { route: string; request: () => InjectOptions; allowed: Who[] };

const FUND: Who[] = ['alliance_admin', 'fund_officer'];
const FUND_AND_MANAGER: Who[] = [...FUND, 'coop_manager'];

function pdfUpload(url: string): InjectOptions {
  const boundary = '----matrix';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="giay-to.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from('%PDF-1.4\n'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** One row per loan route. `fixture()` is read when a request is made (after the fixture exists). */
export function loanRows(fixture: () => LoanFixture & { orgId: string }): LoanRow[] {
  const f = fixture;
  const today = () => loanClock.today();
  return [
    { route: 'GET /api/loans/rules', request: () => ({ url: '/api/loans/rules' }), allowed: [...FUND_AND_MANAGER, 'other_coop_manager'] },
    { route: 'POST /api/loans/rules', request: () => ({ method: 'POST', url: '/api/loans/rules', payload: { ...RULES_2024, effectiveFrom: '2099-01-01' } }), allowed: ['alliance_admin'] },
    { route: 'GET /api/loans', request: () => ({ url: '/api/loans' }), allowed: [...FUND_AND_MANAGER, 'other_coop_manager'] },
    {
      route: 'POST /api/loans',
      request: () => ({ method: 'POST', url: '/api/loans', payload: { organisationId: f().orgId, purpose: 'Mua giống', amountVnd: '10000000', termMonths: 6, method: 'bullet' } }),
      allowed: FUND_AND_MANAGER,
    },
    { route: 'GET /api/loans/:id', request: () => ({ url: `/api/loans/${f().paying}` }), allowed: FUND_AND_MANAGER },
    { route: 'POST /api/loans/:id/appraisal', request: () => ({ method: 'POST', url: `/api/loans/${f().submitted}/appraisal`, payload: { findings: 'Đạt', recommendation: 'approve' } }), allowed: FUND },
    {
      route: 'POST /api/loans/:id/decision',
      request: () => ({ method: 'POST', url: `/api/loans/${f().appraised}/decision`, payload: { decision: 'approved', decisionNumber: '2/QĐ', decisionDate: today() } }),
      allowed: FUND,
    },
    { route: 'POST /api/loans/:id/contract', request: () => ({ method: 'POST', url: `/api/loans/${f().approved}/contract`, payload: { contractNumber: '2/HĐ', signedOn: today() } }), allowed: FUND },
    { route: 'POST /api/loans/:id/disbursements', request: () => ({ method: 'POST', url: `/api/loans/${f().contracted}/disbursements`, payload: { disbursedOn: today(), amountVnd: '10000000' } }), allowed: FUND },
    {
      route: 'POST /api/loans/:id/payments',
      request: () => ({ method: 'POST', url: `/api/loans/${f().paying}/payments`, payload: { paidOn: today(), amountVnd: '1', idempotencyKey: randomUUID() } }),
      allowed: FUND,
    },
    { route: 'GET /api/loans/:id/payoff', request: () => ({ url: `/api/loans/${f().paying}/payoff` }), allowed: FUND_AND_MANAGER },
    {
      route: 'POST /api/loans/:id/reschedule',
      request: () => ({ method: 'POST', url: `/api/loans/${f().rescheduling}/reschedule`, payload: { effectiveOn: today(), newTermMonths: 60, decisionNumber: '3/QĐ', reason: 'Thiên tai' } }),
      allowed: FUND,
    },
    {
      route: 'POST /api/loans/:id/write-off',
      request: () => ({ method: 'POST', url: `/api/loans/${f().writingOff}/write-off`, payload: { writtenOffOn: today(), decisionNumber: '4/QĐ', reason: 'Giải thể' } }),
      allowed: FUND,
    },
    { route: 'POST /api/loans/:id/documents', request: () => pdfUpload(`/api/loans/${f().documented}/documents`), allowed: FUND_AND_MANAGER },
    { route: 'GET /api/loans/:id/documents/:documentId', request: () => ({ url: `/api/loans/${f().documented}/documents/${f().documentId}` }), allowed: FUND_AND_MANAGER },
    { route: 'GET /api/loans/:id/statement.xlsx', request: () => ({ url: `/api/loans/${f().paying}/statement.xlsx` }), allowed: FUND_AND_MANAGER },
    { route: 'GET /api/loans/:id/statement.pdf', request: () => ({ url: `/api/loans/${f().paying}/statement.pdf` }), allowed: FUND_AND_MANAGER },
    { route: 'GET /api/loans/portfolio', request: () => ({ url: `/api/loans/portfolio?tenant=${TENANT}` }), allowed: [...FUND, 'national_viewer'] },
    { route: 'GET /api/loans/due', request: () => ({ url: '/api/loans/due' }), allowed: FUND },
  ];
}
