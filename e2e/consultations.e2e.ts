/**
 * Expert consultations, whole path in one browser: a cooperative's manager asks for advice on a 360 px phone;
 * staff add the expert to the roster, assign them with a date and a form, record the session and the outcome;
 * the manager sees it and rates it; the staff's report counts it (requested, done, the rating) and no longer
 * lists the cooperative as waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemActor } from '../src/server/modules/accounts/roles.ts';
import { createOrganisation } from '../src/server/modules/cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../src/server/modules/demo/factories.ts';
import { todayInVietnam } from '../src/server/modules/calendar/working-days.ts';
import { chooseOption, createAccount, horizontalOverflow, logIn, screenshot, startJourney, TENANT_ID, type Journey } from './support/journey.ts';

const PHONE = { width: 360, height: 740 };
// A page's answer may take longer than expect.poll's default second on a busy machine (not a speed check).
const POLL = { timeout: 15_000 };
const NAME = 'Hợp tác xã Rau an toàn Tư Vấn';
const EXPERT = 'TS. Hoàng Văn Sổ Sách';
const today = todayInVietnam();
const ddmmyyyy = today.split('-').reverse().join('/');

let journey: Journey;
let registrationNumber: string;
beforeAll(async () => {
  journey = await startJourney();
  const org = await createOrganisation(journey.database.db, { actor: systemActor(TENANT_ID), input: buildOrganisation({ name: NAME, registeredCommune: 'Xã Tân Dĩnh' }) });
  registrationNumber = org.registrationNumber!;
});
afterAll(async () => {
  await journey?.close();
});

/** Picks an option of an antd select opened by clicking it. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

async function save(page: Page) {
  const dialog = page.locator('.ant-modal');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  // A dialog that stays open says why (a field's message): the failure shows it.
  await dialog.waitFor({ state: 'detached' }).catch(async (error: Error) => {
    throw new Error(`${error.message}\nThe dialog still shows: ${await dialog.innerText().catch(() => '')}`);
  });
}

describe('expert consultations', () => {
  it('a manager asks on a phone, staff assign, hold and close it, the manager rates it, the report counts it', async () => {
    const manager = await createAccount(journey, 'coop_manager', { organisationRegistrationNumber: registrationNumber });
    const staffAccount = await createAccount(journey, 'alliance_staff');

    // The manager, on a phone: from their home to the consultations page, asks about accounting.
    const phone = await journey.newPage(PHONE);
    await logIn(phone.page, journey.baseUrl, manager);
    await phone.page.getByTestId('member-consultations').click();
    await phone.page.getByRole('heading', { name: 'Tư vấn chuyên sâu' }).waitFor();
    await phone.page.getByTestId('ask-submit').click();
    await phone.page.getByText('Vui lòng chọn lĩnh vực cần tư vấn.').waitFor();
    await phone.page.getByTestId('ask-topic-accounting').check();
    await phone.page.getByLabel(/^Nội dung cần tư vấn/).fill('Cần hướng dẫn mở sổ kế toán và lập báo cáo tài chính năm.');
    await phone.page.getByTestId('ask-submit').click();
    await phone.page.getByTestId('consultation-asked').waitFor();
    // The request's own card (the form above lists the topics too).
    const card = phone.page.locator('section.m-card').filter({ has: phone.page.getByTestId('consultation-state') });
    await expect.poll(() => card.getByTestId('consultation-state').innerText(), POLL).toBe('Chờ phân công');
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await screenshot(phone.page, 'consultations-phone-asked', true);

    // Staff: the expert joins the roster.
    const staff = await journey.newPage();
    await logIn(staff.page, journey.baseUrl, staffAccount);
    await staff.page.goto(`${journey.baseUrl}/experts`);
    await staff.page.getByTestId('expert-add').click();
    await staff.page.locator('#expert-name').fill(EXPERT);
    await choose(staff.page, 'expert-fields', 'Kế toán, tài chính');
    await staff.page.keyboard.press('Escape');
    await staff.page.locator('#expert-phone').fill('0912 345 678');
    await save(staff.page);
    await staff.page.getByTestId(`expert-row-${EXPERT}`).waitFor();

    // The waiting request, from the menu.
    await staff.page.getByRole('menuitem', { name: 'Tư vấn chuyên sâu' }).click();
    await staff.page.getByTestId('consultation-count-requested').filter({ hasText: '(1)' }).waitFor();
    await staff.page.getByTestId('consultation-open').filter({ hasText: NAME }).click();
    await staff.page.getByTestId('consultation-description').filter({ hasText: 'mở sổ kế toán' }).waitFor();
    expect(await staff.page.getByTestId('action-session').count()).toBe(0); // not before an expert is assigned

    // Assign the expert, a date (today) and the form.
    await staff.page.getByTestId('action-schedule').click();
    await chooseOption(staff.page, '#action-expert', EXPERT);
    const date = staff.page.locator('#action-scheduled-on');
    await date.click();
    await date.fill(ddmmyyyy);
    await date.press('Tab');
    await chooseOption(staff.page, '#action-form', 'Đến tận nơi');
    await save(staff.page);
    await expect.poll(() => staff.page.getByTestId('consultation-state').innerText(), POLL).toBe('Đã hẹn lịch');
    expect(await staff.page.getByTestId('consultation-expert').innerText()).toBe(EXPERT);
    expect(await staff.page.getByTestId('action-complete').count()).toBe(0); // not before a session

    // The session (its date and form proposed from the appointment), then the outcome.
    await staff.page.getByTestId('action-session').click();
    await staff.page.locator('#action-notes').fill('Hướng dẫn mở sổ nhật ký chung, hạch toán doanh thu bán rau.');
    await save(staff.page);
    await staff.page.getByTestId('consultation-sessions').filter({ hasText: 'nhật ký chung' }).waitFor();
    await staff.page.getByTestId('action-complete').click();
    await staff.page.locator('#action-outcome').fill('Hợp tác xã tự lập được sổ kế toán và báo cáo tài chính.');
    await save(staff.page);
    await expect.poll(() => staff.page.getByTestId('consultation-state').innerText(), POLL).toBe('Đã tư vấn');
    expect(await staff.page.getByTestId('action-cancel').count()).toBe(0);
    await screenshot(staff.page, 'consultations-staff-done', true);

    // The manager sees the outcome and rates it once.
    await phone.page.reload();
    const done = card;
    await expect.poll(() => done.getByTestId('consultation-state').innerText(), POLL).toBe('Đã tư vấn');
    await done.getByTestId('consultation-toggle').click();
    await done.getByTestId('consultation-outcome').filter({ hasText: 'tự lập được sổ kế toán' }).waitFor();
    await done.getByTestId('rating-submit').click();
    await done.getByText('Vui lòng chọn mức đánh giá (1 đến 5).').waitFor();
    await done.getByTestId('rating-4').check();
    await done.getByLabel('Nhận xét (không bắt buộc)').fill('Chuyên gia hướng dẫn dễ hiểu.');
    await done.getByTestId('rating-submit').click();
    await expect.poll(() => done.getByTestId('consultation-rated').innerText(), POLL).toContain('4/5');
    expect(await done.getByTestId('rating-form').count()).toBe(0);
    expect(await horizontalOverflow(phone.page)).toBe(0);
    await screenshot(phone.page, 'consultations-phone-rated', true);

    // The report counts it: one accounting request, done, rated 4; nobody waiting.
    await staff.page.goto(`${journey.baseUrl}/consultations?tab=report`);
    const row = staff.page.getByTestId('report-topic-accounting');
    await expect.poll(() => row.locator('td').allInnerTexts(), POLL).toEqual(['Kế toán, tài chính', '1', '1', '4']);
    await staff.page.getByText('Không có hợp tác xã nào đang chờ.').waitFor();
    await staff.page.getByRole('heading', { name: 'Theo xã, phường' }).waitFor();
    await staff.page.getByRole('cell', { name: 'Xã Tân Dĩnh' }).waitFor();

    // The staff pages at 360 px: no sideways scrolling of the page itself.
    const small = await journey.newPage(PHONE);
    await logIn(small.page, journey.baseUrl, staffAccount);
    for (const path of ['/consultations', '/consultations?tab=report', '/experts']) {
      await small.page.goto(`${journey.baseUrl}${path}`);
      await small.page.getByRole('heading', { level: 1 }).waitFor();
      await small.page.locator('.ant-table-row').first().waitFor();
      expect(await horizontalOverflow(small.page), path).toBe(0);
    }
    expect([...phone.problems, ...staff.problems, ...small.problems]).toEqual([]);
  });
});
