/**
 * The public pages' cache: a second read is a hit with the same ETag (and a 304 for If-None-Match); publishing,
 * unpublishing and editing through the staff API show on the next read once the version check comes round.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { CHECK_EVERY_MS } from './page-cache.ts';
import { publicPageCache } from './public-pages.routes.ts';

let t: TestApp;
let cookie: string;
const get = (url: string, headers: Record<string, string> = {}) => t.request({ method: 'GET', url, headers });
const staff = (method: 'POST' | 'PATCH', url: string, payload: object) => t.request({ method, url, cookie, payload });
/** Past the version check's interval: what a reader sees a second after a publication. */
const aCheckLater = () => new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS + 50));

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie } = await t.signIn('alliance_admin'));
});
afterAll(async () => t?.close());

it('keeps a page, answers a revalidation with 304, and shows a publication on the next read', async () => {
  const created = await staff('POST', '/api/portal/articles', { title: 'Hội nghị tổng kết năm 2024', summary: 'Tổng kết.', bodyHtml: '<p>Nội dung đầu tiên.</p>' });
  expect(created.statusCode, created.body).toBe(201);
  const { id, slug } = created.json() as { id: string; slug: string };

  const before = await get('/tin-tuc');
  expect(before.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  expect(before.body).not.toContain('Hội nghị tổng kết năm 2024');
  expect((await get(`/tin-tuc/${slug}`)).statusCode).toBe(404);
  const hitsBefore = publicPageCache(t.app)!.stats.hits;
  const again = await get('/tin-tuc', { 'if-none-match': String(before.headers.etag) });
  expect(again.statusCode).toBe(304);
  expect(publicPageCache(t.app)!.stats.hits).toBe(hitsBefore + 1);

  const published = await staff('POST', `/api/portal/articles/${id}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);
  await aCheckLater();
  const after = await get('/tin-tuc', { 'if-none-match': String(before.headers.etag) });
  expect(after.statusCode).toBe(200);
  expect(after.body).toContain('Hội nghị tổng kết năm 2024');
  expect(after.headers.etag).not.toBe(before.headers.etag);
  expect((await get(`/tin-tuc/${slug}`)).statusCode).toBe(200);

  const unpublished = await staff('POST', `/api/portal/articles/${id}/unpublish`, {});
  expect(unpublished.statusCode, unpublished.body).toBe(200);
  await aCheckLater();
  expect((await get(`/tin-tuc/${slug}`)).statusCode).toBe(404);
  expect((await get('/tin-tuc')).body).not.toContain('Hội nghị tổng kết năm 2024');
});
