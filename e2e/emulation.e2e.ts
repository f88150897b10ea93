/**
 * Issue 16's emulation, in one Chromium: the demo's 2024 block is there; staff at a desk create the 2025 block with
 * three cooperatives (head and deputy), its pact of two criteria, and sign it; two members' managers report their
 * results from 360 px phones (decimal comma, an evidence photo); staff see the scoreboard rank them as the rules say,
 * and publish it; a manager sees it on the phone. No console error, no English word or key on the pages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/modules/accounts/roles.ts';
import { createOrganisation } from '../src/server/modules/cooperatives/cooperatives.service.ts';
import { generateDemoEmulation } from '../src/server/modules/demo/demo.emulation.ts';
import { buildOrganisation } from '../src/server/modules/demo/factories.ts';
import { PNG_BYTES } from '../src/server/modules/difficulties/difficulties.authorization-rows.ts';
import { createAccount, horizontalOverflow, logIn, screenshot, startJourney, TENANT_ID, type Journey } from './support/journey.ts';

const PHONE = { width: 360, height: 740 };
const DESK = { width: 1366, height: 900 };
const COOPERATIVES = ['Hợp tác xã Vải thiều Thanh Hà', 'Hợp tác xã Chè Tân Cương', 'Hợp tác xã Rau sạch Yên Dũng'];
const BLOCK = 'Khối thi đua HTX nông nghiệp';
/** Words of code or English that must never reach a Vietnamese page. */
const KEYS = /\b(higher_better|lower_better|proportional|penalty|draft|signed|closed|undefined|null|NaN|true|false|Scoreboard|Results|Criteria|Members|Save|Rank|Total)\b/;

let journey: Journey;
const orgs: { id: string; name: string; registrationNumber: string }[] = [];
let staff: { email: string; password: string };
const managers: { email: string; password: string }[] = [];
const state: { pactUrl?: string } = {};

beforeAll(async () => {
  journey = await startJourney();
  for (const name of COOPERATIVES) {
    const org = await createOrganisation(journey.database.db, { actor: systemActor(TENANT_ID), input: buildOrganisation({ name, kind: 'HTX', status: 'active', sectorCode: 'agriculture', foundedOn: '2019-03-01' }) });
    orgs.push({ id: org.id, name, registrationNumber: org.registrationNumber! });
  }
  // The demo's 2024 block, made of the same cooperatives.
  await generateDemoEmulation(journey.database.db, { tenantId: TENANT_ID });
  staff = await createAccount(journey, 'alliance_staff');
  for (const org of orgs.slice(0, 2)) managers.push(await createAccount(journey, 'coop_manager', { organisationRegistrationNumber: org.registrationNumber }));
});
afterAll(async () => {
  await journey?.close();
});

/** Console errors, page errors and keys or English on the page: none allowed. */
async function openClean(page: Page, problems: string[]) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return async () => {
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(KEYS);
    expect(problems).toEqual([]);
  };
}

/** The option of the select just opened (the newest dropdown, appended last; the ones closed before stay hidden). */
async function pickOption(page: Page, option: string) {
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).last().click();
}

async function chooseOption(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await pickOption(page, option);
}

describe('emulation journey', () => {
  it('staff create the 2025 block of three with head and deputy, a pact of two criteria, and sign it', async () => {
    const { page, problems } = await journey.newPage(DESK);
    const check = await openClean(page, problems);
    await logIn(page, journey.baseUrl, staff);
    await page.goto(`${journey.baseUrl}/emulation?year=2024`);
    await page.getByText('Khối thi đua các HTX').first().waitFor();
    await page.goto(`${journey.baseUrl}/emulation?year=2025`);
    await page.getByText('Chưa có khối thi đua nào trong năm.').waitFor();
    await check();
    await page.getByTestId('new-block').click();
    await page.fill('#block-name', BLOCK);
    for (const org of orgs) {
      await page.locator('#block-members').fill(org.name.slice(-10));
      await pickOption(page, `${org.name} — ${org.registrationNumber}`);
    }
    await page.locator('#block-head').click();
    await pickOption(page, orgs[0]!.name);
    await page.locator('#block-deputy').click();
    await pickOption(page, orgs[1]!.name);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/emulation\/blocks\//);
    await page.getByText(orgs[0]!.name).first().waitFor();
    await page.getByTestId('create-pact').click();
    await page.waitForURL(/\/emulation\/pacts\//);
    state.pactUrl = page.url();

    await page.getByTestId('add-criterion').click();
    await page.getByTestId('add-criterion').click();
    await page.getByLabel('Tiêu chí 1', { exact: true }).fill('Tăng trưởng doanh thu');
    await page.getByLabel('Đơn vị tính 1', { exact: true }).fill('%');
    await page.getByLabel('Chỉ tiêu 1', { exact: true }).fill('10');
    await page.getByLabel('Điểm chuẩn 1', { exact: true }).fill('20');
    await page.getByLabel('Tối đa 1', { exact: true }).fill('25');
    await page.getByLabel('Bước 1', { exact: true }).fill('5');
    await page.getByLabel('Thưởng/bước 1', { exact: true }).fill('1');
    await page.getByLabel('Tiêu chí 2', { exact: true }).fill('Số lần nộp báo cáo trễ hạn');
    await page.getByLabel('Đơn vị tính 2', { exact: true }).fill('lần');
    await page.getByLabel('Chỉ tiêu 2', { exact: true }).fill('0');
    await chooseOption(page, 'Chiều 2', 'Thấp hơn là tốt');
    await chooseOption(page, 'Khi chưa đạt 2', 'Trừ điểm');
    await page.getByLabel('Trừ/bước 2', { exact: true }).fill('5');
    await page.getByTestId('save-criteria').click();
    await page.getByText('Đã lưu tiêu chí.').waitFor();
    await page.locator('#signed-on').fill('15/02/2025');
    await page.locator('#signed-on').press('Enter');
    await page.getByTestId('sign-pact').click();
    await page.getByText('Đã ký giao ước.').waitFor();
    // Signed: the rules in words.
    await page.getByText('Đạt chỉ tiêu 10 %: 20 điểm').first().waitFor();
    await page.getByText('trừ 5 điểm cho mỗi 1 lần vượt quá').first().waitFor();
    await check();
    await screenshot(page, 'emulation-pact-1366');
  });

  for (const [i, values] of [['17,5', '0'], ['8', '1']].entries()) {
    it(`the manager of ${COOPERATIVES[i]} reports its results from a 360 px phone`, async () => {
      const { page, problems } = await journey.newPage(PHONE);
      const check = await openClean(page, problems);
      await logIn(page, journey.baseUrl, managers[i]!);
      await page.getByTestId('member-emulation').click();
      await page.getByTestId('member-pact').waitFor();
      await page.getByTestId('result-1').fill(values[0]!);
      await page.getByTestId('result-2').fill(values[1]!);
      if (i === 0) {
        await page.locator('input[type=file]').first().setInputFiles({ name: 'so-ke-toan.png', mimeType: 'image/png', buffer: PNG_BYTES });
        await page.getByText('Minh chứng: so-ke-toan.png').waitFor();
      }
      await page.getByTestId('save-results').click();
      await page.getByText('Đã lưu kết quả.').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await check();
      if (i === 0) await screenshot(page, 'emulation-member-360', true);
    });
  }

  it('staff see the ranking the rules give, and publish the scoreboard', async () => {
    const { page, problems } = await journey.newPage(DESK);
    const check = await openClean(page, problems);
    await logIn(page, journey.baseUrl, staff);
    await page.goto(state.pactUrl!);
    // The results as reported (decimal comma) and the first member's evidence photo.
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    await page.getByText('so-ke-toan.png').waitFor();
    expect(await page.getByLabel(`${orgs[0]!.name} — Tăng trưởng doanh thu`, { exact: true }).inputValue()).toBe('17,5');
    await page.getByRole('tab', { name: 'Bảng điểm' }).click();
    const rows = page.locator('[data-testid=scoreboard] tbody tr.ant-table-row');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    // 17,5 %: 20 + one whole step of 5 over = 21, no late report: 10 → 31. 8 %: 20 × 8/10 = 16, one late: 10 − 5 → 21.
    // The third did not report: 0.
    const texts = await rows.allInnerTexts();
    expect(texts.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      `1 ${orgs[0]!.name} 21,00 10,00 31,00`,
      `2 ${orgs[1]!.name} 16,00 5,00 21,00`,
      `3 ${orgs[2]!.name} chưa báo cáo chưa báo cáo 0,00`,
    ]);
    expect(await page.getByTestId('tie-break').innerText()).toContain('tiêu chí 1');
    await page.getByTestId('publish-scoreboard').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByText(/Đã công bố bảng điểm ngày/).waitFor();
    await check();
    await screenshot(page, 'emulation-scoreboard-1366');
  });

  it('a member sees the published scoreboard on the phone, with its own results only', async () => {
    const { page, problems } = await journey.newPage(PHONE);
    const check = await openClean(page, problems);
    await logIn(page, journey.baseUrl, managers[1]!);
    await page.goto(`${journey.baseUrl}/member/emulation`);
    await page.getByTestId('open-scoreboard').click();
    await page.getByTestId('member-scoreboard').waitFor();
    const totals = await page.getByTestId('row-total').allInnerTexts();
    expect(totals).toEqual(['31,00', '21,00', '0,00']);
    const own = await page.getByTestId('own-row').innerText();
    expect(own).toContain(`2. ${orgs[1]!.name} (hợp tác xã của bạn)`);
    expect(own).toContain('kết quả 8');
    // The leader's results (17,5 %) are its own business.
    expect(await page.locator('body').innerText()).not.toContain('17,5');
    expect(await horizontalOverflow(page)).toBe(0);
    await check();
    await screenshot(page, 'emulation-member-scoreboard-360', true);
  });
});
