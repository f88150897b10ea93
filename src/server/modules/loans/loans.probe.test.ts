// What an independent probe found in the loan book and the registry, each held by a test that failed before the fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { AppError } from '../../http/errors.ts';
import { systemActor, type Actor } from '../accounts/roles.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { applyForLoan } from './loan-applications.service.ts';
import { appraiseLoan, decideLoan } from './loan-decisions.service.ts';
import { createBorrower, disbursedLoan, issueRules, useLoanClock } from './loans.test-support.ts';

let t: TestApp;
let ownOrg: string;
let ownLoan: string;
let officer: Actor & { email: string };
useLoanClock('2025-12-31');

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await issueRules(db);
  ownOrg = (await createBorrower(db, { name: 'HTX Chè Tân Dĩnh' })).id;
  officer = (await t.signIn('fund_officer')).actor as Actor & { email: string };
  ownLoan = (await disbursedLoan(db, { organisationId: ownOrg, amountVnd: '50000000', termMonths: 6, disbursedOn: '2025-02-01', appraiser: officer, approver: systemActor(TENANT) })).id;
});
afterAll(() => t.close());

describe("the borrower's view of its own loan", () => {
  it("shows the decision but not the appraiser's findings nor any staff member's address", async () => {
    const manager = await t.signIn('coop_manager', { organisationId: ownOrg });
    const res = await t.request({ url: `/api/loans/${ownLoan}`, cookie: manager.cookie });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail.loan.status).toBe('active');
    expect(detail.loan.decision.number).toBeTruthy();
    expect(detail.loan.appraisal.findings).toBeNull();
    expect(detail.loan.appraisal.recommendation).toBeNull();
    expect(res.body).not.toContain('Đủ điều kiện'); // the findings' text
    expect(res.body).not.toContain(officer.email);
    expect(res.body).not.toContain('system@coop');
    const list = await t.request({ url: '/api/loans', cookie: manager.cookie });
    expect(list.body).not.toContain(officer.email);
    // The fund still reads everything.
    const fund = await t.request({ url: `/api/loans/${ownLoan}`, cookie: (await t.signIn('fund_officer')).cookie });
    expect(fund.json().loan.appraisal.findings).toBe('Đủ điều kiện');
    expect(fund.body).toContain(officer.email);
  });
});

describe('maker–checker', () => {
  it('who filed an application can neither approve nor reject it, and is not offered to', async () => {
    const db = t.database.db;
    const filer = await t.signIn('fund_officer');
    const appraiser = (await t.signIn('fund_officer')).actor;
    const loan = await applyForLoan(db, { actor: filer.actor, input: { organisationId: ownOrg, purpose: 'Kho lạnh', amountVnd: '10000000', termMonths: 6, method: 'bullet', appliedOn: '2025-03-01' } });
    await appraiseLoan(db, { actor: appraiser, id: loan.id, input: { findings: 'Đạt', recommendation: 'approve' } });
    const page = await t.request({ url: `/api/loans/${loan.id}`, cookie: filer.cookie });
    expect(page.json().loan.can.decide).toBe(false);
    const decide = (actor: Actor) => decideLoan(db, { actor, id: loan.id, input: { decision: 'approved', decisionNumber: '3/QĐ', decisionDate: '2025-03-02' } });
    await expect(decide(filer.actor)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'forbidden' && /lập hồ sơ/.test(e.message));
    const third = await t.signIn('fund_officer');
    expect((await t.request({ url: `/api/loans/${loan.id}`, cookie: third.cookie })).json().loan.can.decide).toBe(true);
    expect(await decide(third.actor)).toMatchObject({ status: 'approved' });
  });
});

describe('tenant isolation of the portfolio', () => {
  it("refuses a fund officer who asks for another alliance's portfolio instead of answering with its own", async () => {
    const other = await t.signIn('fund_officer', { tenantId: OTHER_TENANT });
    const res = await t.request({ url: `/api/loans/portfolio?tenant=${TENANT}`, cookie: other.cookie });
    expect(res.statusCode, res.body).toBe(403);
    const own = await t.request({ url: `/api/loans/portfolio?tenant=${OTHER_TENANT}`, cookie: other.cookie });
    expect(own.statusCode).toBe(200);
    const mine = await t.request({ url: `/api/loans/portfolio?tenant=${TENANT}`, cookie: (await t.signIn('fund_officer')).cookie });
    expect(mine.statusCode).toBe(200);
  });
});

describe('registration numbers', () => {
  it('full-width digits or an invisible character do not make a second organisation with the same number', async () => {
    const { cookie } = await t.signIn('alliance_staff');
    const first = await t.request({ method: 'POST', url: '/api/cooperatives', cookie, payload: buildOrganisation({ registrationNumber: '2400070069' }) });
    expect(first.statusCode, first.body).toBe(201);
    for (const spelling of ['２４００070069', '2400070069\u200b', '\ufeff2400070069', '2400 070 069']) {
      const res = await t.request({ method: 'POST', url: '/api/cooperatives', cookie, payload: buildOrganisation({ registrationNumber: spelling }) });
      expect(res.statusCode, `${JSON.stringify(spelling)}: ${res.body}`).toBe(409);
    }
    const search = await t.request({ url: '/api/cooperatives?q=2400070069', cookie });
    expect(search.json().total).toBe(1);
  });
});
