/**
 * Journey 2: an anonymous visitor on a phone opens the portal's directory and figures, rendered on the server.
 * The directory finds organisations by name (accents or not) with a plain form — with JavaScript off too — and
 * shows what anyone may know, never a person's name or a phone number. The figures page reads as text and
 * tables; its charts are drawn over them by a small script, and no page loads the back office.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, screenshot, startJourney, type Journey } from './support/journey.ts';
import { seedOrganisations } from './support/seed.ts';

const PHONE = { width: 360, height: 740 };

let journey: Journey;
let seeded: Awaited<ReturnType<typeof seedOrganisations>>;
beforeAll(async () => {
  journey = await startJourney();
  seeded = await seedOrganisations(journey, 24, (i) => (i === 0 ? { name: 'Hợp tác xã Gốm Thổ Hà', representative: 'Nguyễn Thị Đại Diện', phone: '0912345678', email: 'gomthoha@example.vn' } : {}));
});
afterAll(async () => {
  await journey?.close();
});

/** The scripts a page loads, with the bytes that came over the wire for each (compressed as sent). */
async function watchScripts(page: Page): Promise<Map<string, number>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const scripts = new Map<string, number>();
  const urls = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') urls.set(e.requestId, e.response.url);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId);
    if (url) scripts.set(url, e.encodedDataLength);
  });
  await cdp.send('Network.enable');
  return scripts;
}

const entries = (page: Page) => page.getByTestId('directory-entry');

describe('public directory and figures, anonymous visitor', () => {
  it('finds organisations on a phone without personal data, by a form that needs no script', async () => {
    const { page, problems } = await journey.newPage(PHONE);
    const scripts = await watchScripts(page);
    await page.goto(`${journey.baseUrl}/danh-ba`);
    expect(await entries(page).count()).toBe(20);
    expect(await page.getByTestId('directory-total').innerText()).toBe('24 kết quả');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'journey2-directory-360');

    // Nothing personal anywhere on the page.
    const html = await page.content();
    for (const input of seeded) {
      if (input.representative) expect(html).not.toContain(input.representative);
      if (input.phone) expect(html).not.toContain(input.phone);
    }
    expect(html).not.toContain('gomthoha@example.vn');

    // Search by name without accents: the search is the page's address.
    await page.getByLabel(/Tên hợp tác xã/).fill('gom tho ha');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/q=gom\+tho\+ha/);
    expect(await entries(page).count()).toBe(1);
    expect(await entries(page).innerText()).toContain('Hợp tác xã Gốm Thổ Hà');

    // A person's name finds nothing: the directory is not a way to look people up.
    await page.getByLabel(/Tên hợp tác xã/).fill('Nguyễn Thị Đại Diện');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect.poll(() => page.getByTestId('directory-total').innerText()).toBe('Không tìm thấy tổ chức nào.');

    // Back returns to the previous search; a filter narrows the whole list.
    await page.goBack();
    expect(await entries(page).count()).toBe(1);
    await page.goto(`${journey.baseUrl}/danh-ba`);
    await page.getByLabel('Loại hình').selectOption('THT');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/loai=THT/);
    for (const text of await entries(page).allInnerTexts()) expect(text).toContain('Tổ hợp tác');

    // The next page, and the old address of the directory.
    await page.goto(`${journey.baseUrl}/directory?q=&page=2`);
    await page.waitForURL(/\/danh-ba\?trang=2$/);
    expect(await entries(page).count()).toBe(4);
    await page.getByRole('link', { name: /Trang trước/ }).click();
    expect(await entries(page).count()).toBe(20);

    expect(scripts.size).toBe(0);
    expect(problems).toEqual([]);
  });

  it('works the same with JavaScript turned off', async () => {
    const context = await journey.browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${journey.baseUrl}/danh-ba`);
    await page.getByLabel(/Tên hợp tác xã/).fill('Gốm Thổ');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/q=/);
    expect(await entries(page).count()).toBe(1);
    await page.goto(`${journey.baseUrl}/so-lieu`);
    expect(await page.getByTestId('figure-value').first().innerText()).toBe('24');
    expect(await page.locator('table caption').allInnerTexts()).toContain('Theo lĩnh vực');
    await context.close();
  });

  it('draws the figures charts over the page on a phone and on a wide screen, without the back office', async () => {
    for (const viewport of [PHONE, { width: 1366, height: 768 }]) {
      const { page, problems } = await journey.newPage(viewport);
      const consoleErrors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
      const scripts = await watchScripts(page);
      await page.goto(`${journey.baseUrl}/so-lieu`);
      expect(await page.getByTestId('figure-value').first().innerText()).toBe('24');
      await page.locator('#bieu-do div[role="img"] canvas').first().waitFor();
      // The charts lower down are drawn as they come near: scroll through them.
      const communes = page.getByRole('img', { name: 'Theo xã, phường hiện nay' }).locator('canvas');
      await expect
        .poll(async () => {
          await page.locator('#bieu-do').evaluate((el) => el.scrollIntoView({ block: 'end' }));
          return communes.count();
        })
        .toBeGreaterThan(0);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, `portal-figures-${viewport.width}`, true);

      // None of the staff app: neither its entry nor Ant Design in any script.
      const staffEntry = /<script type="module" crossorigin src="([^"]+)"/.exec(await (await page.request.get(`${journey.baseUrl}/registry`)).text())![1]!;
      expect([...scripts.keys()].some((url) => url.endsWith(staffEntry))).toBe(false);
      for (const url of scripts.keys()) expect(await (await page.request.get(url)).text(), url).not.toMatch(/antd|@ant-design/);
      const bytes = [...scripts.values()].reduce((sum, n) => sum + n, 0);
      console.info(`figures page at ${viewport.width} px: ${scripts.size} scripts, ${(bytes / 1024).toFixed(1)} KB of JavaScript transferred`);
      expect(consoleErrors).toEqual([]);
      expect(problems).toEqual([]);
    }
  });
});
