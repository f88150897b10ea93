/**
 * Journey 2: an anonymous visitor on a phone opens the portal. The home page leads with the directory search
 * and the year's figures, the charts below; it loads none of the back office. The directory finds
 * organisations by name and shows what anyone may know, never a person's name or a phone number.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, screenshot, startJourney, type Journey } from './support/journey.ts';
import { seedOrganisations } from './support/seed.ts';

const PHONE = { width: 360, height: 740 };

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
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

/** Top and bottom of an element in the page (not the viewport), in CSS pixels. */
async function place(page: Page, selector: string): Promise<{ top: number; bottom: number }> {
  return page.locator(selector).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { top: box.top + window.scrollY, bottom: box.bottom + window.scrollY };
  });
}

describe('public portal, anonymous visitor', () => {
  it('leads with the search and the figures on a phone, charts below, and loads no back office', async () => {
    const { page, problems } = await journey.newPage(PHONE);
    const consoleErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    const scripts = await watchScripts(page);
    await page.goto(journey.baseUrl);
    await page.getByTestId('figure-value').first().waitFor();
    await page.waitForLoadState('networkidle');
    // What a visitor's phone downloads before any scrolling (the first charts included, as they are in sight).
    const cold = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
    console.info(`portal home, cold: ${scripts.size} scripts, ${(cold / 1024).toFixed(1)} KB of JavaScript transferred`);
    expect(cold).toBeLessThan(250 * 1024);

    // The first screen: the search box, then the headline figures.
    const search = await place(page, 'input[type="search"]');
    const figures = await place(page, '[data-testid="headline-figures"]');
    expect(search.bottom).toBeLessThan(figures.top);
    expect(figures.top).toBeLessThan(PHONE.height);
    await screenshot(page, 'portal-home-360');

    // The charts below them, drawn once scrolled to, within the phone's width.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('div[role="img"] canvas').first().waitFor();
    const chart = await place(page, 'div[role="img"]');
    expect(chart.top).toBeGreaterThan(figures.bottom);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('img', { name: 'Theo xã, phường hiện nay' }).locator('canvas').waitFor();
    await screenshot(page, 'portal-home-360-full', true);

    // None of the staff app: neither its entry nor Ant Design in any script; a few small files in all.
    const staffEntry = /<script type="module" crossorigin src="([^"]+)"/.exec(await (await page.request.get(`${journey.baseUrl}/registry`)).text())![1]!;
    expect([...scripts.keys()].some((url) => url.endsWith(staffEntry))).toBe(false);
    for (const url of scripts.keys()) expect(await (await page.request.get(url)).text(), url).not.toMatch(/antd|@ant-design/);
    const all = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);
    console.info(`portal home, scrolled to the end: ${scripts.size} scripts, ${(all / 1024).toFixed(1)} KB of JavaScript transferred`);

    expect(consoleErrors).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('finds organisations without personal data, with filters, pages and the way back', async () => {
    const seeded = await seedOrganisations(journey, 12, (i) => (i === 0 ? { name: 'Hợp tác xã Gốm Thổ Hà', representative: 'Nguyễn Thị Đại Diện', phone: '0912345678', email: 'gomthoha@example.vn' } : {}));
    const { page, problems } = await journey.newPage(PHONE);
    await page.goto(journey.baseUrl);
    await page.getByRole('link', { name: /Xem toàn bộ danh bạ/ }).click();
    await page.waitForURL(/\/directory$/);
    await expect.poll(() => page.getByTestId('directory-entry').count()).toBe(12);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'journey2-directory-360');

    // Nothing personal anywhere on the page or in what the page received.
    const html = await page.content();
    for (const input of seeded) {
      if (input.representative) expect(html).not.toContain(input.representative);
      if (input.phone) expect(html).not.toContain(input.phone);
    }
    expect(html).not.toContain('gomthoha@example.vn');
    const api = await (await page.request.get(`${journey.baseUrl}/api/public/directory`)).json();
    expect(Object.keys(api.items[0]).sort()).toEqual(['currentCommuneCode', 'currentCommuneName', 'id', 'kind', 'name', 'sectorCode', 'status']);

    // Search by name, without accents; the search is in the address.
    const search = page.getByTestId('directory-search').locator('input');
    await search.fill('gom tho ha');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('directory-entry').count()).toBe(1);
    expect(await page.getByTestId('directory-entry').innerText()).toContain('Hợp tác xã Gốm Thổ Hà');
    expect(new URL(page.url()).searchParams.get('q')).toBe('gom tho ha');

    // A person's name finds nothing: the directory is not a way to look people up.
    await search.fill('Nguyễn Thị Đại Diện');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('directory-total').innerText()).toContain('0 tổ chức');

    // Back returns to the previous search; a filter narrows it.
    await page.goBack();
    await expect.poll(() => page.getByTestId('directory-entry').count()).toBe(1);
    await page.getByTestId('directory-search').locator('input').fill('');
    await page.getByTestId('directory-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('directory-entry').count()).toBe(12);
    await page.getByTestId('filter-kind').selectOption('THT');
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('THT');
    // The earlier list stays on screen, marked busy, until the filtered one arrives.
    await page.locator('.portal-results[aria-busy="false"]').waitFor();
    const kinds = await page.getByTestId('directory-entry').allInnerTexts();
    for (const text of kinds) expect(text).toContain('Tổ hợp tác');

    // Pages of five.
    await page.goto(`${journey.baseUrl}/directory?pageSize=5`);
    await expect.poll(() => page.getByTestId('directory-entry').count()).toBe(5);
    await page.getByRole('button', { name: /Trang sau/ }).click();
    await expect.poll(() => page.getByText('Trang 2/3').count()).toBe(1);
    await page.getByRole('button', { name: /Trang sau/ }).click();
    await expect.poll(() => page.getByTestId('directory-entry').count()).toBe(2);

    // The registry itself asks for a login.
    await page.goto(`${journey.baseUrl}/registry`);
    await page.waitForURL(/\/login\?next=/);

    expect(problems).toEqual([]);
  });

  it('shows the same home page on a wide screen, in Vietnamese or English', async () => {
    const { page, problems } = await journey.newPage({ width: 1366, height: 768 });
    await page.goto(journey.baseUrl);
    await page.getByTestId('figure-value').first().waitFor();
    await page.locator('div[role="img"] canvas').first().waitFor();
    await screenshot(page, 'portal-home-1366');
    expect(await page.locator('h1').innerText()).toBe('Danh bạ hợp tác xã');

    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('h1').innerText()).not.toBe('Danh bạ hợp tác xã');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByTestId('figure-value').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Danh bạ hợp tác xã');
    expect(problems).toEqual([]);
  });
});
