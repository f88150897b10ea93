// Who may see and do what with loans, and the eligibility rules, against the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { AppError } from '../../http/errors.ts';
import { systemActor, type Actor } from '../accounts/roles.ts';
import { applyForLoan } from './loan-applications.service.ts';
import { appraiseLoan, decideLoan } from './loan-decisions.service.ts';
import { createBorrower, disbursedLoan, issueRules, useLoanClock } from './loans.test-support.ts';

let t: TestApp;
let ownOrg: string;
let otherOrg: string;
let otherLoan: string;
let ownLoan: string;
let officer: Actor;
const cookies: Record<string, string> = {};
useLoanClock('2025-12-31');

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await issueRules(db, { sectorGroups: ['agriculture', 'non_agriculture'], maxOpenLoans: 2, minMonthsSinceFounding: 24 });
  ownOrg = (await createBorrower(db, { name: 'HTX Chè Tân Dĩnh' })).id;
  otherOrg = (await createBorrower(db, { name: 'HTX Cam Cao Xá', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' })).id;
  officer = (await t.signIn('fund_officer')).actor;
  otherLoan = (await disbursedLoan(db, { organisationId: otherOrg, amountVnd: '50000000', termMonths: 6, disbursedOn: '2025-02-01', appraiser: officer, approver: systemActor(TENANT) })).id;
  ownLoan = (await applyForLoan(db, { actor: officer, input: { organisationId: ownOrg, purpose: 'Mua phân bón', amountVnd: '20000000', termMonths: 6, method: 'bullet' } })).id;
  cookies.manager = (await t.signIn('coop_manager', { organisationId: ownOrg })).cookie;
  cookies.staff = (await t.signIn('alliance_staff')).cookie;
  cookies.commune = (await t.signIn('commune_officer', { communeCode: '00000' })).cookie;
  cookies.viewer = (await t.signIn('national_viewer')).cookie;
  cookies.otherFund = (await t.signIn('fund_officer', { tenantId: OTHER_TENANT })).cookie;
});
afterAll(() => t.close());

describe("a cooperative's manager", () => {
  it("cannot see another organisation's loan by id, its documents or its statement", async () => {
    for (const url of [`/api/loans/${otherLoan}`, `/api/loans/${otherLoan}/statement.pdf`, `/api/loans/${otherLoan}/payoff`, `/api/loans/${otherLoan}/documents/${otherLoan}`]) {
      expect((await t.request({ url, cookie: cookies.manager })).statusCode, url).toBe(404);
    }
    expect((await t.request({ url: `/api/loans/${ownLoan}`, cookie: cookies.manager })).statusCode).toBe(200);
  });

  it("lists only its own organisation's loans", async () => {
    const list = await t.request({ url: '/api/loans', cookie: cookies.manager });
    expect(list.json().items.map((l: { id: string }) => l.id)).toEqual([ownLoan]);
    const filtered = await t.request({ url: `/api/loans?organisationId=${otherOrg}`, cookie: cookies.manager });
    expect(filtered.json().items).toEqual([]);
  });

  it('cannot apply for another organisation', async () => {
    const res = await t.request({ method: 'POST', url: '/api/loans', cookie: cookies.manager, payload: { organisationId: otherOrg, purpose: 'Mua xe', amountVnd: '10000000', termMonths: 6, method: 'bullet' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('tổ chức của mình');
  });

  it('cannot appraise, decide, disburse or post a payment, even on its own loan', async () => {
    const attempts = [
      [`/api/loans/${ownLoan}/appraisal`, { findings: 'Tự thẩm định', recommendation: 'approve' }],
      [`/api/loans/${ownLoan}/decision`, { decision: 'approved', decisionNumber: '1', decisionDate: '2025-06-01' }],
      [`/api/loans/${otherLoan}/payments`, { paidOn: '2025-06-01', amountVnd: '1', idempotencyKey: 'manager-attempt' }],
    ] as const;
    for (const [url, payload] of attempts) expect((await t.request({ method: 'POST', url, cookie: cookies.manager, payload })).statusCode, url).toBe(403);
    expect((await t.request({ url: '/api/loans/portfolio', cookie: cookies.manager })).statusCode).toBe(403);
  });
});

describe('nobody else sees loan data', () => {
  it('alliance staff, commune officers and the national viewer get 403 on loans; another alliance 404', async () => {
    for (const who of ['staff', 'commune', 'viewer']) {
      expect((await t.request({ url: '/api/loans', cookie: cookies[who] })).statusCode, who).toBe(403);
      expect((await t.request({ url: `/api/loans/${otherLoan}`, cookie: cookies[who] })).statusCode, who).toBe(403);
    }
    expect((await t.request({ url: `/api/loans/${otherLoan}`, cookie: cookies.otherFund })).statusCode).toBe(404);
  });
});

describe('maker–checker in the service', () => {
  it('the appraiser cannot decide; the system actor compares by its label', async () => {
    const db = t.database.db;
    const loan = await applyForLoan(db, { actor: officer, input: { organisationId: otherOrg, purpose: 'Kho lạnh', amountVnd: '10000000', termMonths: 6, method: 'bullet', appliedOn: '2025-03-01' } });
    await appraiseLoan(db, { actor: officer, id: loan.id, input: { findings: 'Đạt', recommendation: 'approve' } });
    const decide = (actor: Actor) => decideLoan(db, { actor, id: loan.id, input: { decision: 'approved', decisionNumber: '2/QĐ', decisionDate: '2025-03-02' } });
    await expect(decide(officer)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'forbidden');
    // otherOrg now has two open loans, the limit; the loan being decided does not count against itself.
    const approved = await decide(systemActor(TENANT));
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'system@coop', appraisedByUserId: (officer as { userId: string }).userId });
  });
});

describe('eligibility', () => {
  const apply = (organisationId: string, extra: object = {}) =>
    applyForLoan(t.database.db, { actor: officer, input: { organisationId, purpose: 'Mua máy', amountVnd: '10000000', termMonths: 6, method: 'bullet', ...extra } });
  const reasonOf = async (work: Promise<unknown>) => work.then(() => 'accepted', (e: AppError) => `${e.details?.field}: ${e.message}`);

  it('refuses with a Vietnamese reason naming the condition', async () => {
    const suspended = await createBorrower(t.database.db, { name: 'HTX Gốm Thổ Hà', status: 'suspended' });
    expect(await reasonOf(apply(suspended.id))).toBe('organisationId: HTX Gốm Thổ Hà đang ở trạng thái “Tạm ngừng kinh doanh”; chỉ tổ chức đang hoạt động mới được vay vốn của Quỹ.');
    const young = await createBorrower(t.database.db, { name: 'HTX Nấm Mới', foundedOn: '2024-06-15' });
    expect(await reasonOf(apply(young.id, { appliedOn: '2025-06-14' }))).toBe(
      'organisationId: HTX Nấm Mới thành lập ngày 15/06/2024, mới hoạt động 11 tháng; quy định của Quỹ yêu cầu ít nhất 24 tháng (quy định có hiệu lực từ 01/01/2024).',
    );
    const credit = await createBorrower(t.database.db, { name: 'Quỹ tín dụng nhân dân Xương Giang', sectorCode: 'credit_fund' });
    expect(await reasonOf(apply(credit.id))).toContain('Quỹ chỉ cho vay các nhóm ngành: Nông nghiệp, lâm nghiệp, thủy sản; Phi nông nghiệp');
    expect(await reasonOf(apply(ownOrg, { termMonths: 48 }))).toContain('termMonths: Thời hạn vay 48 tháng vượt thời hạn tối đa 36 tháng');
    expect(await reasonOf(apply(ownOrg, { graceMonths: 7, method: 'equal_principal' }))).toContain('graceMonths: Thời gian ân hạn 7 tháng');
    expect(await reasonOf(apply(ownOrg, { appliedOn: '2023-12-31' }))).toContain('Quỹ chưa ban hành quy định cho vay có hiệu lực vào ngày 31/12/2023');
    // ownOrg has one open application; a second is allowed, a third is not.
    expect(await reasonOf(apply(ownOrg))).toBe('accepted');
    expect(await reasonOf(apply(ownOrg))).toContain('đang có 2 khoản vay hoặc hồ sơ chưa tất toán; quy định cho phép tối đa 2');
  });

  it('a loan keeps the rules version it was approved under', async () => {
    const { setLoanRules } = await import('./loan-rules.service.ts');
    await setLoanRules(t.database.db, { actor: systemActor(TENANT), input: { effectiveFrom: '2025-07-01', maxAmountVnd: '900000000', maxTermMonths: 60, maxGraceMonths: 0, methods: ['bullet'], annualRatePercent: '4.8', penaltyRatePercent: 150, minMonthsSinceFounding: 0 } });
    const before = await t.request({ url: `/api/loans/${otherLoan}`, cookie: (await t.signIn('fund_officer')).cookie });
    expect(before.json().loan.annualRatePercent).toBe('12');
    expect(before.json().rules.effectiveFrom).toBe('2024-01-01');
  });
});

describe('double submission', () => {
  it('two identical payments sent at once post one payment', async () => {
    const cookie = (await t.signIn('fund_officer')).cookie;
    const payload = { paidOn: '2025-03-01', amountVnd: '500000', idempotencyKey: 'double-click-2025-03-01' };
    const [first, second] = await Promise.all([0, 1].map(() => t.request({ method: 'POST', url: `/api/loans/${otherLoan}/payments`, cookie, payload })));
    expect([first!.statusCode, second!.statusCode].sort()).toEqual([200, 201]);
    const detail = await t.request({ url: `/api/loans/${otherLoan}`, cookie });
    expect(detail.json().payments).toHaveLength(1);
  });
});
