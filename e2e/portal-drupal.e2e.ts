/**
 * The move off Drupal, as a reader finds it: the fixture site's Drupal 8 tables imported into the portal's
 * alliance (as `coop portal import-drupal` does), then an old link — /node/123, the old alias — opened in Chromium
 * lands on the friendly address with the seed article's seven photos (loaded), their captions, the author line and
 * the category; with JavaScript on and off, on a desktop and on a phone.
 * Data: src/server/modules/portal/drupal/fixtures/ (make-fixtures.ts).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDrupalSite, type DrupalImportReport } from '../src/server/modules/portal/drupal/drupal-import.ts';
import { readDrupalSource } from '../src/server/modules/portal/drupal/drupal-source.ts';
import { axeProblems } from './support/axe.ts';
import { horizontalOverflow, screenshot, startJourney, TENANT_ID, type Journey } from './support/journey.ts';

const D8 = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../src/server/modules/portal/drupal/fixtures/d8');
const SEED_PATH = '/tin-tuc/hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023';
const SEED_ALIAS = '/tin-tuc/hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023.html';
const TITLE = 'Hội nghị tổng kết hoạt động thành viên năm 2023 – triển khai nhiệm vụ trọng tâm năm 2024';
const CAPTIONS = ['Quang cảnh Hội nghị', 'Đồng chí Nguyễn Đức Hiền, Chủ tịch Liên minh HTX tỉnh phát biểu kết luận Hội nghị'];
const PHONE = { width: 360, height: 740 };

let journey: Journey;
let report: DrupalImportReport;
beforeAll(async () => {
  journey = await startJourney();
  // The alliance the journey's portal shows (journey.ts sets PORTAL_TENANT to it).
  report = await importDrupalSite(journey.database.db, { site: await readDrupalSource(D8), tenantId: TENANT_ID });
});
afterAll(async () => {
  await journey?.close();
});

/** The article as the reader sees it: title, the seven photos loaded, captions, author line, category. */
async function expectSeedArticle(page: Page) {
  expect(new URL(page.url()).pathname).toBe(SEED_PATH);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  // The body's seven photos (the first is also the cover, shown above it).
  expect(await page.locator('main .body figure img').count()).toBe(7);
  for (const photo of await page.locator('main figure img').all()) {
    await photo.scrollIntoViewIfNeeded();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await photo.getAttribute('src')).toMatch(/^\/media\/[0-9a-f-]{36}\/\d+\.(webp|jpeg)$/);
  }
  const captions = await page.locator('main .body figcaption').allInnerTexts();
  for (const caption of CAPTIONS) expect(captions).toContain(caption);
  const text = await page.locator('main').innerText();
  expect(text).toMatch(/Nguyễn Thị Thúy\s*-\s*Chánh Văn phòng/);
  expect(text).toContain('Hội thảo, tập huấn bồi dưỡng');
  expect(text).toContain('Sáng ngày 05/3/2024');
  expect(text).not.toMatch(/sites\/default\/files|onclick|undefined/);
}

describe('old Drupal links in Chromium', () => {
  it('the import brought the site over', () => {
    expect({ imported: report.imported.length, failed: report.failed.length, copied: report.images.copied, redirects: report.redirects }).toEqual({ imported: 50, failed: 0, copied: 10, redirects: 66 });
  });

  it('/node/123 answers 301 and lands on the friendly address with the photos, captions, author line and category', async () => {
    const { page, problems } = await journey.newPage();
    const response = await page.goto(`${journey.baseUrl}/node/123`);
    const first = response!.request().redirectedFrom();
    expect(first?.url()).toBe(`${journey.baseUrl}/node/123`);
    expect((await first!.response())!.status()).toBe(301);
    expect(response!.status()).toBe(200);
    await expectSeedArticle(page);
    await screenshot(page, 'portal-drupal-node-123', true);
    // The article page as a reader with a screen reader or a keyboard meets it (WCAG 2.1 AA), wide and on a phone.
    expect(await axeProblems(page), 'article at 1280 px').toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await axeProblems(page), 'article at 360 px').toEqual([]);
    expect(problems).toEqual([]);
  });

  it('the same without JavaScript, on a phone, from the old alias', async () => {
    const context = await journey.browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${journey.baseUrl}${SEED_ALIAS}`);
      expect((await response!.request().redirectedFrom()!.response())!.status()).toBe(301);
      await expectSeedArticle(page);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'portal-drupal-alias-nojs-360', true);
    } finally {
      await context.close();
    }
  });

  it('another article\'s old alias and an unknown old node', async () => {
    const { page } = await journey.newPage(PHONE);
    const moved = report.imported.find((i) => i.nid === 108)!;
    await page.goto(`${journey.baseUrl}/content/${moved.path.split('/').pop()}`);
    expect(new URL(page.url()).pathname).toBe(moved.path);
    await page.getByRole('heading', { level: 1, name: moved.title }).waitFor();
    const missing = await page.goto(`${journey.baseUrl}/node/99999`);
    expect(missing!.status()).toBe(404);
    expect(await page.locator('body').innerText()).toContain('Không tìm thấy');
  });
});
