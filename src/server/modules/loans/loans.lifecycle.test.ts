// The whole life of a loan through the HTTP API, on a real database. Figures are those worked out by hand in
// repayment.test.ts: 30,000,000 at 12 %/year, 3 months equal principal, disbursed 10/01/2025;
// instalments 10,000,000 + 305,753 (10/02), 10,000,000 + 184,110 (10/03), 10,000,000 + 101,918 (10/04).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEvents } from '../audit/audit.service.ts';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { createBorrower, RULES_2024, useLoanClock } from './loans.test-support.ts';

let t: TestApp;
let orgId: string;
const cookie: Record<'admin' | 'appraiser' | 'approver' | 'manager', string> = { admin: '', appraiser: '', approver: '', manager: '' };
const clock = useLoanClock('2025-01-06');

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await createBorrower(t.database.db, { name: 'Hợp tác xã Vải thiều Tân Dĩnh' })).id;
  cookie.admin = (await t.signIn('alliance_admin')).cookie;
  cookie.appraiser = (await t.signIn('fund_officer')).cookie;
  cookie.approver = (await t.signIn('fund_officer')).cookie;
  cookie.manager = (await t.signIn('coop_manager', { organisationId: orgId })).cookie;
});
afterAll(() => t.close());

const post = (who: keyof typeof cookie, url: string, payload: object) => t.request({ method: 'POST', url, cookie: cookie[who], payload });
const get = (who: keyof typeof cookie, url: string) => t.request({ url, cookie: cookie[who] });

function multipart(fileName: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = '----loanboundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('a loan from application to closure', () => {
  let loanId: string;

  it('the alliance admin issues the lending rules', async () => {
    const res = await post('admin', '/api/loans/rules', RULES_2024);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ annualRatePercent: '12', maxAmountVnd: '500000000', penaltyRatePercent: 150 });
    expect((await post('appraiser', '/api/loans/rules', { ...RULES_2024, effectiveFrom: '2024-02-01' })).statusCode).toBe(403);
  });

  it('a cooperative manager applies for its own organisation; eligibility refusals say why', async () => {
    const tooMuch = await post('manager', '/api/loans', { organisationId: orgId, purpose: 'Mua máy sấy', amountVnd: '600000000', termMonths: 3, method: 'equal_principal' });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json()).toMatchObject({ field: 'amountVnd' });
    expect(tooMuch.json().message).toContain('vượt mức cho vay tối đa 500.000.000 đ');

    const res = await post('manager', '/api/loans', {
      organisationId: orgId, purpose: 'Mua máy sấy vải thiều', amountVnd: '30000000', termMonths: 3, method: 'equal_principal',
      collateral: 'Quyền sử dụng đất thửa 123', guarantors: [{ name: 'Nguyễn Văn An', relation: 'Giám đốc HTX' }],
      appliedOn: '2020-01-01', // a manager's application is dated today whatever it says
    });
    expect(res.statusCode, res.body).toBe(201);
    const loan = res.json();
    loanId = loan.id;
    expect(loan).toMatchObject({ status: 'submitted', code: 'VAY-2025-0001', appliedOn: '2025-01-06', requestedAmountVnd: '30000000' });
    expect(loan.can).toMatchObject({ appraise: false, uploadDocument: true });
  });

  it('documents: pdf accepted and downloaded as an attachment; a disguised file refused', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% phương án vay vốn\n');
    const up = await t.request({ method: 'POST', url: `/api/loans/${loanId}/documents`, cookie: cookie.manager, ...multipart('Phương án vay.pdf', pdf) });
    expect(up.statusCode, up.body).toBe(201);
    const fake = await t.request({ method: 'POST', url: `/api/loans/${loanId}/documents`, cookie: cookie.manager, ...multipart('anh.png', Buffer.from('<html><script>alert(1)</script>'), 'image/png') });
    expect(fake.statusCode).toBe(415);
    const exe = await t.request({ method: 'POST', url: `/api/loans/${loanId}/documents`, cookie: cookie.manager, ...multipart('setup.exe', Buffer.from('MZ')) });
    expect(exe.statusCode).toBe(415);
    const down = await get('appraiser', `/api/loans/${loanId}/documents/${up.json().id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toBe(`attachment; filename="Phuong an vay.pdf"; filename*=UTF-8''${encodeURIComponent('Phương án vay.pdf')}`);
    expect(down.rawPayload.equals(pdf)).toBe(true);
  });

  it('appraisal by one officer; the same officer cannot decide (maker–checker); another approves', async () => {
    clock.set('2025-12-31');
    const appraised = await post('appraiser', `/api/loans/${loanId}/appraisal`, { findings: 'Phương án khả thi, tài sản bảo đảm đủ', recommendation: 'approve' });
    expect(appraised.statusCode, appraised.body).toBe(200);
    expect(appraised.json().loan.can.decide).toBe(false);
    const decision = { decision: 'approved', decisionNumber: '12/QĐ-QHT', decisionDate: '2025-01-08' };
    const self = await post('appraiser', `/api/loans/${loanId}/decision`, decision);
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toContain('Người đã thẩm định hồ sơ không được phê duyệt');
    const approved = await post('approver', `/api/loans/${loanId}/decision`, decision);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().loan).toMatchObject({ status: 'approved', annualRatePercent: '12', penaltyRatePercent: 150, decision: { number: '12/QĐ-QHT', approvedAmountVnd: '30000000' } });
    const again = await post('admin', `/api/loans/${loanId}/decision`, decision);
    expect(again.statusCode).toBe(409);
  });

  it('contract and disbursement give the schedule of fund.md', async () => {
    expect((await post('appraiser', `/api/loans/${loanId}/disbursements`, { disbursedOn: '2025-01-10', amountVnd: '30000000' })).statusCode).toBe(409);
    expect((await post('appraiser', `/api/loans/${loanId}/contract`, { contractNumber: '05/2025/HĐTD', signedOn: '2025-01-09' })).statusCode).toBe(200);
    expect((await post('appraiser', `/api/loans/${loanId}/disbursements`, { disbursedOn: '2025-01-10', amountVnd: '30000001' })).statusCode).toBe(400);
    const res = await post('appraiser', `/api/loans/${loanId}/disbursements`, { disbursedOn: '2025-01-10', amountVnd: '30000000' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().schedule.map((i: Record<string, string>) => [i.dueDate, i.principalDueVnd, i.interestDueVnd])).toEqual([
      ['2025-02-10', '10000000', '305753'],
      ['2025-03-10', '10000000', '184110'],
      ['2025-04-10', '10000000', '101918'],
    ]);
  });

  it('days past due and debt group as of any date; a late payment moves the group', async () => {
    const on = async (asOf: string) => (await get('appraiser', `/api/loans/${loanId}?asOf=${asOf}`)).json().position;
    expect(await on('2025-02-20')).toEqual({ outstandingPrincipalVnd: '30000000', overduePrincipalVnd: '10000000', overdueInterestVnd: '305753', penaltyAccruedVnd: '49315', daysPastDue: 10, debtGroup: 2 });
    // 12/05: 91 days past due → group 3. Penalty (91 + 63 + 32) days × 10,000,000 × 18 %/365 = 917,260.27.
    expect(await on('2025-05-12')).toMatchObject({ overduePrincipalVnd: '30000000', overdueInterestVnd: '591781', penaltyAccruedVnd: '917260', daysPastDue: 91, debtGroup: 3 });
    // Paying penalty, all overdue interest and instalment 1's principal leaves instalment 2 (due 10/03) the
    // earliest unpaid: 63 days → group 2.
    const res = await post('appraiser', `/api/loans/${loanId}/payments`, { paidOn: '2025-05-12', amountVnd: '11509041', idempotencyKey: 'pay-2025-05-12-a' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().payment.allocation).toEqual({ penaltyVnd: '917260', overdueInterestVnd: '591781', overduePrincipalVnd: '10000000', currentInterestVnd: '0', currentPrincipalVnd: '0', prepaymentVnd: '0' });
    expect(await on('2025-05-12')).toEqual({ outstandingPrincipalVnd: '20000000', overduePrincipalVnd: '20000000', overdueInterestVnd: '0', penaltyAccruedVnd: '0', daysPastDue: 63, debtGroup: 2 });
    // Looking back before the payment still shows the state of that day.
    expect((await on('2025-05-11')).debtGroup).toBe(2);
    expect((await on('2025-05-11')).daysPastDue).toBe(90);
  });

  it('posting is idempotent: the same key again changes nothing', async () => {
    const again = await post('appraiser', `/api/loans/${loanId}/payments`, { paidOn: '2025-05-12', amountVnd: '11509041', idempotencyKey: 'pay-2025-05-12-a' });
    expect(again.statusCode).toBe(200);
    expect(again.json().replayed).toBe(true);
    expect(again.json().loan.payments).toHaveLength(1);
    const clash = await post('appraiser', `/api/loans/${loanId}/payments`, { paidOn: '2025-05-12', amountVnd: '1', idempotencyKey: 'pay-2025-05-12-a' });
    expect(clash.statusCode).toBe(409);
    const backdated = await post('appraiser', `/api/loans/${loanId}/payments`, { paidOn: '2025-05-01', amountVnd: '1', idempotencyKey: 'pay-2025-05-01' });
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json().field).toBe('paidOn');
  });

  it('early settlement pays the payoff amount and closes the loan', async () => {
    // 20/05: penalty on 20,000,000 overdue for 8 days at 18 % = 78,904.11 → 78,904; all principal;
    // no current instalment (after maturity), interest fully paid.
    const payoff = await get('manager', `/api/loans/${loanId}/payoff?on=2025-05-20`);
    expect(payoff.json()).toEqual({ on: '2025-05-20', payoffVnd: '20078904', status: 'active' });
    const res = await post('approver', `/api/loans/${loanId}/payments`, { paidOn: '2025-05-20', amountVnd: '20078904', idempotencyKey: 'pay-2025-05-20' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().loan.loan).toMatchObject({ status: 'closed', closedOn: '2025-05-20' });
    expect(res.json().loan.position).toMatchObject({ outstandingPrincipalVnd: '0', daysPastDue: 0, debtGroup: 1 });
  });

  it('statements download as .xlsx and .pdf', async () => {
    const xlsx = await get('manager', `/api/loans/${loanId}/statement.xlsx?asOf=2025-05-20`);
    expect(xlsx.statusCode, xlsx.body.slice(0, 200)).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await get('appraiser', `/api/loans/${loanId}/statement.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain('sao-ke-VAY-2025-0001');
  });

  it('every step is an audit event', async () => {
    const events = await findAuditEvents(t.database.db, TENANT, 'loan', loanId);
    // The closing payment and the closure share a transaction (and its timestamp): compare as sets of steps.
    expect(events.map((e) => e.action).sort()).toEqual([
      'loan.applied', 'loan.document_added', 'loan.appraised', 'loan.approved', 'loan.contract_signed', 'loan.disbursed',
      'loan.payment_posted', 'loan.payment_posted', 'loan.closed',
    ].sort());
    expect(events.at(-1)?.action).toBe('loan.applied');
    const history = (await get('manager', `/api/loans/${loanId}`)).json().history;
    expect(history[0]).toMatchObject({ action: 'loan.applied' });
  });
});

describe('rescheduling, rejection and write-off', () => {
  it('a rejected application carries its reason; a write-off takes the loan out of the portfolio', async () => {
    const apply = await post('appraiser', '/api/loans', { organisationId: orgId, purpose: 'Mở rộng kho lạnh', amountVnd: '100000000', termMonths: 12, method: 'bullet', appliedOn: '2025-03-01' });
    expect(apply.statusCode, apply.body).toBe(201);
    const id = apply.json().id;
    await post('appraiser', `/api/loans/${id}/appraisal`, { findings: 'Dòng tiền không đủ', recommendation: 'reject' });
    const noReason = await post('approver', `/api/loans/${id}/decision`, { decision: 'rejected', decisionNumber: '20/QĐ-QHT', decisionDate: '2025-03-05' });
    expect(noReason.statusCode).toBe(400);
    const rejected = await post('approver', `/api/loans/${id}/decision`, { decision: 'rejected', decisionNumber: '20/QĐ-QHT', decisionDate: '2025-03-05', reason: 'Phương án kinh doanh chưa khả thi' });
    expect(rejected.json().loan).toMatchObject({ status: 'rejected', decision: { reason: 'Phương án kinh doanh chưa khả thi' } });
  });

  it('a term extension gives a new schedule and the loan is no longer past due', async () => {
    const apply = await post('appraiser', '/api/loans', { organisationId: orgId, purpose: 'Mua giống', amountVnd: '30000000', termMonths: 3, method: 'equal_principal', appliedOn: '2025-01-02' });
    const id = apply.json().id;
    await post('appraiser', `/api/loans/${id}/appraisal`, { findings: 'Đạt', recommendation: 'approve' });
    await post('approver', `/api/loans/${id}/decision`, { decision: 'approved', decisionNumber: '3/QĐ', decisionDate: '2025-01-05' });
    await post('approver', `/api/loans/${id}/contract`, { contractNumber: '3/HĐ', signedOn: '2025-01-06' });
    await post('approver', `/api/loans/${id}/disbursements`, { disbursedOn: '2025-01-10', amountVnd: '30000000' });
    // Hand-computed in loan-book.test.ts.
    const res = await post('approver', `/api/loans/${id}/reschedule`, { effectiveOn: '2025-03-20', newTermMonths: 6, decisionNumber: '7/QĐ-GH', reason: 'Mất mùa do bão' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().currentTermMonths).toBe(6);
    expect(res.json().schedule.slice(2).map((i: Record<string, string>) => [i.dueDate, i.principalDueVnd, i.interestDueVnd])).toEqual([
      ['2025-04-10', '7500000', '729863'],
      ['2025-05-10', '7500000', '221918'],
      ['2025-06-10', '7500000', '152877'],
      ['2025-07-10', '7500000', '73973'],
    ]);
    const position = (await get('approver', `/api/loans/${id}?asOf=2025-03-20`)).json().position;
    expect(position).toMatchObject({ daysPastDue: 0, debtGroup: 1, penaltyAccruedVnd: '236712' });
    const off = await post('admin', `/api/loans/${id}/write-off`, { writtenOffOn: '2025-12-01', decisionNumber: '99/QĐ-XLRR', reason: 'HTX giải thể' });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().loan).toMatchObject({ status: 'written_off', writeOff: { on: '2025-12-01', decisionNumber: '99/QĐ-XLRR' } });
    expect((await post('approver', `/api/loans/${id}/payments`, { paidOn: '2025-12-02', amountVnd: '1', idempotencyKey: 'after-write-off' })).statusCode).toBe(409);
    const portfolio = (await get('approver', '/api/loans/portfolio?asOf=2025-12-01')).json();
    expect(portfolio.writtenOff).toEqual({ loans: 1, principalVnd: '30000000' });
  });
});
