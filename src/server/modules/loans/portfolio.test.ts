// The portfolio as of dates, worked out by hand. Rules: 12 %/year, penalty 150 % (18 %/year).
// A: 30,000,000, 3 months equal principal, disbursed 10/01/2025, nothing paid (agriculture, Lạng Giang).
// B: 120,000,000 bullet over 12 months, disbursed 15/04/2025, nothing paid (handicraft, Tân Yên).
// C: 60,000,000, 6 months equal principal, disbursed 01/03/2025, instalment 1 paid on time (agriculture,
//    Tân Yên).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { postLoanPayment } from './loan-events.service.ts';
import { findDueInstallments, getPortfolio } from './portfolio.service.ts';
import { createBorrower, disbursedLoan, issueRules, useLoanClock } from './loans.test-support.ts';

let t: TestApp;
const ids: Record<string, string> = {};
useLoanClock('2025-12-31');

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await issueRules(db);
  const officer = (await t.signIn('fund_officer')).actor;
  const approver = systemActor(TENANT);
  const a = await createBorrower(db, { name: 'HTX Vải thiều Tân Dĩnh', sectorCode: 'agriculture', registeredCommune: 'Xã Tân Dĩnh', registeredDistrict: 'Lạng Giang' });
  const b = await createBorrower(db, { name: 'HTX Mây tre Cao Xá', sectorCode: 'industry_handicraft', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' });
  const c = await createBorrower(db, { name: 'HTX Rau an toàn Cao Xá', sectorCode: 'agriculture', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' });
  ids.a = (await disbursedLoan(db, { organisationId: a.id, amountVnd: '30000000', termMonths: 3, disbursedOn: '2025-01-10', appraiser: officer, approver })).id;
  ids.b = (await disbursedLoan(db, { organisationId: b.id, amountVnd: '120000000', termMonths: 12, method: 'bullet', disbursedOn: '2025-04-15', appraiser: officer, approver })).id;
  ids.c = (await disbursedLoan(db, { organisationId: c.id, amountVnd: '60000000', termMonths: 6, disbursedOn: '2025-03-01', appraiser: officer, approver })).id;
  // Instalment 1 of C on its due date: 10,000,000 + 60,000,000 × 12 % × 31/365 (611,506.85 → 611,507).
  await postLoanPayment(db, { actor: officer, id: ids.c, input: { paidOn: '2025-04-01', amountVnd: '10611507', idempotencyKey: 'c-instalment-1' } });
});
afterAll(() => t.close());

const portfolio = (asOf: string) => getPortfolio(t.database.db, { actor: systemActor(TENANT), asOf });

describe('portfolio as of a date', () => {
  it('before any disbursement it is empty', async () => {
    expect((await portfolio('2024-12-31')).totals).toMatchObject({ loans: 0, outstandingPrincipalVnd: '0', badDebtRatioPercent: '0.00' });
  });

  it('on 05/02/2025 only A and nothing is overdue', async () => {
    const p = await portfolio('2025-02-05');
    expect(p.totals).toEqual({
      loans: 1, outstandingPrincipalVnd: '30000000', overduePrincipalVnd: '0', overdueInterestVnd: '0', penaltyVnd: '0',
      badDebtPrincipalVnd: '0', badDebtRatioPercent: '0.00', byDebtGroup: ['30000000', '0', '0', '0', '0'],
    });
  });

  it('on 20/05/2025: groups, overdue amounts and the bad-debt ratio, in total and by sector group and area', async () => {
    // A: 99 days past due (from 10/02) → group 3; overdue 30,000,000 and 305,753 + 184,110 + 101,918 = 591,781;
    //    penalty (99 + 71 + 40) days × 10,000,000 × 18 %/365 = 1,035,616.44 → 1,035,616.
    // B: interest of 15/04–15/05 unpaid (120,000,000 × 12 % × 30/365 = 1,183,561.64 → 1,183,562), 5 days → group 1.
    // C: instalment 2 (due 01/05) unpaid, 19 days → group 2; overdue 10,000,000 and 50,000,000 × 12 % × 30/365
    //    = 493,150.68 → 493,151; penalty 10,000,000 × 19 × 18 %/365 = 93,698.63 → 93,699. Outstanding 50,000,000.
    // Bad debt = A's 30,000,000 of 200,000,000 = 15.00 %.
    const p = await portfolio('2025-05-20');
    expect(p.totals).toEqual({
      loans: 3, outstandingPrincipalVnd: '200000000', overduePrincipalVnd: '40000000', overdueInterestVnd: '2268494', penaltyVnd: '1129315',
      badDebtPrincipalVnd: '30000000', badDebtRatioPercent: '15.00', byDebtGroup: ['120000000', '50000000', '30000000', '0', '0'],
    });
    expect(p.byDebtGroup.map((g) => g.outstandingPrincipalVnd)).toEqual(['120000000', '50000000', '30000000', '0', '0']);
    const pick = (rows: Array<{ key: string; outstandingPrincipalVnd: string; badDebtRatioPercent: string; loans: number }>) =>
      Object.fromEntries(rows.map((r) => [r.key, [r.loans, r.outstandingPrincipalVnd, r.badDebtRatioPercent]]));
    // Agriculture: A + C = 80,000,000, of which 30,000,000 bad: 37.50 %.
    expect(pick(p.bySectorGroup)).toEqual({ agriculture: [2, '80000000', '37.50'], non_agriculture: [1, '120000000', '0.00'] });
    expect(pick(p.byDistrict)).toEqual({ 'Lạng Giang': [1, '30000000', '100.00'], 'Tân Yên': [2, '170000000', '0.00'] });
    expect(p.byCommune.map((c) => [c.loans, c.outstandingPrincipalVnd]).sort()).toEqual([[1, '30000000'], [2, '170000000']]);
    expect(p.byCommune.every((c) => c.key !== '')).toBe(true);
  });

  it('lists the instalments due in the next 30 days with what is still owed', async () => {
    // From 20/05 to 19/06: C's instalment 3 (01/06: 10,000,000 + 40,000,000 × 12 % × 31/365 = 407,671.23 → 407,671)
    // and B's instalment 2 (15/06: 120,000,000 × 12 % × 31/365 = 1,223,013.70 → 1,223,014).
    const due = await findDueInstallments(t.database.db, { actor: systemActor(TENANT), from: '2025-05-20', days: 30 });
    expect(due.to).toBe('2025-06-19');
    expect(due.items.map((i) => [i.loanId, i.n, i.dueDate, i.totalVnd])).toEqual([
      [ids.c, 3, '2025-06-01', '10407671'],
      [ids.b, 2, '2025-06-15', '1223014'],
    ]);
  });

  it('a national viewer sees the aggregates of an alliance; a manager or alliance staff does not', async () => {
    const viewer = (await t.signIn('national_viewer')).cookie;
    const res = await t.request({ url: `/api/loans/portfolio?asOf=2025-05-20&tenant=${TENANT}`, cookie: viewer });
    expect(res.statusCode).toBe(200);
    expect(res.json().totals.badDebtRatioPercent).toBe('15.00');
    expect(res.body).not.toContain('HTX Vải thiều');
    expect((await t.request({ url: '/api/loans/due', cookie: viewer })).statusCode).toBe(403);
    const staff = (await t.signIn('alliance_staff')).cookie;
    expect((await t.request({ url: '/api/loans/portfolio', cookie: staff })).statusCode).toBe(403);
  });
});
