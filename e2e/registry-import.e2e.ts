/**
 * Journey 1 (the issue's): registry staff import the alliance's workbook through the import page (dry run,
 * then for real), find a cooperative by typing its name without accents, open it, change one figure and
 * see the change in its audit trail.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, logIn, screenshot, startJourney, type Journey } from './support/journey.ts';
import { repoRoot } from './support/web-root.ts';

// CI copies shared/ beside the clone, as it sits beside the working tree here.
const SAMPLE = path.resolve(repoRoot, '../shared/data/sample-registry.xlsx');

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => {
  await journey?.close();
});

describe('import the registry workbook, then find and edit a cooperative', () => {
  it('works end to end in the browser', async () => {
    const staff = await createAccount(journey, 'alliance_staff');
    const { page, problems } = await journey.newPage();
    await logIn(page, journey.baseUrl, staff);
    await expect.poll(() => page.url()).toContain('/registry');

    // Import page, from the menu.
    await page.getByRole('menuitem', { name: 'Nhập từ Excel' }).click();
    await page.locator('input[type=file]').setInputFiles(SAMPLE);
    await page.getByTestId('import-dry-run').click();

    // Dry run: what would happen, nothing written yet (the workbook's answers: sample-registry.expected.json).
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    await expect.poll(() => preview.getByTestId('import-count-imported').innerText()).toContain('237');
    expect(await preview.getByTestId('import-count-duplicates').innerText()).toContain('3');
    expect(await preview.getByTestId('import-count-rejected').innerText()).toContain('2');
    for (const row of ['243', '244', '245', '246', '247']) expect(await preview.getByRole('cell', { name: row, exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'journey1-import-preview', true);
    const before = await page.request.get(`${journey.baseUrl}/api/cooperatives?pageSize=1`);
    expect((await before.json()).total).toBe(0);

    // Confirm: progress, then the same report, downloadable.
    // Upload progress first, then "processing" while the server writes 237 organisations. The page records
    // every text the progress box shows, so that a quick server cannot slip the state past a polling wait.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { importPhases: string[] }).importPhases = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    const phases = await page.evaluate(() => (window as unknown as { importPhases: string[] }).importPhases);
    expect(phases.some((p) => p.includes('Đang tải tệp lên…'))).toBe(true);
    expect(phases.at(-1)).toContain('Máy chủ đang xử lý…');
    const result = page.getByTestId('import-result');
    expect(await result.getByTestId('import-count-imported').innerText()).toContain('237');
    const href = await result.getByTestId('import-report-download').getAttribute('href');
    expect(href).toMatch(/^\/api\/imports\/[0-9a-f-]+\/report\.xlsx$/);
    const report = await page.request.get(`${journey.baseUrl}${href}`);
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toContain('spreadsheetml');

    // Search without accents.
    await page.getByRole('menuitem', { name: 'Sổ đăng ký' }).click();
    await page.getByTestId('registry-search').locator('input').fill('buoi dien tan yen');
    await page.getByTestId('registry-search').locator('input').press('Enter');
    const link = page.getByRole('link', { name: 'Hợp tác xã Bưởi Diễn Tân Yên' });
    await link.first().waitFor();
    await screenshot(page, 'journey1-search');
    await link.first().click();

    // Detail page, then edit the number of regular workers.
    await expect.poll(() => page.getByTestId('organisation-name').innerText()).toBe('Hợp tác xã Bưởi Diễn Tân Yên');
    const workersBefore = Number((await page.getByTestId('field-workers').innerText()).replace(/\D/g, ''));
    const workersAfter = workersBefore + 7;
    await page.getByTestId('edit-button').click();
    await page.locator('#workers').fill(String(workersAfter));
    await page.getByTestId('save-button').click();
    await expect.poll(() => page.getByTestId('field-workers').innerText()).toBe(String(workersAfter));

    // The audit trail shows the change, before and after.
    await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
    const change = page.getByTestId('audit-change-workers').first();
    await change.waitFor();
    const text = await change.innerText();
    expect(text).toContain('Lao động thường xuyên');
    expect(text).toContain(String(workersBefore));
    expect(text).toContain(String(workersAfter));
    await page.getByRole('tab', { name: 'Lịch sử tình trạng' }).click();
    await page.getByTestId('status-history').waitFor();
    await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
    await page.getByTestId('audit-trail').waitFor();
    await page.waitForTimeout(400); // the tab's ink bar slides
    await screenshot(page, 'journey1-audit');

    expect(problems).toEqual([]);
  });
});
