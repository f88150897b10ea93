/**
 * The working-day calendar on a phone (360 px): the alliance's administrator opens /calendar from the menu, reads
 * the year's days off by law, makes a Saturday a working day and adds a bridge day off, then removes one; a staff
 * member reads the same calendar without any way to change it, and counts a due date across Tết.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, logIn, screenshot, startJourney, type Journey } from './support/journey.ts';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => {
  await journey?.close();
});

const PHONE = { width: 360, height: 740 };

describe('working-day calendar', () => {
  it('the administrator corrects the year on a phone; staff read it only', async () => {
    const admin = await createAccount(journey, 'alliance_admin');
    const { page, problems } = await journey.newPage(PHONE);
    await logIn(page, journey.baseUrl, admin);
    await page.goto(`${journey.baseUrl}/calendar?year=2027`);
    await page.getByRole('heading', { name: 'Lịch ngày làm việc năm 2027' }).waitFor();

    // Tết 2027 by law: 5–9/2 with the substitutes 10–11/2 for the weekend; 1/5 on a Saturday → Monday 3/5.
    const rows = page.getByTestId('calendar-days');
    await page.getByTestId('calendar-day-2027-02-10').waitFor();
    expect(await page.getByTestId('calendar-day-2027-02-10').innerText()).toContain('Nghỉ bù Tết Nguyên Đán');
    expect(await page.getByTestId('calendar-day-2027-05-03').innerText()).toContain('Theo luật');
    expect(await rows.locator('tbody tr.ant-table-row').count()).toBe(11);
    // Nothing wider than the phone's screen but the table's own scroll.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await rows.evaluate((table) => table.scrollWidth <= table.clientWidth + 1)).toBe(true);

    // A Saturday worked in exchange.
    await page.getByTestId('calendar-form-day').click();
    await page.keyboard.type('13/02/2027');
    await page.keyboard.press('Enter');
    await page.getByTestId('calendar-form-kind').getByText('Ngày làm việc').click();
    await page.getByTestId('calendar-form-name').fill('Làm bù theo Thông báo của Chính phủ');
    await page.getByTestId('calendar-form-save').click();
    await page.getByText('Đã lưu điều chỉnh ngày 13/02/2027.').waitFor();
    const saturday = page.getByTestId('calendar-day-2027-02-13');
    await saturday.waitFor();
    expect(await saturday.innerText()).toMatch(/Thứ Bảy[\s\S]*Làm bù theo Thông báo[\s\S]*Ngày làm việc[\s\S]*Điều chỉnh/);
    expect(await page.getByTestId('calendar-count').innerText()).toBe('11 ngày nghỉ ngoài cuối tuần, 1 ngày cuối tuần đi làm');

    // 3/9 instead of 1/9: the law's day made a working day from its row.
    await page.getByTestId('calendar-make-working-2027-09-01').click();
    await page.getByTestId('calendar-form-name').fill('Nghỉ 3/9 thay cho 1/9');
    await page.getByTestId('calendar-form-save').click();
    await page.getByText('Đã lưu điều chỉnh ngày 01/09/2027.').waitFor();
    expect(await page.getByTestId('calendar-day-2027-09-01').innerText()).toContain('Thay cho: Quốc khánh (ngày liền kề 1/9)');
    await screenshot(page, 'calendar-phone', true);

    // Removing the Saturday's correction.
    await page.getByTestId('calendar-remove-2027-02-13').click();
    await page.getByRole('button', { name: 'Bỏ điều chỉnh' }).last().click();
    await page.getByText('Đã bỏ điều chỉnh ngày 13/02/2027.').waitFor();
    await page.getByTestId('calendar-day-2027-02-13').waitFor({ state: 'detached' });
    const due = await page.evaluate(() => fetch('/api/calendar/due-date?from=2027-02-04&workingDays=1').then((r) => r.json()));
    expect(due.dueOn).toBe('2027-02-12');
    expect(problems).toEqual([]);

    // Staff read the same year; no form, no buttons.
    const staff = await createAccount(journey, 'alliance_staff');
    const s = await journey.newPage(PHONE);
    await logIn(s.page, journey.baseUrl, staff);
    await s.page.goto(`${journey.baseUrl}/calendar?year=2027`);
    await s.page.getByTestId('calendar-day-2027-09-01').waitFor();
    expect(await s.page.getByTestId('calendar-day-2027-09-01').innerText()).toContain('Điều chỉnh');
    await s.page.getByTestId('calendar-read-only').waitFor();
    expect(await s.page.getByTestId('calendar-form').count()).toBe(0);
    expect(await s.page.getByTestId('calendar-make-working-2027-02-05').count()).toBe(0);
    // The due-date tool counts as the server does: one working day after Thursday 4/2/2027 skips Tết to Friday 12/2.
    await s.page.getByTestId('due-from').click();
    await s.page.keyboard.type('04/02/2027');
    await s.page.keyboard.press('Enter');
    await s.page.getByTestId('due-working-days').fill('1');
    await s.page.getByTestId('due-on').filter({ hasText: '1 ngày làm việc' }).waitFor();
    expect(await s.page.getByTestId('due-on').innerText()).toBe('Hạn: Thứ Sáu, 12/02/2027 (1 ngày làm việc sau 04/02/2027, 8 ngày theo lịch)');
    expect(s.problems).toEqual([]);
  });
});
