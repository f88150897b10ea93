/**
 * The lending rules in the browser: on an alliance without rules the application form is replaced by a
 * message (a link to the rules page for the admin, "ask the admin" for others); the alliance admin issues a
 * version on the rules page; then the fund officer gets the form, and reads the rules but may not issue them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loanClock } from '../src/server/modules/loans/loan-clock.ts';
import { systemActor } from '../src/server/modules/accounts/roles.ts';
import { createOrganisation } from '../src/server/modules/cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../src/server/modules/demo/factories.ts';
import { createAccount, logIn, screenshot, startJourney, TENANT_ID, type Journey } from './support/journey.ts';

let journey: Journey;
const realToday = loanClock.today;
beforeAll(async () => {
  journey = await startJourney();
  loanClock.today = () => '2025-01-06';
});
afterAll(async () => {
  loanClock.today = realToday;
  await journey?.close();
});

async function signedIn(account: { email: string; password: string }, viewport?: { width: number; height: number }, day?: string) {
  const { page, problems } = await journey.newPage(viewport);
  // The browser's "today" (the forms' default dates) on the fund's business day, as a person's would be.
  if (day) await page.clock.setFixedTime(new Date(`${day}T09:00:00+07:00`));
  await logIn(page, journey.baseUrl, account);
  return { page, problems };
}

async function typeDate(page: Page, id: string, ddmmyyyy: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Tab');
}

describe('lending rules before loan applications', () => {
  it('shows a message instead of the form until the admin issues rules in force today', async () => {
    const admin = await createAccount(journey, 'alliance_admin');
    const officer = await createAccount(journey, 'fund_officer');

    // 1. A fresh alliance: no rules. The officer is told to ask the admin; no form to fill in vain.
    const o = await signedIn(officer);
    await o.page.goto(`${journey.baseUrl}/loans/new`);
    await o.page.getByTestId('no-rules-in-force').waitFor();
    expect(await o.page.getByTestId('no-rules-in-force').innerText()).toContain('Quỹ chưa ban hành quy định cho vay có hiệu lực hôm nay');
    expect(await o.page.getByText('Hãy đề nghị Quản trị Liên minh ban hành quy định cho vay.').count()).toBe(1);
    expect(await o.page.locator('#purpose').count()).toBe(0);

    // 2. The admin gets a link to the rules page, and issues a version there.
    const a = await signedIn(admin, { width: 1366, height: 900 });
    await a.page.goto(`${journey.baseUrl}/loans/new`);
    await a.page.getByRole('link', { name: 'Mở trang Quy định cho vay' }).click();
    await a.page.waitForURL(/\/loans\/rules$/);
    await a.page.getByTestId('no-rules-in-force').waitFor();
    await a.page.getByRole('button', { name: 'Ban hành quy định mới' }).click();
    // Submitted empty: Vietnamese errors on the fields, nothing sent.
    await a.page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await a.page.getByText('Lãi suất %/năm, tối đa 2 chữ số thập phân').waitFor();
    await typeDate(a.page, 'effectiveFrom', '01/01/2025');
    await a.page.locator('#maxAmountVnd').fill('500000000');
    expect(await a.page.locator('#maxAmountVnd').inputValue()).toBe('500.000.000');
    await a.page.locator('#maxTermMonths').fill('36');
    await a.page.locator('#annualRatePercent').fill('4,8');
    await a.page.locator('#note').fill('Quyết định số 12/QĐ-LM');
    await a.page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await a.page.getByText('Đang áp dụng').waitFor();
    const row = await a.page.locator('tr.ant-table-row').first().innerText();
    expect(row).toContain('01/01/2025');
    expect(row).toContain('500.000.000');
    expect(row).toContain('4,8%/năm');
    expect(row).toContain('Quyết định số 12/QĐ-LM');
    expect(await a.page.getByTestId('no-rules-in-force').count()).toBe(0);
    await screenshot(a.page, 'loan-rules-1366', true);
    expect(a.problems).toEqual([]);

    // 3. The officer now gets the form, with the rules in force above it; reads the rules, cannot issue them.
    await o.page.goto(`${journey.baseUrl}/loans/new`);
    await o.page.locator('#purpose').waitFor();
    await o.page.getByText('Quy định hiện hành: vay tối đa').waitFor();
    await o.page.goto(`${journey.baseUrl}/loans`);
    await o.page.getByRole('link', { name: 'Quy định cho vay' }).click();
    await o.page.getByText('Đang áp dụng').waitFor();
    expect(await o.page.getByRole('button', { name: 'Ban hành quy định mới' }).count()).toBe(0);
    expect(o.problems).toEqual([]);

    // 4. The rules page on a phone.
    const p = await signedIn(admin, { width: 360, height: 740 });
    await p.page.goto(`${journey.baseUrl}/loans/rules`);
    await p.page.getByText('Đang áp dụng').waitFor();
    expect(await p.page.getByTestId('rules-version').first().innerText()).toContain('4,8%/năm');
    await screenshot(p.page, 'loan-rules-360', true);
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('takes a fund officer from the rules to a disbursed loan and its first repayment, all in the browser', async () => {
    // Rules in force from the first step; a cooperative founded years ago; the fund's day is 06/01/2025.
    await createOrganisation(journey.database.db, { actor: systemActor(TENANT_ID), input: buildOrganisation({ name: 'Hợp tác xã Chè Tân Cương Mới', foundedOn: '2015-03-12' }) });
    const officer = await createAccount(journey, 'fund_officer');
    const approver = await createAccount(journey, 'alliance_admin');
    const o = await signedIn(officer, { width: 1366, height: 900 }, '2025-01-06');

    // 5. The officer files the application for the cooperative, found by name without accents.
    await o.page.goto(`${journey.baseUrl}/loans/new`);
    await o.page.locator('#organisationId').click();
    await o.page.keyboard.type('tan cuong moi');
    await o.page.getByTitle(/Hợp tác xã Chè Tân Cương Mới/).click();
    await o.page.locator('#purpose').fill('Mua máy sao chè');
    await o.page.locator('#amountVnd').fill('50000000');
    await o.page.locator('#termMonths').fill('12');
    await o.page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    await o.page.waitForURL(/\/loans\/[0-9a-f-]{36}$/);
    const loanUrl = o.page.url();
    await expect.poll(() => o.page.getByTestId('loan-status').innerText()).toBe('Chờ thẩm định');

    // 6. The officer appraises; the approval is someone else's.
    await o.page.locator('#appraisal-findings').fill('Đủ điều kiện vay theo quy định');
    await o.page.getByRole('button', { name: 'Ghi kết quả thẩm định' }).click();
    await expect.poll(() => o.page.getByTestId('loan-status').innerText()).toBe('Chờ phê duyệt');
    expect(await o.page.getByTestId('step-decision').count()).toBe(0);

    // 7. Another person approves, the officer records the contract and disburses, every date today's.
    const a = await signedIn(approver, { width: 1366, height: 900 }, '2025-01-06');
    await a.page.goto(loanUrl);
    await a.page.locator('#decision-decisionNumber').fill('01/QĐ-QHT');
    await a.page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await expect.poll(() => a.page.getByTestId('loan-status').innerText()).toBe('Đã phê duyệt');
    await o.page.reload();
    await o.page.locator('#contract-contractNumber').fill('01/2025/HĐTD');
    await o.page.getByRole('button', { name: 'Ghi hợp đồng' }).click();
    await expect.poll(() => o.page.getByTestId('loan-status').innerText()).toBe('Đã ký hợp đồng');
    await o.page.getByRole('button', { name: 'Ghi giải ngân' }).click();
    await expect.poll(() => o.page.getByTestId('loan-status').innerText()).toBe('Đang cho vay');

    // 8. On the disbursement day itself the officer records a first repayment, dated today by default, and it is split.
    await o.page.locator('#payments-amountVnd').waitFor();
    expect(await o.page.locator('#payments-paidOn').inputValue()).toBe('06/01/2025');
    await o.page.locator('#payments-amountVnd').fill('1000000');
    await o.page.getByRole('button', { name: 'Ghi khoản trả' }).click();
    await o.page.getByRole('tab', { name: /Trả nợ/ }).click();
    await expect.poll(() => o.page.getByTestId('payments').innerText()).toContain('1.000.000 đ');
    expect(await o.page.getByTestId('server-error').count()).toBe(0);
    await screenshot(o.page, 'loan-rules-first-repayment', true);
    expect([...o.problems, ...a.problems]).toEqual([]);
  });
});
