/**
 * The portal's library in the browser (issue 15, decision 009): a staff member uploads a photo into the image
 * library (alt text and caption; the stored size is served), adds the plan 641/KH-UBND and finds it by
 * "641/kh-ubnd" and by words typed without accents, and adds an event. At 1366 px and at 360 px: no console
 * error, no key or English word on the Vietnamese pages, no sideways scroll.
 */
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, horizontalOverflow, screenshot, signedInPage, startJourney, type Journey } from './support/journey.ts';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 740 };

let journey: Journey;
let staff: { email: string; password: string };

beforeAll(async () => {
  journey = await startJourney();
  staff = await createAccount(journey, 'alliance_staff');
});
afterAll(async () => {
  await journey?.close();
});

/** A fresh page signed in; console errors are collected beside the journey's page errors and CSP reports. */
const signedIn = (viewport: { width: number; height: number }) => signedInPage(journey, staff, viewport);

const KEYS = /\b(law|decree|plan|conference|training|trade_fair|study_visit|library\.[\w.]+|nav\.\w+|Save|Upload|Cancel|Delete|Edit|undefined|null|NaN|true|false|Invalid Date)\b/;
async function checkPage(page: Page, where: string) {
  const text = await page.locator('#main').innerText();
  expect(KEYS.exec(text)?.[0], `${where}: a key or an English word on the page`).toBeUndefined();
  expect(await horizontalOverflow(page), `${where}: sideways scroll`).toBeLessThanOrEqual(0);
}

async function typeDate(page: Page, id: string, ddmmyyyy: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

async function searchDocuments(page: Page, q: string) {
  const box = page.getByTestId('document-search').locator('input');
  await box.fill(q);
  await box.press('Enter');
}

describe('the portal library', () => {
  it('uploads a photo, adds and finds a document, adds an event (desktop)', async () => {
    const { page, problems } = await signedIn(DESKTOP);

    // The image library: the photo needs its description; then it is listed and its size is served.
    await page.goto(`${journey.baseUrl}/portal/images`);
    await page.getByRole('heading', { name: 'Thư viện ảnh' }).waitFor();
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a7ab0' } }).jpeg().toBuffer();
    await page.getByTestId('image-file').setInputFiles({ name: 'hoi-nghi-tong-ket.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByTestId('image-upload').click();
    await page.getByText('Nhập mô tả ảnh', { exact: true }).waitFor();
    await page.getByTestId('image-alt').fill('Đại biểu dự hội nghị tổng kết');
    await page.getByTestId('image-caption').fill('Hội nghị tổng kết năm 2025');
    await page.getByTestId('image-upload').click();
    await page.getByText('Đã lưu ảnh').waitFor();
    const img = page.getByTestId('library-image').locator('img[alt="Đại biểu dự hội nghị tổng kết"]');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^\/media\/[0-9a-f-]{36}\/400\.webp$/);
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(400);
    await checkPage(page, 'image library');

    // The documents library: add the plan, then find it by its number in lower case and by words without accents.
    await page.goto(`${journey.baseUrl}/portal/documents`);
    await page.getByRole('heading', { name: 'Văn bản, chính sách' }).waitFor();
    await page.getByTestId('new-document').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('doc-number').fill('641/KH-UBND');
    await dialog.getByTestId('doc-title').fill('Kế hoạch phát triển kinh tế tập thể, hợp tác xã năm 2023');
    await dialog.getByTestId('doc-issuer').fill('UBND tỉnh Bắc Giang');
    await typeDate(page, 'doc-issued', '28/12/2022');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await searchDocuments(page, '641/kh-ubnd');
    await page.getByRole('cell', { name: '641/KH-UBND', exact: true }).waitFor();
    // A search that finds nothing empties the list, so that the next one is seen to find it again.
    await searchDocuments(page, 'khong co van ban nay');
    await page.getByText('Chưa có văn bản nào').first().waitFor();
    await searchDocuments(page, 'phat trien kinh te tap the');
    await page.getByRole('cell', { name: '641/KH-UBND', exact: true }).waitFor();
    await checkPage(page, 'documents');

    // The events: one without a place is refused in words; with its place it is listed as coming.
    await page.goto(`${journey.baseUrl}/portal/events`);
    await page.getByTestId('new-event').click();
    const eventDialog = page.getByRole('dialog');
    await eventDialog.getByTestId('event-title').fill('Hội chợ sản phẩm OCOP của hợp tác xã');
    await typeDate(page, 'event-starts', '20/10/2030');
    await eventDialog.getByRole('button', { name: 'Lưu' }).click();
    await eventDialog.getByText('Địa điểm không được để trống').waitFor();
    await eventDialog.getByTestId('event-place').fill('Quảng trường trung tâm tỉnh');
    await eventDialog.getByRole('button', { name: 'Lưu' }).click();
    await eventDialog.waitFor({ state: 'hidden' });
    await page.getByText('Hội chợ sản phẩm OCOP của hợp tác xã').waitFor();
    await page.getByText('Sắp diễn ra').first().waitFor();
    await checkPage(page, 'events');
    await screenshot(page, 'portal-library-events-desktop');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('works on a phone (360 px): the menu group, finding a document, adding an event', async () => {
    const { page, problems } = await signedIn(PHONE);
    for (const [path, heading] of [['/portal/images', 'Thư viện ảnh'], ['/portal/documents', 'Văn bản, chính sách'], ['/portal/events', 'Sự kiện']] as const) {
      await page.goto(`${journey.baseUrl}${path}`);
      await page.getByRole('heading', { name: heading }).waitFor();
      await checkPage(page, `${path} at 360 px`);
    }
    await page.goto(`${journey.baseUrl}/portal/documents`);
    await searchDocuments(page, '641 KH UBND');
    await page.getByRole('cell', { name: '641/KH-UBND', exact: true }).waitFor();
    await page.goto(`${journey.baseUrl}/portal/events`);
    await page.getByTestId('new-event').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('event-title').fill('Tập huấn Luật Hợp tác xã năm 2023');
    await typeDate(page, 'event-starts', '18/03/2030');
    await dialog.getByTestId('event-place').fill('Hội trường Liên minh');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Tập huấn Luật Hợp tác xã năm 2023').waitFor();
    await checkPage(page, 'events at 360 px');
    await screenshot(page, 'portal-library-events-phone');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
