// Scheduled publication and the public's reads (decision 009): a scheduled article is public from its time on —
// before the sweep too — and the sweep makes its state, versions, audit and the portal version catch up once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { publishDueArticles } from './article-states.ts';
import { portalArticles, portalArticleVersions } from './portal.sql.ts';
import { readPortalVersion } from './portal-version.ts';
import { findPublishedArticles, getPublishedArticleBySlug, nextScheduledPublication } from './published-articles.ts';

let t: TestApp;
let editor: string;
let categoryId: string;

beforeAll(async () => {
  t = await createTestApp();
  editor = (await t.signIn('alliance_staff', { portalEditor: true })).cookie;
  const category = await t.request({ method: 'POST', url: '/api/portal/categories', cookie: editor, payload: { name: 'Hội thảo, tập huấn bồi dưỡng' } });
  categoryId = category.json().id;
});
afterAll(() => t.close());

const db = () => t.database.db;

async function article(title: string, extra: object = {}) {
  const res = await t.request({ method: 'POST', url: '/api/portal/articles', cookie: editor, payload: { title, summary: `Tóm tắt ${title}`, bodyHtml: '<p>Nội dung</p>', ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const publish = (id: string, payload: object = {}) => t.request({ method: 'POST', url: `/api/portal/articles/${id}/publish`, cookie: editor, payload });

describe('scheduled publication', () => {
  it('is not public before its time, is public once the time passes (even before the sweep), and the sweep publishes it once', async () => {
    const id = await article('Hội nghị tập huấn năm 2026', { categoryId, authorName: 'Nguyễn Thị Thúy', authorPosition: 'Chánh Văn phòng' });
    const at = new Date(Date.now() + 3_600_000);
    const before = await readPortalVersion(db(), TENANT);
    const scheduled = await publish(id, { publishAt: at.toISOString() });
    expect(scheduled.json()).toMatchObject({ state: 'scheduled', publishedAt: null });
    expect(new Date(scheduled.json().publishAt).getTime()).toBe(at.getTime());
    expect(await readPortalVersion(db(), TENANT)).toBe(before + 1);
    expect(await getPublishedArticleBySlug({ db: db(), tenantId: TENANT, kind: 'news', slug: 'hoi-nghi-tap-huan-nam-2026' })).toBeNull();
    expect((await nextScheduledPublication(db(), TENANT))?.getTime()).toBe(at.getTime());
    expect(await publishDueArticles(db())).toBe(0);

    // The time comes (moved back rather than waited for).
    await db().update(portalArticles).set({ publishAt: sql`now() - interval '1 minute'` }).where(eq(portalArticles.id, id));
    const early = await getPublishedArticleBySlug({ db: db(), tenantId: TENANT, kind: 'news', slug: 'hoi-nghi-tap-huan-nam-2026' });
    expect(early).toMatchObject({ title: 'Hội nghị tập huấn năm 2026', category: { slug: 'hoi-thao-tap-huan-boi-duong', name: 'Hội thảo, tập huấn bồi dưỡng' } });
    expect(await nextScheduledPublication(db(), TENANT)).toBeNull();

    const version = await readPortalVersion(db(), TENANT);
    expect(await publishDueArticles(db())).toBe(1);
    expect(await readPortalVersion(db(), TENANT)).toBe(version + 1);
    const [row] = await db().select().from(portalArticles).where(eq(portalArticles.id, id));
    expect(row).toMatchObject({ state: 'published', version: 3 });
    expect(row!.publishedAt!.getTime()).toBe(row!.publishAt!.getTime());
    const versions = await db().select().from(portalArticleVersions).where(eq(portalArticleVersions.articleId, id)).orderBy(portalArticleVersions.version);
    expect(versions.map((v) => [v.state, v.note])).toEqual([['draft', 'Tạo bài'], ['scheduled', 'Hẹn giờ đăng'], ['published', 'Đăng theo giờ hẹn']]);
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.entityType, 'portal_article'), eq(auditEvents.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['portal_article.scheduled', 'portal_article.published_on_schedule']));

    // A second sweep finds nothing and moves nothing.
    expect(await publishDueArticles(db())).toBe(0);
    expect(await readPortalVersion(db(), TENANT)).toBe(version + 1);
  });

  it('an editor publishes a scheduled article at once, or takes it off before its time', async () => {
    const id = await article('Bài hẹn giờ rồi đăng ngay');
    await publish(id, { publishAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect((await publish(id)).json()).toMatchObject({ state: 'published', publishAt: null });
    const other = await article('Bài hẹn giờ rồi gỡ');
    await publish(other, { publishAt: new Date(Date.now() + 86_400_000).toISOString() });
    const down = await t.request({ method: 'POST', url: `/api/portal/articles/${other}/unpublish`, cookie: editor, payload: {} });
    expect(down.json()).toMatchObject({ state: 'unpublished' });
    // A time already past publishes at once.
    const past = await article('Bài hẹn giờ đã qua');
    expect((await publish(past, { publishAt: '2024-01-01T08:00:00+07:00' })).json()).toMatchObject({ state: 'published' });
  });
});

describe('the public reads', () => {
  it('list only public news, newest first, with the category, the author line and the total; drafts, pages and unpublished never', async () => {
    const newer = await article('Tin mới nhất của Liên minh', { categoryId, tags: ['HTX'], authorName: 'Trần Văn An', authorPosition: 'Phó Chánh Văn phòng' });
    await publish(newer);
    await article('Bản nháp không được thấy');
    const page = await article('Giới thiệu', { kind: 'page' });
    await publish(page);
    const all = await findPublishedArticles({ db: db(), tenantId: TENANT, limit: 50 });
    const titles = all.items.map((i) => i.title);
    expect(titles[0]).toBe('Tin mới nhất của Liên minh');
    expect(titles).not.toContain('Bản nháp không được thấy');
    expect(titles).not.toContain('Giới thiệu');
    expect(titles).not.toContain('Bài hẹn giờ rồi gỡ');
    expect(all.total).toBe(all.items.length);
    expect(all.items[0]).toMatchObject({ summary: 'Tóm tắt Tin mới nhất của Liên minh', tags: ['HTX'], authorName: 'Trần Văn An', authorPosition: 'Phó Chánh Văn phòng', category: { slug: 'hoi-thao-tap-huan-boi-duong' }, coverImageId: null });
    expect(all.items[0]!.publishedAt).toBeInstanceOf(Date);
    const inCategory = await findPublishedArticles({ db: db(), tenantId: TENANT, categoryId, limit: 1, offset: 0 });
    expect(inCategory.items.map((i) => i.title)).toEqual(['Tin mới nhất của Liên minh']);
    expect(inCategory.total).toBe(2);
    const second = await findPublishedArticles({ db: db(), tenantId: TENANT, categoryId, limit: 1, offset: 1 });
    expect(second.items.map((i) => i.title)).toEqual(['Hội nghị tập huấn năm 2026']);
    expect((await findPublishedArticles({ db: db(), tenantId: TENANT + 1000, limit: 10 })).total).toBe(0);
  });
});
