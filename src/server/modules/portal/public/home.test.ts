/** The server-rendered home (/): latest news, the year's figures as text, events to come, newest documents. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatCount } from '../../../../shared/format.ts';
import { createTestApp, TENANT, type TestApp } from '../../../../test/harness.ts';
import { insertOrganisations } from '../../reports/reports.test-support.ts';
import { insertArticle, insertDocument, insertEvent, insertImage } from './public-pages.test-support.ts';

let t: TestApp;
let coverId: string;
const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });
const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  coverId = await insertImage(db);
  await insertArticle(db, { slug: 'tin-co-anh', title: 'Tin có ảnh bìa', coverImageId: coverId, publishedAt: new Date('2024-03-06T00:00:00Z') });
  for (let i = 1; i <= 6; i++) await insertArticle(db, { slug: `tin-cu-${i}`, title: `Tin cũ ${i}`, publishedAt: new Date(Date.UTC(2023, 0, i)) });
  await insertEvent(db, { slug: 'hoi-cho-sap-toi', title: 'Hội chợ OCOP sắp tới', startsOn: isoDay(10), endsOn: isoDay(12), place: 'TP. Bắc Ninh' });
  await insertEvent(db, { slug: 'hoi-nghi-da-qua', title: 'Hội nghị đã qua', startsOn: isoDay(-30) });
  await insertEvent(db, { slug: 'su-kien-chua-cong-bo', title: 'Sự kiện chưa công bố', startsOn: isoDay(5), published: false });
  await insertDocument(db, { slug: 'ke-hoach-641', numberSymbol: '641/KH-UBND', title: 'Kế hoạch phát triển kinh tế tập thể' });
  await insertDocument(db, { slug: 'van-ban-an', numberSymbol: '1/QĐ-LMHTX', title: 'Văn bản chưa công bố', published: false });
  await insertOrganisations(db, TENANT, [
    { key: 'a', registrationNumber: '2400000001', foundedOn: '2015-03-01' },
    { key: 'b', registrationNumber: '2400000002', foundedOn: '2016-04-01' },
  ]);
});
afterAll(async () => t?.close());

it('shows the latest news with their covers, the figures as numbers, events to come and the newest documents', async () => {
  const res = await get('/');
  expect(res.statusCode).toBe(200);
  const html = res.body;
  expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  expect(/<title>(.*?)<\/title>/.exec(html)?.[1]).toBe('Liên minh HTX tỉnh Bắc Ninh');
  expect(/<link rel="canonical" href="([^"]*)"/.exec(html)?.[1]).toBe('http://localhost:80/');
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
  expect(ld).toMatchObject({ '@type': 'GovernmentOrganization', name: 'Liên minh HTX tỉnh Bắc Ninh', url: 'http://localhost:80/' });
  // Six latest news, newest first, the first with its cover photo.
  const news = [...html.matchAll(/<h3><a href="\/tin-tuc\/([^"]+)">/g)].map((m) => m[1]);
  expect(news).toEqual(['tin-co-anh', 'tin-cu-6', 'tin-cu-5', 'tin-cu-4', 'tin-cu-3', 'tin-cu-2']);
  expect(html).toContain(`/media/${coverId}/400.jpeg`);
  // The same figures as the public dashboard's answer, as text.
  const dashboard = (await get(`/api/public/reports/dashboard?tenant=${TENANT}`)).json() as { year: number; headline: { total: number; members: number } };
  expect(dashboard.headline.total).toBe(2);
  expect(html).toContain(`Số liệu năm ${dashboard.year}</h2>`);
  expect(html).toContain(`<li><strong data-testid="figure-value">${formatCount(dashboard.headline.total)}</strong>Tổ chức kinh tế tập thể</li>`);
  // Events to come only; published documents only.
  expect(html).toContain('<a href="/su-kien/hoi-cho-sap-toi">Hội chợ OCOP sắp tới</a>');
  expect(html).not.toContain('Hội nghị đã qua');
  expect(html).not.toContain('Sự kiện chưa công bố');
  expect(html).toContain('<a href="/van-ban/ke-hoach-641">Kế hoạch số 641/KH-UBND</a>');
  expect(html).not.toContain('Văn bản chưa công bố');
  // The directory's search form sends the reader to /danh-ba; no script runs.
  expect(html).toMatch(/<form class="search" action="\/danh-ba" method="get"><label class="sr" for="tim-danh-ba">/);
  expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
});

it('sends a signed-in member of staff on to the registry', async () => {
  const { cookie } = await t.signIn('alliance_staff');
  const res = await get('/', cookie);
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe('/registry');
});
