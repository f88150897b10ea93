/**
 * The portal's editors in the browser (issue 15, decision 009): a staff writer (no editor flag) writes an article
 * with a heading, a list, a link, a photo uploaded into the library with its caption and an attachment, and submits it; an
 * editor (staff with users.portal_editor) finds it among those waiting, edits it (a stale version keeps the text
 * typed), compares two versions, schedules it a minute ahead, publishes it now — the public page answers within a
 * second — and unpublishes it (the public page answers 404). Categories: a new one moved up the menu and hidden.
 * At 360 px and at 1366 px: no console error, no key or English word on the Vietnamese pages, no sideways scroll.
 */
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/server/modules/accounts/accounts.sql.ts';
import { ensureDefaultCategories } from '../src/server/modules/portal/categories.service.ts';
import { axeProblems } from './support/axe.ts';
import { createAccount, horizontalOverflow, screenshot, signedInPage, startJourney, TENANT_ID, type Journey } from './support/journey.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 740 };
const TITLE = 'Hội nghị tập huấn nâng cao năng lực quản trị hợp tác xã năm 2026';
const SETTLED = { timeout: 15_000 };

let journey: Journey;
let writer: { email: string; password: string };
let editor: { email: string; password: string };
let articleId = '';
let slug = '';

beforeAll(async () => {
  // The public pages show this journey's alliance (the server reads PORTAL_TENANT from its configuration).
  process.env.PORTAL_TENANT = String(TENANT_ID);
  journey = await startJourney();
  await journey.database.db.transaction((tx) => ensureDefaultCategories(tx, TENANT_ID));
  writer = await createAccount(journey, 'alliance_staff');
  editor = await createAccount(journey, 'alliance_staff');
  await journey.database.db.update(users).set({ portalEditor: true }).where(eq(users.email, editor.email));
});
afterAll(async () => {
  delete process.env.PORTAL_TENANT;
  await journey?.close();
});

/** A fresh page signed in, every console error collected beside the journey's page errors and CSP reports. */
const signedIn = (account: { email: string; password: string }, viewport: { width: number; height: number }) => signedInPage(journey, account, viewport);

/** The API's keys and programmers' or English words that must never reach a Vietnamese page. */
const KEYS = /\b(draft|in_review|scheduled|published|unpublished|news|portal\.[\w.]+|nav\.\w+|Save|Publish|Draft|Version|Title|Summary|Category|Upload|Cancel|undefined|null|NaN|true|false|Invalid Date)\b/;
async function wordsOnly(page: Page, where: string) {
  const text = await page.locator('#main').innerText();
  expect(KEYS.exec(text)?.[0], `${where}: a key or an English word on the page`).toBeUndefined();
}

/** Picks an option of an antd select by its words. */
async function choose(page: Page, selector: string, option: string) {
  await page.locator(selector).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The public page's status, asked again every 50 ms until it is `status` or a second has passed. */
async function publicStatusWithinASecond(path: string, status: number): Promise<number> {
  const until = Date.now() + 1000;
  for (;;) {
    const last = (await fetch(`${journey.baseUrl}${path}`, { redirect: 'manual' })).status;
    if (last === status || Date.now() >= until) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const stateTag = (page: Page, words: string) => page.getByTestId('article-state').filter({ hasText: words }).waitFor(SETTLED);
/** Confirms the open pop-up question by its button. */
const confirm = (page: Page, button: string) => page.locator('.ant-popover:visible').getByRole('button', { name: button }).click();

describe('portal editors', () => {
  it('a writer writes an article with a heading, a list, a link, a photo and an attachment, and submits it', async () => {
    const { page, problems } = await signedIn(writer, DESKTOP);
    await page.goto(`${journey.baseUrl}/portal/articles`);
    await page.getByRole('heading', { level: 1, name: 'Tin bài trên cổng thông tin' }).waitFor();
    await page.getByRole('menuitem', { name: 'Cổng thông tin' }).waitFor();
    await page.getByTestId('new-article').click();
    await page.waitForURL(/\/portal\/articles\/new$/);
    // A writer is offered no publishing.
    expect(await page.getByTestId('publish-article').count()).toBe(0);

    await page.getByTestId('article-title').fill(TITLE);
    await page.getByTestId('article-summary').fill('Liên minh HTX tỉnh tổ chức tập huấn cho cán bộ quản lý hợp tác xã.');
    await choose(page, '#article-category', 'Hội thảo, tập huấn bồi dưỡng');
    await page.locator('#article-tags').fill('tập huấn');
    await page.locator('#article-tags').press('Enter');
    await page.getByTestId('article-author').fill('Nguyễn Thị Thúy');
    await page.getByTestId('article-position').fill('Chánh Văn phòng');

    // The body: a heading, a paragraph, a list, a link, a photo from an upload with its caption.
    const body = page.getByTestId('article-body');
    await body.click();
    await page.getByTestId('tool-h2').click();
    await page.keyboard.type('Kết quả hội nghị');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Hội nghị thống nhất các nội dung sau:');
    await page.keyboard.press('Enter');
    await page.getByTestId('tool-bullet').click();
    await page.keyboard.type('Kiện toàn bộ máy quản lý');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Mở rộng liên kết tiêu thụ');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Xem thêm tại ');
    await page.getByTestId('tool-link').click();
    await page.getByTestId('link-url').fill('javascript:alert(1)');
    await page.locator('.ant-modal:visible').getByRole('button', { name: 'Chèn' }).click();
    await page.getByText('Địa chỉ liên kết phải bắt đầu bằng').first().waitFor();
    await page.getByTestId('link-url').fill('https://lienminhhtx.bacninh.gov.vn');
    await page.getByTestId('link-text').fill('trang Liên minh');
    await page.locator('.ant-modal:visible').getByRole('button', { name: 'Chèn' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByTestId('tool-image').click();
    const photo = await sharp({ create: { width: 960, height: 640, channels: 3, background: { r: 40, g: 120, b: 70 } } }).jpeg().toBuffer();
    await page.getByTestId('upload-image').click();
    await page.getByText('Tệp ảnh: chưa chọn tệp.').waitFor();
    await page.getByTestId('image-file').setInputFiles({ name: 'hoi-nghi.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByTestId('image-alt').fill('Các đại biểu dự hội nghị tập huấn');
    await page.getByTestId('image-caption').fill('Đại biểu dự hội nghị tập huấn tại Bắc Ninh');
    await page.getByTestId('upload-image').click();
    await body.locator('figure img').waitFor(SETTLED);
    // An attachment: uploaded, then a link in the body, in the paragraph after the photo (clicked: on a busy
    // machine the focus may not be back in the body yet when the dialog has closed).
    await body.locator('figure + p').click();
    await page.keyboard.type('Tài liệu hội nghị: ');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await page.getByTestId('attach-file').setInputFiles({ name: 'tai-lieu-hoi-nghi.pdf', mimeType: 'application/pdf', buffer: pdf });
    await body.getByRole('link', { name: 'tai-lieu-hoi-nghi.pdf' }).waitFor(SETTLED);
    await wordsOnly(page, 'the new article');
    expect(await axeProblems(page), 'the editor with its body').toEqual([]);
    await screenshot(page, 'portal-editor-1366', true);

    await page.getByTestId('save-article').click();
    await page.waitForURL(/\/portal\/articles\/[0-9a-f-]{36}$/, SETTLED);
    articleId = page.url().split('/').pop()!;
    await stateTag(page, 'Bản nháp');
    const saved = await (await page.request.get(`${journey.baseUrl}/api/portal/articles/${articleId}`)).json();
    slug = saved.slug;
    expect(saved.bodyHtml).toContain('<h2>Kết quả hội nghị</h2>');
    expect(saved.bodyHtml).toMatch(/<ul><li><p>Kiện toàn bộ máy quản lý<\/p><\/li>/);
    expect(saved.bodyHtml).toContain('href="https://lienminhhtx.bacninh.gov.vn"');
    expect(saved.bodyHtml).toMatch(/<figure><img src="\/media\/[0-9a-f-]{36}\/800\.webp" alt="Các đại biểu dự hội nghị tập huấn"[^>]*><figcaption>Đại biểu dự hội nghị tập huấn tại Bắc Ninh<\/figcaption><\/figure>/);
    expect(saved.bodyHtml).toMatch(/<a href="\/tep\/[0-9a-f-]{36}\/tai-lieu-hoi-nghi\.pdf">tai-lieu-hoi-nghi\.pdf<\/a>/);
    expect(saved.authorName).toBe('Nguyễn Thị Thúy');
    expect(saved.tags).toEqual(['tập huấn']);

    await page.getByTestId('submit-article').click();
    await stateTag(page, 'Chờ duyệt');
    expect(await page.getByTestId('publish-article').count()).toBe(0);
    expect(await page.getByTestId('schedule-article').count()).toBe(0);
    await wordsOnly(page, 'the submitted article');
    expect(problems).toEqual([]);
  });

  it('an editor reviews, keeps a stale edit, compares, schedules, publishes and unpublishes', async () => {
    const { page, problems } = await signedIn(editor, DESKTOP);
    await page.goto(`${journey.baseUrl}/portal/articles`);
    await page.getByRole('tab', { name: 'Chờ duyệt (1)' }).click(SETTLED);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(new RegExp(`/portal/articles/${articleId}$`));
    await stateTag(page, 'Chờ duyệt');

    // Someone saves meanwhile: this page's save is refused (409) and what was typed stays on screen.
    const current = await (await page.request.get(`${journey.baseUrl}/api/portal/articles/${articleId}`)).json();
    const other = await page.request.patch(`${journey.baseUrl}/api/portal/articles/${articleId}`, {
      data: { version: current.version, summary: 'Liên minh HTX tỉnh tổ chức tập huấn cho cán bộ quản lý, kế toán hợp tác xã.' },
      headers: { origin: journey.baseUrl },
    });
    expect(other.status()).toBe(200);
    const summary = 'Liên minh HTX tỉnh Bắc Ninh tổ chức tập huấn cho 120 cán bộ quản lý hợp tác xã.';
    await page.getByTestId('article-summary').fill(summary);
    await page.getByTestId('save-article').click();
    await page.getByTestId('stale-version').waitFor(SETTLED);
    await page.getByText('Nội dung bạn đang soạn vẫn còn nguyên').waitFor();
    expect(await page.getByTestId('article-summary').inputValue()).toBe(summary);
    await page.getByTestId('save-over').click();
    await page.getByTestId('article-notice').filter({ hasText: 'Đã lưu phiên bản' }).waitFor(SETTLED);

    // Two versions compared: the words added and removed, marked by more than colour.
    await page.getByRole('tab', { name: 'Các phiên bản' }).click();
    await page.getByTestId('compare').waitFor(SETTLED);
    const diff = page.getByTestId('diff-summary');
    await expect.poll(() => diff.locator('ins').allInnerTexts()).toContainEqual(expect.stringContaining('120'));
    expect(await diff.locator('del').count()).toBeGreaterThan(0);
    expect(await diff.locator('ins').first().textContent()).toMatch(/^\[thêm: .*\]$/);
    expect(await diff.locator('ins').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline');
    expect(await diff.locator('del').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    await wordsOnly(page, 'the versions');
    expect(await axeProblems(page), 'the versions compared').toEqual([]);
    await screenshot(page, 'portal-versions-1366', true);
    await page.getByRole('tab', { name: 'Nội dung' }).click();

    // Scheduled a minute ahead (Vietnam time, the next whole minute after one from now): not public yet.
    const inAMinute = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000 + 7 * 3600_000).toISOString();
    await page.getByTestId('schedule-article').click();
    await page.getByTestId('schedule-day').fill(inAMinute.slice(0, 10));
    await page.getByTestId('schedule-time').fill(inAMinute.slice(11, 16));
    await page.locator('.ant-modal:visible').getByRole('button', { name: 'Hẹn giờ đăng' }).click();
    await stateTag(page, 'Hẹn giờ đăng');
    await page.getByTestId('article-meta').filter({ hasText: `Hẹn đăng lúc ${inAMinute.slice(8, 10)}/${inAMinute.slice(5, 7)}/${inAMinute.slice(0, 4)} ${inAMinute.slice(11, 16)}` }).waitFor();
    expect((await fetch(`${journey.baseUrl}/tin-tuc/${slug}`)).status).toBe(404);

    // Published now: the public page follows within a second.
    await page.getByTestId('publish-article').click();
    await confirm(page, 'Đăng ngay');
    await stateTag(page, 'Đã đăng');
    expect(await publicStatusWithinASecond(`/tin-tuc/${slug}`, 200)).toBe(200);
    expect(await page.getByTestId('public-link').getAttribute('href')).toBe(`/tin-tuc/${slug}`);
    const html = await (await fetch(`${journey.baseUrl}/tin-tuc/${slug}`)).text();
    expect(html).toContain('Kết quả hội nghị');
    expect(html).toContain('Đại biểu dự hội nghị tập huấn tại Bắc Ninh');
    await wordsOnly(page, 'the published article');

    // Unpublished: the public page answers 404.
    await page.getByTestId('unpublish-article').click();
    await confirm(page, 'Gỡ bài');
    await stateTag(page, 'Đã gỡ');
    expect(await publicStatusWithinASecond(`/tin-tuc/${slug}`, 404)).toBe(404);
    expect(await page.getByTestId('public-link').count()).toBe(0);
    // The browser logs the refused save (409) itself; nothing else went wrong.
    expect(problems.filter((p) => /status of 409/.test(p))).toHaveLength(1);
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  });

  it('categories: a new one moved up the menu and hidden from it', async () => {
    const { page, problems } = await signedIn(editor, DESKTOP);
    await page.goto(`${journey.baseUrl}/portal/categories`);
    await page.getByRole('heading', { level: 1, name: 'Chuyên mục và menu của cổng' }).waitFor();
    await page.getByTestId('new-category').click();
    await page.getByTestId('category-name').waitFor();
    await page.locator('.ant-modal:visible').getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Tên chuyên mục: chưa nhập (bắt buộc).').waitFor();
    await page.getByTestId('category-name').fill('Tin địa phương');
    await page.locator('.ant-modal:visible').getByRole('button', { name: 'Lưu' }).click();
    const rows = page.locator('[data-testid=categories] tr.ant-table-row');
    await rows.filter({ hasText: 'Tin địa phương' }).waitFor(SETTLED);
    const count = await rows.count();
    await expect.poll(() => rows.nth(count - 1).innerText()).toContain('Tin địa phương');
    await page.getByRole('button', { name: 'Đưa Tin địa phương lên trên' }).click();
    await expect.poll(() => rows.nth(count - 2).innerText(), SETTLED).toContain('Tin địa phương');
    await page.getByRole('switch', { name: 'Hiện Tin địa phương trên menu' }).click();
    const listed = async () => ((await (await page.request.get(`${journey.baseUrl}/api/portal/categories`)).json()).items as { name: string; inMenu: boolean }[]);
    await expect.poll(async () => (await listed()).find((c) => c.name === 'Tin địa phương')?.inMenu, SETTLED).toBe(false);
    expect((await listed()).map((c) => c.name).indexOf('Tin địa phương')).toBe(count - 2);
    await wordsOnly(page, 'the categories');
    expect(problems).toEqual([]);
  });

  it('on a phone: the list, the editor and the categories fit 360 px', async () => {
    const { page, problems } = await signedIn(editor, PHONE);
    for (const path of ['/portal/articles', `/portal/articles/${articleId}`, '/portal/articles/new', '/portal/categories', '/portal/articles?kind=page']) {
      await page.goto(`${journey.baseUrl}${path}`);
      await page.locator('#main h1').waitFor(SETTLED);
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      await wordsOnly(page, path);
      expect(await axeProblems(page), path).toEqual([]);
    }
    await screenshot(page, 'portal-editor-360', true);
    expect(problems).toEqual([]);
  });
});
