// The demo portal (decision 009): default categories, the fixed pages, the seed article at its friendly address
// with its author line and category, news of 2024–2026, one scheduled, one in review, one draft; written once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, TENANT } from '../../../test/harness.ts';
import { DEFAULT_CATEGORIES } from '../portal/categories.service.ts';
import { portalArticles, portalCategories } from '../portal/portal.sql.ts';
import { findPublishedArticles, getPublishedArticleBySlug } from '../portal/published-articles.ts';
import { generateDemoPortal } from './demo.portal.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase();
  expect(await generateDemoPortal(database.db, { tenantId: TENANT })).toEqual({ articles: 11, pages: 3 });
});
afterAll(() => database.drop());

describe('the demo portal', () => {
  it('has the default categories, the links to the fixed pages and the three fixed pages', async () => {
    const categories = await database.db.select().from(portalCategories).where(eq(portalCategories.tenantId, TENANT)).orderBy(portalCategories.menuOrder);
    expect(categories.map((c) => c.slug)).toEqual([...DEFAULT_CATEGORIES.map((c) => c.slug), 'gioi-thieu', 'lien-he']);
    for (const slug of ['gioi-thieu', 'lien-he', 'dieu-kien-vay-von-quy-ho-tro']) {
      expect((await getPublishedArticleBySlug({ db: database.db, tenantId: TENANT, kind: 'page', slug }))?.bodyHtml).toMatch(/^<(p|h2)>/);
    }
  });

  it('publishes the seed article with its author line, category and date', async () => {
    const seed = await getPublishedArticleBySlug({ db: database.db, tenantId: TENANT, kind: 'news', slug: 'hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023' });
    expect(seed).toMatchObject({
      title: 'Hội nghị tổng kết hoạt động thành viên năm 2023',
      authorName: 'Nguyễn Thị Thúy',
      authorPosition: 'Chánh Văn phòng',
      category: { slug: 'hoi-thao-tap-huan-boi-duong', name: 'Hội thảo, tập huấn bồi dưỡng' },
    });
    expect(seed!.publishedAt.toISOString()).toBe('2024-03-05T08:30:00.000Z');
    expect(seed!.bodyHtml).toContain('101 HTX thành lập mới (đạt 202% kế hoạch của năm)');
    expect(seed!.bodyHtml).toContain('42.153 người');
  });

  it('has eight public news of 2024–2026 over the categories, newest first; one scheduled, one in review, one draft', async () => {
    const news = await findPublishedArticles({ db: database.db, tenantId: TENANT, limit: 50 });
    expect(news.total).toBe(8);
    const years = news.items.map((n) => n.publishedAt.getUTCFullYear());
    expect(Math.min(...years)).toBe(2024);
    expect(Math.max(...years)).toBe(2026);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(new Set(news.items.map((n) => n.category?.slug)).size).toBe(7);
    const states = await database.db.select({ state: portalArticles.state }).from(portalArticles).where(eq(portalArticles.kind, 'news'));
    expect(states.map((s) => s.state).sort()).toEqual(['draft', 'in_review', 'published', 'published', 'published', 'published', 'published', 'published', 'published', 'published', 'scheduled']);
  });

  it('is written once', async () => {
    expect(await generateDemoPortal(database.db, { tenantId: TENANT })).toEqual({ articles: 0, pages: 0 });
  });
});
