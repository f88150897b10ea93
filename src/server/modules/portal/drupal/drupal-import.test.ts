/**
 * The Drupal import on a real database and the real app: each of the four forms of the fixture site brings the
 * seed article (node 123) to /tin-tuc/hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023 with its seven photos and
 * captions, its author line and category, the hostile bits gone; its old paths answer 301 there. Then: a second
 * run imports nothing, a dry run writes nothing, an article that fails leaves the others in.
 */
import { and, count, eq } from 'drizzle-orm';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../../test/harness.ts';
import { auditEvents } from '../../audit/audit.sql.ts';
import { readPortalVersion } from '../portal-version.ts';
import { portalArticles, portalArticleVersions, portalCategories, portalImages, portalRedirects } from '../portal.sql.ts';
import { importDrupalSite, slugFor, type DrupalImportReport } from './drupal-import.ts';
import { readDrupalSource } from './drupal-source.ts';
import { serveFixtureSite, type FixtureSite } from './fixtures/serve-site.ts';

const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const SEED_PATH = '/tin-tuc/hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023';
const SEED_ALIAS = '/tin-tuc/hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023.html';
const CAPTIONS = ['Quang cảnh Hội nghị', 'Đồng chí Nguyễn Đức Hiền, Chủ tịch Liên minh HTX tỉnh phát biểu kết luận Hội nghị'];

let site: FixtureSite;
beforeAll(async () => {
  site = await serveFixtureSite();
});
afterAll(() => site.close());

type Expected = { imported: number; skipped: number; copied: number; unreachable: number; redirects: number };
const forms: [string, () => string, Expected][] = [
  ['Drupal 8+ tables', () => path.join(fixtures, 'd8'), { imported: 50, skipped: 1, copied: 10, unreachable: 1, redirects: 66 }],
  ['Drupal 7 tables', () => path.join(fixtures, 'd7'), { imported: 50, skipped: 1, copied: 10, unreachable: 1, redirects: 66 }],
  ['JSON:API', () => site.url, { imported: 50, skipped: 0, copied: 10, unreachable: 1, redirects: 61 }],
  ['RSS', () => `${site.url}/rss.xml`, { imported: 10, skipped: 0, copied: 8, unreachable: 0, redirects: 12 }],
];

describe.each(forms)('import from %s', (_name, source, expected) => {
  let t: TestApp;
  let report: DrupalImportReport;
  beforeAll(async () => {
    t = await createTestApp();
    report = await importDrupalSite(t.database.db, { site: await readDrupalSource(source()), tenantId: TENANT });
  }, 120_000);
  afterAll(() => t.close());

  it('reports every item, the photos copied and unreachable, the redirects', () => {
    expect({ imported: report.imported.length, skipped: report.skipped.length, copied: report.images.copied, unreachable: report.images.unreachable.length, redirects: report.redirects }).toEqual(expected);
    expect(report.failed).toEqual([]);
    expect(report.skipped.map((s) => s.reason)).toEqual(expected.skipped ? ['loại nội dung "page" không phải tin bài'] : []);
    if (expected.unreachable) expect(report.images.unreachable[0]!.url).toMatch(/2021-06\/anh-da-xoa\.jpg$/);
    expect(report.imported.find((i) => i.nid === 123)).toEqual({ nid: 123, title: 'Hội nghị tổng kết hoạt động thành viên năm 2023 – triển khai nhiệm vụ trọng tâm năm 2024', path: SEED_PATH, images: 7 });
  });

  it('the seed article is published with its old date, author line, category, tags, cover, photos and captions', async () => {
    const db = t.database.db;
    const [article] = await db.select().from(portalArticles).where(and(eq(portalArticles.tenantId, TENANT), eq(portalArticles.legacyNid, 123)));
    expect(article).toMatchObject({ slug: 'hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023', state: 'published', authorName: 'Nguyễn Thị Thúy', authorPosition: 'Chánh Văn phòng', tags: ['Kinh tế tập thể', 'Hợp tác xã', 'Tháng hành động vì HTX'], version: 1 });
    expect(article!.publishedAt!.toISOString()).toBe('2024-03-05T03:15:00.000Z');
    expect(article!.summary).toMatch(/^Sáng ngày 05\/3\/2024, Liên minh HTX tỉnh Bắc Giang/);
    expect(article!.searchText).toContain('hoi nghi tong ket');
    const [category] = await db.select().from(portalCategories).where(and(eq(portalCategories.tenantId, TENANT), eq(portalCategories.id, article!.categoryId!)));
    expect(category!.name).toBe('Hội thảo, tập huấn bồi dưỡng');
    const body = article!.bodyHtml;
    expect(body.match(/<figure><img src="\/media\/[0-9a-f-]{36}\/800\.webp"/g)).toHaveLength(7);
    for (const caption of CAPTIONS) expect(body).toContain(`<figcaption>${caption}</figcaption>`);
    expect(body).toContain(`src="/media/${article!.coverImageId}/800.webp"`);
    // The Word paste, the frame, the script, the handler and the javascript: link are gone; the author line moved out.
    for (const junk of ['onclick', 'javascript:', '<iframe', '<script', '<font', 'style=', '&nbsp;', 'sites/default/files', 'Chánh Văn phòng', 'data-caption']) expect(body).not.toContain(junk);
    const versions = await db.select().from(portalArticleVersions).where(and(eq(portalArticleVersions.tenantId, TENANT), eq(portalArticleVersions.articleId, article!.id)));
    expect(versions.map((v) => [v.version, v.state, v.note])).toEqual([[1, 'published', 'Nhập từ Drupal (nút 123)']]);
  });

  it('the article page shows it, and /node/123 and the old alias answer 301 to it', async () => {
    const page = await t.request({ url: SEED_PATH });
    expect(page.statusCode).toBe(200);
    for (const text of ['Hội nghị tổng kết hoạt động thành viên năm 2023', 'Nguyễn Thị Thúy', 'Chánh Văn phòng', 'Hội thảo, tập huấn bồi dưỡng', ...CAPTIONS]) expect(page.body).toContain(text);
    for (const old of ['/node/123', SEED_ALIAS, '/node/123/']) {
      const response = await t.request({ url: old });
      expect(response.statusCode, old).toBe(301);
      expect(response.headers.location).toBe(SEED_PATH);
    }
    const photo = /src="(\/media\/[0-9a-f-]{36}\/800\.webp)"/.exec(page.body)![1]!;
    const image = await t.request({ url: photo });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
  });
});

describe('a second run, a dry run, a failing article', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(() => t.close());
  const counts = async (tenantId: number) => {
    const db = t.database.db;
    const [[a], [r], [i]] = await Promise.all([
      db.select({ n: count() }).from(portalArticles).where(eq(portalArticles.tenantId, tenantId)),
      db.select({ n: count() }).from(portalRedirects).where(eq(portalRedirects.tenantId, tenantId)),
      db.select({ n: count() }).from(portalImages).where(eq(portalImages.tenantId, tenantId)),
    ]);
    return { articles: a!.n, redirects: r!.n, images: i!.n, version: await readPortalVersion(db, tenantId) };
  };

  it('a dry run reports what a real run does and writes nothing', async () => {
    const before = await counts(OTHER_TENANT);
    const dry = await importDrupalSite(t.database.db, { site: await readDrupalSource(path.join(fixtures, 'd7')), tenantId: OTHER_TENANT, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, redirects: 66, images: { copied: 10 } });
    expect(dry.imported).toHaveLength(50);
    expect(await counts(OTHER_TENANT)).toEqual(before);
    const real = await importDrupalSite(t.database.db, { site: await readDrupalSource(path.join(fixtures, 'd7')), tenantId: OTHER_TENANT });
    expect({ ...real, dryRun: true }).toEqual(dry);
    expect(await counts(OTHER_TENANT)).toEqual({ articles: 50, redirects: 66, images: 10, version: before.version + 1 });
    const audits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, OTHER_TENANT), eq(auditEvents.action, 'portal.drupal_imported')));
    expect(audits).toHaveLength(1);
  });

  it('a second run imports nothing new: every node skipped as already imported', async () => {
    const before = await counts(OTHER_TENANT);
    const again = await importDrupalSite(t.database.db, { site: await readDrupalSource(path.join(fixtures, 'd8')), tenantId: OTHER_TENANT });
    expect(again.imported).toEqual([]);
    expect(again.skipped.filter((s) => s.reason === 'đã nhập từ lần trước (cùng mã nút)')).toHaveLength(50);
    expect({ redirects: again.redirects, copied: again.images.copied }).toEqual({ redirects: 0, copied: 0 });
    expect(await counts(OTHER_TENANT)).toEqual(before);
  });

  it('an article that fails is reported with its reason; the others are imported', async () => {
    const read = await readDrupalSource(path.join(fixtures, 'd8'));
    const first = read.articles.find((a) => a.nid === 100)!;
    // Two nodes with one id cannot both be imported; and a title PostgreSQL cannot store fails its own savepoint.
    read.articles = [first, { ...first }, { ...read.articles.find((a) => a.nid === 101)!, title: 'Tiêu đề\u0000hỏng' }, read.articles.find((a) => a.nid === 123)!];
    const report = await importDrupalSite(t.database.db, { site: read, tenantId: TENANT });
    expect(report.imported.map((i) => i.nid).sort()).toEqual([100, 123]);
    expect(report.failed.map((f) => f.nid).sort()).toEqual([100, 101]);
    expect(report.failed.find((f) => f.nid === 100)!.reason).toBe('nguồn có hai bài cùng mã nút 100');
    expect(report.failed.find((f) => f.nid === 101)!.reason).toMatch(/^không ghi được bài vào cơ sở dữ liệu \(.*0x00/);
    expect((await counts(TENANT)).articles).toBe(2);
  });

  it('the new address keeps the old alias\'s friendly name, else the title\'s', () => {
    expect(slugFor({ title: 'Bài A', aliases: ['/tin-tuc/hoi-nghi-a.html'] })).toBe('hoi-nghi-a');
    expect(slugFor({ title: 'Hội nghị tổng kết năm 2023', aliases: ['/tin-tức/hội-nghị'] })).toBe('hoi-nghi-tong-ket-nam-2023');
    expect(slugFor({ title: 'Tin mới', aliases: [] })).toBe('tin-moi');
  });
});
