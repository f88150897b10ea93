/**
 * The lending rules in the browser: on an alliance without rules the application form is replaced by a
 * message (a link to the rules page for the admin, "ask the admin" for others); the alliance admin issues a
 * version on the rules page; then the fund officer gets the form, and reads the rules but may not issue them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loanClock } from '../src/server/modules/loans/loan-clock.ts';
import { createAccount, logIn, screenshot, startJourney, type Journey } from './support/journey.ts';

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

async function signedIn(account: { email: string; password: string }, viewport?: { width: number; height: number }) {
  const { page, problems } = await journey.newPage(viewport);
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
});
