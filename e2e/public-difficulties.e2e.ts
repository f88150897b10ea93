/**
 * An anonymous visitor on a phone (360 px) reads the published difficulties (/kien-nghi): the published ones
 * only, a cooperative's name only when it agreed, the agency's answer, the year's figures; one opens on its own
 * page; an unpublished one is not found. The home links to the page without loading its code. Staff read the
 * year's report (/reports/requests) and download it.
 * Data: src/server/modules/difficulties/requests-report.test-support.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRequestsFixture, type Fixture } from '../src/server/modules/difficulties/requests-report.test-support.ts';
import ExcelJS from 'exceljs';
import { createAccount, horizontalOverflow, logIn, screenshot, startJourney, TENANT_ID, type Journey } from './support/journey.ts';

const PHONE = { width: 360, height: 740 };
const OTHER_TENANT = 1;

let journey: Journey;
let f: Fixture;
beforeAll(async () => {
  journey = await startJourney();
  f = await insertRequestsFixture(journey.database.db, TENANT_ID, OTHER_TENANT);
});
afterAll(async () => {
  await journey?.close();
});

describe('published difficulties, anonymous visitor on a phone', () => {
  it('lists the published ones with their answers and the figures, within the width of a phone', async () => {
    const { page, problems } = await journey.newPage(PHONE);
    await page.goto(`${journey.baseUrl}/kien-nghi?tenant=${TENANT_ID}&year=2025`);
    await page.getByTestId('difficulty-entry').first().waitFor();
    await page.getByTestId('figures-by-agency').waitFor();
    expect(await page.getByTestId('difficulty-entry').count()).toBe(2);
    const text = await page.locator('main').innerText();
    expect(text).toContain('HTX A');
    expect(text).toContain(`Một hợp tác xã ở ${f.communes[1]!.name}`);
    expect(text).toContain('Sở Tài chính trả lời — văn bản số 345/STC-QLG ngày 10/04/2025');
    expect(text).toContain('Đất đai');
    // Not the cooperative that did not agree, not one that is not published, not another alliance's, no key.
    expect(text).not.toContain('HTX C');
    expect(text).not.toContain('HTX B');
    expect(text).not.toContain('Khó khăn của Liên minh khác');
    expect(text).not.toMatch(/capital_credit|registration_legal|\bland\b|answered/);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'portal-difficulties-360', true);

    // A filter is a new address; the category narrows the list to the land one.
    await page.getByLabel('Lĩnh vực').selectOption('land');
    await page.waitForURL(/category=land/);
    await page.getByText('1 khó khăn, kiến nghị được công khai').waitFor();

    // One opens on its own page with the whole answer.
    await page.getByRole('link', { name: 'Khó khăn d3' }).click();
    await page.getByTestId('difficulty-detail').waitFor();
    expect(page.url()).toBe(`${journey.baseUrl}/kien-nghi/${f.ids.d3}`);
    expect(await page.getByTestId('difficulty-detail').innerText()).toContain('Sở Tài chính đã hướng dẫn thủ tục thuê đất.');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(problems).toEqual([]);
  });

  it('answers an unpublished one as not found, in Vietnamese', async () => {
    const { page } = await journey.newPage(PHONE);
    await page.goto(`${journey.baseUrl}/kien-nghi/${f.ids.d2}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Không tìm thấy');
    expect(await page.locator('main').innerText()).not.toContain('HTX B');
  });

  it('is linked from the home, whose scripts do not carry it', async () => {
    const { page } = await journey.newPage(PHONE);
    const scripts: string[] = [];
    page.on('response', (response) => response.request().resourceType() === 'script' && scripts.push(response.url()));
    await page.goto(journey.baseUrl);
    await page.getByTestId('figure-value').first().waitFor();
    await page.waitForLoadState('networkidle');
    const loaded = await Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
    expect(loaded.some((body) => body.includes('khó khăn, kiến nghị được công khai'))).toBe(false);
    await page.getByRole('link', { name: /Khó khăn, kiến nghị của hợp tác xã/ }).click();
    await page.waitForURL(/\/kien-nghi$/);
    await page.getByRole('heading', { name: 'Khó khăn, kiến nghị của hợp tác xã' }).waitFor();
  });
});

describe("the staff's report", () => {
  it('shows a past year as counted by hand, on a phone, and downloads it as .xlsx', async () => {
    const { page, problems } = await journey.newPage(PHONE);
    await logIn(page, journey.baseUrl, await createAccount(journey, 'alliance_staff'));
    await page.goto(`${journey.baseUrl}/reports/requests?year=2025`);
    await page.getByTestId('requests-report-summary').waitFor();
    const summary = await page.getByTestId('requests-report-summary').innerText();
    expect(summary).toMatch(/Tiếp nhận\s+11/);
    expect(summary).toMatch(/Chuyển sang năm sau\s+7/);
    expect(summary).toMatch(/Quá hạn\s+3/);
    const agencies = await page.getByTestId('requests-report-by-agency').innerText();
    expect(agencies).toMatch(/Ngân hàng Chính sách xã hội tỉnh\s+4\s+3\s+9\s+10\s+0/);
    expect(await page.getByTestId('requests-report-by-category').innerText()).toContain('Vốn, tín dụng');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'requests-report-360', true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('requests-report-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('kien-nghi-2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Theo lĩnh vực', 'Theo cơ quan', 'Theo xã, phường']);
    expect(problems).toEqual([]);
  });
});
