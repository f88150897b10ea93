/**
 * The support fund's journey: a cooperative's manager applies for a loan, one fund officer appraises it,
 * another approves it, the loan is contracted and disbursed, a late payment is posted, and the debt group
 * and the portfolio change. Figures: 30,000,000 at 12 %/year over 3 months, equal principal, disbursed
 * 10/01/2025 (hand-computed in src/server/modules/loans/loans.lifecycle.test.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/modules/accounts/roles.ts';
import { createOrganisation } from '../src/server/modules/cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../src/server/modules/demo/factories.ts';
import { loanClock } from '../src/server/modules/loans/loan-clock.ts';
import { issueRules } from '../src/server/modules/loans/loans.test-support.ts';
import { createAccount, horizontalOverflow, logIn, screenshot, startJourney, TENANT_ID, type Journey } from './support/journey.ts';

let journey: Journey;
const realToday = loanClock.today;
beforeAll(async () => {
  journey = await startJourney();
  // The fund's business day is fixed so that a payment can be "late" without waiting months.
  loanClock.today = () => '2025-01-06';
});
afterAll(async () => {
  loanClock.today = realToday;
  await journey?.close();
});

/** Types a date into an antd date field (dd/mm/yyyy); leaving the field keeps it (Enter would submit the form). */
async function typeDate(page: Page, id: string, ddmmyyyy: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Tab');
}

async function signedIn(account: { email: string; password: string }, viewport?: { width: number; height: number }) {
  const { page, problems } = await journey.newPage(viewport);
  await logIn(page, journey.baseUrl, account);
  return { page, problems };
}

describe('a loan from a cooperative to the portfolio', () => {
  it('works end to end in the browser', async () => {
    const db = journey.database.db;
    await issueRules(db);
    const org = await createOrganisation(db, { actor: systemActor(TENANT_ID), input: buildOrganisation({ name: 'Hợp tác xã Vải thiều Phượng Sơn' }) });
    const manager = await createAccount(journey, 'coop_manager', { organisationRegistrationNumber: org.registrationNumber! });
    const appraiser = await createAccount(journey, 'fund_officer');
    const approver = await createAccount(journey, 'fund_officer');

    // 1. The manager applies (the form's organisation is its own, fixed).
    const m = await signedIn(manager);
    await m.page.goto(`${journey.baseUrl}/loans/new`);
    await m.page.locator('#purpose').fill('Mua máy sấy vải thiều');
    await m.page.locator('#amountVnd').fill('30000000');
    await m.page.locator('#termMonths').fill('3');
    await m.page.locator('#method').click();
    await m.page.getByTitle('Gốc trả đều hằng tháng').click();
    await screenshot(m.page, 'loans-1-application');
    await m.page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await m.page.waitForURL(/\/loans\/[0-9a-f-]{36}$/);
    const loanUrl = m.page.url();
    await expect.poll(() => m.page.getByTestId('loan-status').innerText()).toBe('Chờ thẩm định');

    // 2. One officer appraises; the same officer is not offered the decision.
    loanClock.today = () => '2025-05-12';
    const a = await signedIn(appraiser);
    await a.page.goto(loanUrl);
    await a.page.locator('#appraisal-findings').fill('Phương án khả thi, tài sản bảo đảm đủ');
    await a.page.getByRole('button', { name: 'Ghi kết quả thẩm định' }).click();
    await expect.poll(() => a.page.getByTestId('loan-status').innerText()).toBe('Chờ phê duyệt');
    await a.page.getByText('người phê duyệt phải là người khác').waitFor();
    expect(await a.page.getByTestId('step-decision').count()).toBe(0);

    // 3. Another officer approves, records the contract and disburses.
    const b = await signedIn(approver);
    await b.page.goto(loanUrl);
    await b.page.locator('#decision-decisionNumber').fill('12/QĐ-QHT');
    await typeDate(b.page, 'decision-decisionDate', '08/01/2025');
    await b.page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await expect.poll(() => b.page.getByTestId('loan-status').innerText()).toBe('Đã phê duyệt');
    await b.page.locator('#contract-contractNumber').fill('05/2025/HĐTD');
    await typeDate(b.page, 'contract-signedOn', '09/01/2025');
    await b.page.getByRole('button', { name: 'Ghi hợp đồng' }).click();
    await expect.poll(() => b.page.getByTestId('loan-status').innerText()).toBe('Đã ký hợp đồng');
    await typeDate(b.page, 'disbursements-disbursedOn', '10/01/2025');
    await b.page.getByRole('button', { name: 'Ghi giải ngân' }).click();
    await expect.poll(() => b.page.getByTestId('loan-status').innerText()).toBe('Đang cho vay');
    const schedule = b.page.getByTestId('schedule');
    await expect.poll(() => schedule.innerText()).toContain('305.753 đ');
    expect(await schedule.innerText()).toContain('10/04/2025');

    // 4. On 12/05/2025 nothing has been paid: 91 days past due, group 3; the portfolio's bad debt is 100 %.
    await expect.poll(() => b.page.getByTestId('debt-group').innerText()).toContain('Nhóm 3');
    await b.page.goto(`${journey.baseUrl}/loans/portfolio`);
    await expect.poll(() => b.page.getByTestId('portfolio-totals').innerText()).toContain('100,00%');
    await screenshot(b.page, 'loans-4-portfolio-before', true);

    // 5. A late payment: penalty, all overdue interest and instalment 1's principal (11,509,041 đ).
    await b.page.goto(loanUrl);
    await typeDate(b.page, 'payments-paidOn', '12/05/2025');
    await b.page.locator('#payments-amountVnd').fill('11509041');
    await b.page.getByRole('button', { name: 'Ghi khoản trả' }).click();
    const payments = b.page.getByTestId('payments');
    await b.page.getByRole('tab', { name: /Trả nợ/ }).click();
    await expect.poll(() => payments.innerText()).toContain('917.260 đ');
    // Instalment 2 (due 10/03) is now the earliest unpaid: 63 days, group 2.
    await expect.poll(() => b.page.getByTestId('debt-group').innerText()).toContain('Nhóm 2');
    await screenshot(b.page, 'loans-5-after-payment', true);

    // 6. The portfolio changes with it: no bad debt left.
    await b.page.goto(`${journey.baseUrl}/loans/portfolio`);
    await expect.poll(() => b.page.getByTestId('portfolio-totals').innerText()).toContain('0,00%');
    expect(await b.page.getByTestId('portfolio-totals').innerText()).toContain('20.000.000 đ');
    await screenshot(b.page, 'loans-6-portfolio-after', true);

    // The loan on a phone (360 px): its heading whole, the schedule with its interest in view, the write-off
    // behind a button, nothing wider than the screen.
    const phone = await signedIn(approver, { width: 360, height: 740 });
    await phone.page.goto(loanUrl);
    const header = phone.page.getByTestId('loan-header');
    const heading = header.getByRole('heading').first();
    await heading.waitFor();
    expect(await heading.innerText()).toMatch(/^Khoản vay \S+$/);
    expect(await heading.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    for (const part of [heading, header.getByTestId('loan-status')]) {
      const box = (await part.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    expect(await header.getByTestId('loan-status').innerText()).toBe('Đang cho vay');
    const instalment = phone.page.getByTestId('schedule-instalment').first();
    expect(await phone.page.getByTestId('schedule-instalment').count()).toBe(3);
    expect(await instalment.innerText()).toContain('Lãi phải trả');
    const interest = instalment.getByText('305.753 đ').first();
    const interestBox = (await interest.boundingBox())!;
    expect(interestBox.x + interestBox.width).toBeLessThanOrEqual(360);
    expect(await phone.page.getByRole('button', { name: 'Xóa nợ…' }).count()).toBe(1);
    expect(await phone.page.locator('#write-off-decisionNumber').count()).toBe(0);
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await screenshot(phone.page, 'loans-360', true);

    // The language switch turns the loan page too.
    await phone.page.getByTestId('language-toggle').first().click();
    await expect.poll(() => header.getByTestId('loan-status').innerText()).toBe('Outstanding');
    expect(await heading.innerText()).toMatch(/^Loan \S+$/);
    expect(await instalment.innerText()).toContain('Interest due');
    expect(await phone.page.getByRole('button', { name: 'Write off…' }).count()).toBe(1);
    // The portfolio and the queues fit the phone too (their wide tables scroll inside themselves), in English.
    await phone.page.goto(`${journey.baseUrl}/loans/portfolio`);
    await expect.poll(() => phone.page.getByTestId('portfolio-totals').innerText()).toContain('Outstanding principal');
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await phone.page.goto(`${journey.baseUrl}/loans`);
    await phone.page.getByRole('tab', { name: 'Outstanding' }).waitFor();
    expect(await horizontalOverflow(phone.page)).toBe(0);
    expect(phone.problems).toEqual([]);

    // The manager sees the same loan, with the payment, and no portfolio.
    await m.page.goto(loanUrl);
    await expect.poll(() => m.page.getByTestId('debt-group').innerText()).toContain('Nhóm 2');
    const portfolio = await m.page.request.get(`${journey.baseUrl}/api/loans/portfolio`);
    expect(portfolio.status()).toBe(403);

    // 7. The write-off is closed until asked for, and asks for confirmation naming the loan and the debt.
    await b.page.goto(loanUrl);
    await b.page.getByRole('button', { name: 'Xóa nợ…' }).waitFor();
    expect(await b.page.locator('#write-off-decisionNumber').count()).toBe(0);
    await b.page.getByRole('button', { name: 'Xóa nợ…' }).click();
    await typeDate(b.page, 'write-off-writtenOffOn', '12/05/2025');
    await b.page.locator('#write-off-decisionNumber').fill('45/QĐ-QHT');
    await b.page.locator('#write-off-reason').fill('Hợp tác xã mất khả năng trả nợ do thiên tai');
    await b.page.getByTestId('step-write-off').getByRole('button', { name: 'Xóa nợ' }).click();
    const confirm = b.page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    const question = await confirm.innerText();
    expect(question).toContain('Hợp tác xã Vải thiều Phượng Sơn');
    expect(question).toContain('45/QĐ-QHT');
    expect(question).toContain('20.000.000 đ');
    await confirm.getByRole('button', { name: 'Không' }).click();
    // The refused question closes (its fade-out would take the next click) before the button is pressed again.
    await confirm.waitFor({ state: 'hidden' });
    await b.page.locator('.ant-modal-wrap').filter({ has: b.page.locator('.ant-modal-confirm') }).waitFor({ state: 'hidden' }).catch(() => undefined);
    expect(await b.page.getByTestId('loan-status').innerText()).toBe('Đang cho vay');
    await b.page.getByTestId('step-write-off').getByRole('button', { name: 'Xóa nợ' }).click();
    await confirm.getByRole('button', { name: 'Xóa nợ' }).click();
    await expect.poll(() => b.page.getByTestId('loan-status').innerText()).toBe('Đã xóa nợ');

    expect([...m.problems, ...a.problems, ...b.problems]).toEqual([]);
  });
});
