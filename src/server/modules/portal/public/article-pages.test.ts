/**
 * The server-rendered article, fixed page, news list, category, 404 and 301 (decision 009), through the real app
 * on a real database. Rows are written straight into the tables: the page must not trust whoever wrote them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, type TestApp } from '../../../../test/harness.ts';
import { portalRedirects } from '../portal.sql.ts';
import { insertArticle, insertCategory, insertImage } from './public-pages.test-support.ts';

let t: TestApp;
let coverId: string;
let bodyImageId: string;

const get = (url: string) => t.request({ method: 'GET', url });
const one = (html: string, re: RegExp) => re.exec(html)?.[1];
const meta = (html: string, key: string) => one(html, new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`));
const jsonLd = (html: string) => JSON.parse(one(html, /<script type="application\/ld\+json">(.*?)<\/script>/s)!);
const h1Count = (html: string) => html.match(/<h1[\s>]/g)?.length ?? 0;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  coverId = await insertImage(db, { caption: 'Quang cảnh hội nghị' });
  bodyImageId = await insertImage(db, { width: 900, height: 600, alt: 'Đại biểu phát biểu' });
  const training = await insertCategory(db, { slug: 'hoi-thao-tap-huan-boi-duong', name: 'Hội thảo, tập huấn bồi dưỡng', menuOrder: 2 });
  await insertCategory(db, { slug: 'hoat-dong-lien-minh', name: 'Hoạt động Liên minh', menuOrder: 1 });
  await insertArticle(db, {
    slug: 'hoi-nghi-tong-ket-2023',
    title: 'Hội nghị tổng kết hoạt động thành viên năm 2023',
    summary: 'Liên minh HTX tỉnh tổng kết hoạt động năm 2023.',
    categoryId: training.id,
    coverImageId: coverId,
    authorName: 'Nguyễn Thị Thúy',
    authorPosition: 'Chánh Văn phòng',
    tags: ['hội nghị', 'tổng kết'],
    bodyHtml: `<h2>Kết quả</h2><p>Năm 2023 có 12 HTX thành lập mới.</p><figure><img src="/media/${bodyImageId}/800.webp" alt="Đại biểu phát biểu"><figcaption>Đại biểu phát biểu</figcaption></figure>`,
  });
  for (let i = 1; i <= 12; i++) {
    await insertArticle(db, { slug: `tin-so-${i}`, title: `Tin số ${i}`, publishedAt: new Date(Date.UTC(2023, 0, i)), categoryId: i % 2 ? training.id : null });
  }
  await insertArticle(db, { slug: 'ban-nhap', title: 'Bản nháp chưa đăng', state: 'draft', publishedAt: null });
  await insertArticle(db, { slug: 'da-go', title: 'Tin đã gỡ', state: 'unpublished' });
  await insertArticle(db, { slug: 'hen-gio-da-den', title: 'Tin hẹn giờ đã đến', state: 'scheduled', publishedAt: null, publishAt: new Date(Date.now() - 60_000) });
  await insertArticle(db, { slug: 'hen-gio-chua-den', title: 'Tin hẹn giờ chưa đến', state: 'scheduled', publishedAt: null, publishAt: new Date(Date.now() + 86_400_000) });
  await insertArticle(db, { slug: 'tin-lien-minh-khac', title: 'Tin của Liên minh khác', tenantId: OTHER_TENANT });
  await insertArticle(db, { kind: 'page', slug: 'gioi-thieu', title: 'Giới thiệu Liên minh', summary: 'Chức năng, nhiệm vụ của Liên minh.', bodyHtml: '<p>Liên minh HTX tỉnh Bắc Ninh.</p>' });
  await insertArticle(db, {
    slug: 'bai-doc-hai',
    title: 'Bài có mã độc',
    bodyHtml:
      '<p onclick="alert(1)">Chào</p><script>alert(2)</script><img src="x" onerror="alert(3)"><a href="javascript:alert(4)">bấm</a>' +
      '<svg><script>alert(5)</script></svg><iframe src="https://evil.example"></iframe><p style="background:url(javascript:alert(6))">x</p>' +
      '<img src="/media/../../etc/passwd"><math><mi xlink:href="javascript:alert(7)">m</mi></math><a href="https://ngoai.example">ngoài</a>',
  });
  await t.database.db.insert(portalRedirects).values([
    { tenantId: 24, oldPath: '/node/123', targetPath: '/tin-tuc/hoi-nghi-tong-ket-2023', source: 'drupal' },
    { tenantId: 24, oldPath: '/tin-tuc/hội-nghị-cũ', targetPath: '/tin-tuc/hoi-nghi-tong-ket-2023', source: 'drupal' },
  ]);
});
afterAll(async () => t?.close());

describe('an article', () => {
  it('is one HTML5 page in Vietnamese with its title, canonical address, sharing preview and structured data', async () => {
    const res = await get('/tin-tuc/hoi-nghi-tong-ket-2023');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const html = res.body;
    expect(html.startsWith('<!DOCTYPE html><html lang="vi">')).toBe(true);
    expect(one(html, /<title>(.*?)<\/title>/)).toBe('Hội nghị tổng kết hoạt động thành viên năm 2023 — Liên minh HTX tỉnh Bắc Ninh');
    expect(h1Count(html)).toBe(1);
    expect(one(html, /<link rel="canonical" href="([^"]*)"/)).toBe('http://localhost:80/tin-tuc/hoi-nghi-tong-ket-2023');
    expect(meta(html, 'description')).toBe('Liên minh HTX tỉnh tổng kết hoạt động năm 2023.');
    expect(meta(html, 'og:image')).toBe(`http://localhost:80/media/${coverId}/1200.jpeg`);
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'twitter:image')).toBe(`http://localhost:80/media/${coverId}/1200.jpeg`);
    const ld = jsonLd(html);
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Hội nghị tổng kết hoạt động thành viên năm 2023',
      datePublished: '2024-03-05T02:00:00.000Z',
      author: { '@type': 'Person', name: 'Nguyễn Thị Thúy', jobTitle: 'Chánh Văn phòng' },
      publisher: { '@type': 'GovernmentOrganization', name: 'Liên minh HTX tỉnh Bắc Ninh' },
      image: [`http://localhost:80/media/${coverId}/1200.jpeg`],
      articleSection: 'Hội thảo, tập huấn bồi dưỡng',
    });
    // The date in Vietnam's day, the category, the author line, the cover's caption.
    expect(html).toContain('>05/03/2024</time>');
    expect(html).toContain('<a href="/chuyen-muc/hoi-thao-tap-huan-boi-duong">Hội thảo, tập huấn bồi dưỡng</a>');
    expect(html).toContain('<strong>Nguyễn Thị Thúy</strong> - Chánh Văn phòng');
    expect(html).toContain('<figcaption>Quang cảnh hội nghị</figcaption>');
    // No script runs on the page: the only <script> is the structured data.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
    // The menu: fixed sections, then the categories by menu order; the search box.
    expect(html.indexOf('>Hoạt động Liên minh<')).toBeLessThan(html.indexOf('>Hội thảo, tập huấn bồi dưỡng<'));
    expect(html).toContain('<a href="/van-ban">Văn bản</a>');
    expect(html).toMatch(/<form class="search" role="search" action="\/tim-kiem" method="get">/);
  });

  it("gives the body's images their sizes, their proportions and lazy loading", async () => {
    const html = (await get('/tin-tuc/hoi-nghi-tong-ket-2023')).body;
    const img = one(html, /(<img src="\/media\/[^"]*\/800\.webp"[^>]*>)/)!;
    expect(img).toContain(`srcset="/media/${bodyImageId}/400.webp 400w, /media/${bodyImageId}/800.webp 800w"`);
    expect(img).toContain('sizes="');
    expect(img).toContain('width="900" height="600"');
    expect(img).toContain('loading="lazy"');
    expect(img).toContain('alt="Đại biểu phát biểu"');
  });

  it('neutralises hostile HTML written straight into the table', async () => {
    const res = await get('/tin-tuc/bai-doc-hai');
    expect(res.statusCode).toBe(200);
    const body = res.body.slice(res.body.indexOf('<div class="body">'), res.body.indexOf('</article>'));
    expect(body).toContain('Chào');
    for (const bad of ['<script', 'onclick', 'onerror', 'javascript:', '<svg', '<iframe', 'style=', '<math', 'etc/passwd', 'alert(']) expect(body).not.toContain(bad);
    expect(body).toContain('<a href="https://ngoai.example" rel="noopener noreferrer nofollow">ngoài</a>');
    expect(res.body.match(/<script/g)).toHaveLength(1);
  });

  it('shows only what the public may read: not drafts, unpublished, future or another alliance’s articles', async () => {
    expect((await get('/tin-tuc/ban-nhap')).statusCode).toBe(404);
    expect((await get('/tin-tuc/da-go')).statusCode).toBe(404);
    expect((await get('/tin-tuc/hen-gio-chua-den')).statusCode).toBe(404);
    expect((await get('/tin-tuc/tin-lien-minh-khac')).statusCode).toBe(404);
    expect((await get('/trang/hoi-nghi-tong-ket-2023')).statusCode).toBe(404); // a news article is no fixed page
    expect((await get('/tin-tuc/hen-gio-da-den')).statusCode).toBe(200);
  });

  it('a fixed page is a web page of its own, without the news date', async () => {
    const res = await get('/trang/gioi-thieu');
    expect(res.statusCode).toBe(200);
    expect(one(res.body, /<title>(.*?)<\/title>/)).toBe('Giới thiệu Liên minh — Liên minh HTX tỉnh Bắc Ninh');
    expect(one(res.body, /<link rel="canonical" href="([^"]*)"/)).toBe('http://localhost:80/trang/gioi-thieu');
    expect(jsonLd(res.body)['@type']).toBe('WebPage');
    expect(meta(res.body, 'twitter:card')).toBe('summary');
    expect(res.body).not.toContain('<time');
  });
});

describe('lists of news', () => {
  it('/tin-tuc lists the newest first, twelve a page, with a pager', async () => {
    const first = await get('/tin-tuc');
    expect(first.statusCode).toBe(200);
    expect(h1Count(first.body)).toBe(1);
    const titles = [...first.body.matchAll(/<h2><a href="\/tin-tuc\/([^"]+)">/g)].map((m) => m[1]);
    expect(titles).toHaveLength(12);
    expect(titles[0]).toBe('hen-gio-da-den'); // came due a minute ago
    expect(titles).not.toContain('ban-nhap');
    expect(titles).not.toContain('gioi-thieu');
    expect(first.body).toContain('<a href="/tin-tuc?trang=2" rel="next">');
    const second = await get('/tin-tuc?trang=2');
    expect(second.statusCode).toBe(200);
    expect(one(second.body, /<link rel="canonical" href="([^"]*)"/)).toBe('http://localhost:80/tin-tuc?trang=2');
    expect([...second.body.matchAll(/<h2><a href="\/tin-tuc\/([^"]+)">/g)].map((m) => m[1])).toEqual(['tin-so-3', 'tin-so-2', 'tin-so-1']);
    expect(second.body).toContain('<a href="/tin-tuc" rel="prev">');
    expect((await get('/tin-tuc?trang=3')).statusCode).toBe(404);
    expect((await get('/tin-tuc?trang=abc')).statusCode).toBe(404);
    expect((await get('/tin-tuc?trang=0')).statusCode).toBe(404);
  });

  it('a category lists its own articles and announces its feed', async () => {
    const res = await get('/chuyen-muc/hoi-thao-tap-huan-boi-duong');
    expect(res.statusCode).toBe(200);
    expect(one(res.body, /<h1>(.*?)<\/h1>/)).toBe('Hội thảo, tập huấn bồi dưỡng');
    const slugs = [...res.body.matchAll(/<h2><a href="\/tin-tuc\/([^"]+)">/g)].map((m) => m[1]);
    expect(slugs).toEqual(['hoi-nghi-tong-ket-2023', 'tin-so-11', 'tin-so-9', 'tin-so-7', 'tin-so-5', 'tin-so-3', 'tin-so-1']);
    expect(res.body).toContain('href="/chuyen-muc/hoi-thao-tap-huan-boi-duong/rss.xml"');
    expect((await get('/chuyen-muc/khong-co')).statusCode).toBe(404);
  });
});

describe('addresses that are not pages', () => {
  it('answers the Vietnamese 404 page with the search box, kept out of search engines', async () => {
    for (const url of ['/tin-tuc/khong-co-bai-nay', '/mot-trang-khong-co', '/trang/khong-co']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(one(res.body, /<h1>(.*?)<\/h1>/)).toBe('Không tìm thấy trang');
      expect(res.body).toContain('<meta name="robots" content="noindex"/>');
      expect(res.body).toContain('id="tim-kiem-404"');
    }
    // The API keeps its JSON answers.
    const api = await get('/api/public/khong-co');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: 'not_found' });
  });

  it('answers an old address with a permanent redirect (decoded, trailing slash and query dropped)', async () => {
    for (const url of ['/node/123', '/node/123/', '/node/123?page=2', '/tin-tuc/h%E1%BB%99i-ngh%E1%BB%8B-c%C5%A9']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(301);
      expect(res.headers.location).toBe('/tin-tuc/hoi-nghi-tong-ket-2023');
    }
  });

  it('drops a trailing slash with a 301 to the one address, never to another site', async () => {
    const res = await get('/tin-tuc/hoi-nghi-tong-ket-2023/?a=1');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/tin-tuc/hoi-nghi-tong-ket-2023?a=1');
    const sneaky = await get('//evil.example/');
    expect(sneaky.statusCode).toBe(301);
    expect(sneaky.headers.location).toBe('/evil.example');
  });
});

describe('the public origin', () => {
  it('canonical and preview addresses use PUBLIC_ORIGIN when it is set', async () => {
    const other = await createTestApp({ config: { publicOrigin: 'https://lienminhhtx.bacninh.gov.vn' } });
    try {
      await insertArticle(other.database.db, { slug: 'mot-tin', title: 'Một tin' });
      const html = (await other.request({ method: 'GET', url: '/tin-tuc/mot-tin' })).body;
      expect(one(html, /<link rel="canonical" href="([^"]*)"/)).toBe('https://lienminhhtx.bacninh.gov.vn/tin-tuc/mot-tin');
    } finally {
      await other.close();
    }
  });
});
