/**
 * Journey: an alliance's staff member opens the dashboard, changes the year to 2023 and finds the seed
 * article's figures, downloads a chart as PNG and its data as .xlsx.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client.ts';
import { generateDemoProvince } from '../src/server/modules/demo/demo.generator.ts';
import { boundaryFile } from '../src/server/modules/admin-units/boundaries.test-support.ts';
import { formatCount } from '../src/shared/format.ts';
import { createAccount, logIn, screenshot, startJourney, TENANT_ID, type Journey } from './support/journey.ts';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
  await generateDemoProvince(journey.database.db, { tenantId: TENANT_ID });
});
afterAll(async () => {
  await journey?.close();
});

describe('dashboard', () => {
  it('changes the year, shows the figures and downloads a chart', async () => {
    const account = await createAccount(journey, 'alliance_staff');
    const { page, problems } = await journey.newPage();
    await logIn(page, journey.baseUrl, account);

    await page.getByRole('menuitem', { name: /báo cáo, thống kê/i }).click();
    await page.waitForURL(/\/reports$/);
    await page.getByRole('combobox', { name: 'Năm' }).click();
    await page.locator('.ant-select-item-option', { hasText: 'Năm 2023' }).click();
    // The seed article's figures for 31/12/2023, formatted the Vietnamese way.
    await page.getByText('1.116', { exact: true }).first().waitFor();
    const text = await page.locator('main, body').first().innerText();
    expect(text).toContain('1.116');
    expect(text).toMatch(/42\.153/);
    await screenshot(page, 'dashboard-2023');

    // PNG from the button under the first chart.
    const chart = page.locator('div[role="img"]:has(canvas)').first();
    await chart.scrollIntoViewIfNeeded();
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Lưu ảnh PNG' }).first().click();
    const pngDownload = await png;
    // Named by the chart, the alliance's province and the year; the picture carries its title and scope above
    // the chart (a band over the chart's own 2 × 320 px: PNG's IHDR holds the width and height at bytes 16–23).
    expect(pngDownload.suggestedFilename()).toBe('nhom-linh-vuc-bac-ninh-2023.png');
    const pngBytes = readFileSync((await pngDownload.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    const chartBox = (await chart.boundingBox())!;
    expect(Math.abs(pngBytes.readUInt32BE(16) - chartBox.width * 2)).toBeLessThanOrEqual(2);
    expect(pngBytes.readUInt32BE(20)).toBeGreaterThan(Math.round(chartBox.height) * 2 + 40);

    // The same chart's data as .xlsx, with the figures in it.
    const xlsx = page.waitForEvent('download');
    await page.getByRole('link', { name: /tải dữ liệu/i }).first().click();
    const xlsxDownload = await xlsx;
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxDownload.path())!);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells.length).toBeGreaterThan(2);
    expect(problems).toEqual([]);
  });

  it('closes a year, then shows a later correction beside the frozen figures', async () => {
    const admin = await createAccount(journey, 'alliance_admin');
    const { page, problems } = await journey.newPage();
    await logIn(page, journey.baseUrl, admin);
    await page.getByRole('menuitem', { name: /chốt số liệu/i }).click();
    await page.getByRole('combobox', { name: 'Năm' }).click();
    await page.locator('.ant-select-item-option', { hasText: 'Năm 2023' }).click();
    await page.getByText('Năm 2023 chưa được chốt.').waitFor();
    await page.getByTestId('close-year').click();
    await page.getByRole('button', { name: 'Chốt', exact: true }).click();
    // Closing counts and freezes the whole year: on a busy 2-core machine that can take longer than a click's 15 s.
    await page.getByTestId('differences-figures').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('differences-organisations').innerText()).toContain('Không có chênh lệch');

    // A correction after closing: an organisation counted in 2023 was in fact dissolved in 2023.
    const [org] = await queryRows<{ id: string; name: string; version: number }>(journey.database.db, sql`select id, name, version from organisations where founded_on < '2020-01-01' and status = 'active' order by name limit 1`);
    const res = await page.request.patch(`${journey.baseUrl}/api/cooperatives/${org!.id}`, { data: { version: org!.version, status: 'dissolved', dissolvedOn: '2023-06-30' }, headers: { origin: journey.baseUrl } });
    expect(res.status()).toBe(200);
    await page.reload();
    await page.getByRole('combobox', { name: 'Năm' }).click();
    await page.locator('.ant-select-item-option', { hasText: 'Năm 2023' }).click();
    const explained = page.getByTestId('differences-organisations');
    await explained.getByText(org!.name).waitFor();
    expect(await explained.innerText()).toContain('Ra khỏi số liệu');
    await screenshot(page, 'closed-year-2023');
    // The language switch turns the whole page, the figures' and the changes' names included.
    await page.getByTestId('language-toggle').first().click();
    await expect.poll(() => explained.innerText()).toContain('No longer counted');
    expect(await explained.innerText()).toContain('Counted in the total: yes → no');
    expect(await page.getByTestId('differences-figures').innerText()).toContain('Organisations');
    await page.getByTestId('language-toggle').first().click();
    await expect.poll(() => explained.innerText()).toContain('Được tính trong tổng số: có → không');
    expect(problems).toEqual([]);
  });

  it('loads commune boundaries and draws the communes as a choropleth map, on the dashboard and the portal', async () => {
    const admin = await createAccount(journey, 'alliance_admin');
    const { page, problems } = await journey.newPage();
    await logIn(page, journey.baseUrl, admin);
    const answer = page.waitForResponse((r) => r.url().includes('/api/reports/dashboard?'));
    await page.getByRole('menuitem', { name: /báo cáo, thống kê/i }).click();
    await page.waitForURL(/\/reports$/);
    // Five communes with organisations, as five squares in a row; the file's names lack the type prefix.
    const { byCurrentCommune } = (await (await answer).json()) as { byCurrentCommune: { commune: string; count: number }[] };
    const communes = [...byCurrentCommune].sort((x, y) => y.count - x.count).slice(0, 5);
    expect(communes).toHaveLength(5);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ranh-gioi-')), 'ranh-gioi-xa.geojson');
    writeFileSync(file, JSON.stringify(boundaryFile(communes.map((c, column) => ({ properties: { ten_xa: c.commune.replace(/^(Xã|Phường) /, '') }, column })))));

    const card = page.locator('.ant-card', { hasText: 'Theo xã, phường hiện nay' });
    await card.getByText('Liên minh chưa tải ranh giới xã').waitFor();
    await card.locator('input[type=file]').setInputFiles(file);
    await card.getByText('Đã nạp ranh giới 5 xã, phường').waitFor();
    await card.getByText('Bản đồ 5 xã, phường').waitFor();
    const map = card.locator('div[role="img"][data-map]');
    await map.scrollIntoViewIfNeeded();

    // The middle square is the third commune: hovering it tells its name and count.
    const box = (await map.boundingBox())!;
    await page.waitForTimeout(300); // ECharts' first frame
    await page.mouse.move(box.x + box.width / 2, box.y + 8 + (box.height - 56) / 2);
    const tooltip = page.locator('div', { hasText: new RegExp(`^${communes[2]!.commune}: ${formatCount(communes[2]!.count).replace('.', '\\.')} tổ chức$`) }).last();
    await tooltip.waitFor();
    await screenshot(page, 'dashboard-commune-map');

    // The portal's figures page draws the same map for anyone, once scrolled to it (the journey's portal is Bắc Ninh's).
    const visitor = await journey.newPage();
    await visitor.page.goto(`${journey.baseUrl}/so-lieu`);
    await expect
      .poll(async () => {
        await visitor.page.locator('#bieu-do').evaluate((el) => el.scrollIntoView({ block: 'end' }));
        return visitor.page.locator('div[role="img"][data-map]').count();
      })
      .toBe(1);
    await visitor.page.locator('div[role="img"][data-map]').scrollIntoViewIfNeeded();
    await visitor.page.waitForTimeout(300); // ECharts' first frame
    await screenshot(visitor.page, 'portal-commune-map');
    expect(problems).toEqual([]);
    expect(visitor.problems).toEqual([]);
  });
});
