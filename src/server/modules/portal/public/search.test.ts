/** Search over articles and documents (/tim-kiem): without accents, ranked, with marked snippets, safe. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { insertArticle, insertDocument } from './public-pages.test-support.ts';

let t: TestApp;
const get = (url: string) => t.request({ method: 'GET', url });
const results = (html: string) => [...html.matchAll(/<li class="card"><h2><a href="([^"]+)">/g)].map((m) => m[1]);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await insertArticle(db, { slug: 'tap-huan-ke-toan', title: 'Tập huấn kế toán cho HTX', summary: 'Lớp học nghiệp vụ.', bodyHtml: '<p>Các HTX nông nghiệp tham gia lớp bồi dưỡng do Liên minh tổ chức.</p>', publishedAt: new Date('2024-01-01') });
  await insertArticle(db, { slug: 'hoi-nghi-tong-ket', title: 'Hội nghị tổng kết năm 2023', summary: 'Tổng kết hoạt động.', bodyHtml: `<p>${'Báo cáo kết quả. '.repeat(20)}Tại hội nghị, đại biểu thảo luận về <b>tập huấn kế toán</b> cho năm tới.</p>`, publishedAt: new Date('2024-03-05') });
  await insertArticle(db, { slug: 'ban-nhap-ke-toan', title: 'Bản nháp về kế toán', state: 'draft', publishedAt: null });
  await insertArticle(db, { kind: 'page', slug: 'lien-he', title: 'Liên hệ', summary: 'Văn phòng Liên minh, phòng kế toán.' });
  await insertDocument(db, { slug: 'ke-hoach-641', numberSymbol: '641/KH-UBND', title: 'Kế hoạch phát triển kinh tế tập thể', summary: 'Nâng cao năng lực kế toán của HTX.' });
  await insertDocument(db, { slug: 'van-ban-an', numberSymbol: '2/QĐ', title: 'Quyết định về kế toán chưa công bố', published: false });
  await insertArticle(db, { slug: 'bai-co-the', title: 'Bài <script>alert(1)</script> kế toán', summary: '<img src=x onerror=alert(2)> kế toán' });
});
afterAll(async () => t?.close());

it('finds articles, pages and documents typed without accents, titles first, with marked snippets', async () => {
  const res = await get('/tim-kiem?q=ke+toan');
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain('<meta name="robots" content="noindex"/>');
  const urls = results(res.body);
  // Titles holding "kế toán" first; then the rest by similarity; no draft, no unpublished document.
  expect(urls.slice(0, 2).sort()).toEqual(['/tin-tuc/bai-co-the', '/tin-tuc/tap-huan-ke-toan']);
  expect(urls).toHaveLength(5);
  expect(urls).not.toContain('/tin-tuc/ban-nhap-ke-toan');
  expect(urls).not.toContain('/van-ban/van-ban-an');
  expect(urls).toContain('/trang/lien-he');
  expect(urls).toContain('/tin-tuc/hoi-nghi-tong-ket');
  expect(urls.indexOf('/tin-tuc/tap-huan-ke-toan')).toBeLessThan(urls.indexOf('/tin-tuc/hoi-nghi-tong-ket'));
  expect(res.body).toContain('Tìm thấy 5 kết quả cho “ke toan”.');
  expect(res.body).toContain('<a href="/tin-tuc/tap-huan-ke-toan">Tập huấn <mark>kế</mark> <mark>toán</mark> cho HTX</a>');
  // The snippet of a long body is cut around the words, marked in the accented text.
  const snippet = /<a href="\/tin-tuc\/hoi-nghi-tong-ket">.*?<\/p><p>(.*?)<\/p><\/li>/.exec(res.body)![1]!;
  expect(snippet).toContain('tập huấn <mark>kế</mark> <mark>toán</mark> cho năm tới');
  expect(snippet.startsWith('…')).toBe(true);
  // A document's title names its kind and number.
  expect(res.body.replace(/<\/?mark>/g, '')).toContain('Kế hoạch số 641/KH-UBND: Kế hoạch phát triển kinh tế tập thể</a>');
});

it('ranks the phrase in a title before the words apart, and finds a document by its number', async () => {
  const phrase = results((await get('/tim-kiem?q=t%E1%BA%ADp+hu%E1%BA%A5n+k%E1%BA%BF+to%C3%A1n')).body);
  expect(phrase[0]).toBe('/tin-tuc/tap-huan-ke-toan');
  expect(results((await get('/tim-kiem?q=641%2FKH-UBND')).body)).toEqual(['/van-ban/ke-hoach-641']);
});

it('escapes what articles hold: a title with markup is text, not HTML', async () => {
  const res = await get('/tim-kiem?q=ke+toan');
  expect(res.body).not.toContain('<script>alert(1)');
  expect(res.body).not.toContain('<img src=x');
  expect(res.body).toContain('Bài &lt;script&gt;alert(1)&lt;/script&gt; <mark>kế</mark> <mark>toán</mark>');
});

it('answers an empty query with the form, a query matching nothing with a sentence, and a page past the end with 404', async () => {
  const empty = await get('/tim-kiem');
  expect(empty.statusCode).toBe(200);
  expect(empty.body).toContain('Nhập từ cần tìm');
  const none = await get('/tim-kiem?q=kh%C3%B4ng+c%C3%B3+g%C3%AC');
  expect(none.body).toContain('Không tìm thấy kết quả nào cho “không có gì”.');
  expect((await get('/tim-kiem?q=ke+toan&trang=2')).statusCode).toBe(404);
});
