// Portal articles through the API (decision 009): writing, the editorial states and who may move them, versions and
// their comparison, optimistic concurrency, hostile HTML neutralised on save, slug changes leaving redirects, the
// portal's content version moving on public-visible writes only, audit events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { portalArticleVersions, portalRedirects } from './portal.sql.ts';
import { readPortalVersion } from './portal-version.ts';
import { getPublishedArticleBySlug } from './published-articles.ts';

let t: TestApp;
let staff: string;
let editor: string;
let admin: string;
let manager: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
  editor = (await t.signIn('alliance_staff', { portalEditor: true })).cookie;
  admin = (await t.signIn('alliance_admin')).cookie;
  manager = (await t.signIn('coop_manager')).cookie;
});
afterAll(() => t.close());

const db = () => t.database.db;
const version = () => readPortalVersion(db(), TENANT);

async function write(cookie: string, payload: object) {
  const res = await t.request({ method: 'POST', url: '/api/portal/articles', cookie, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const act = (cookie: string, id: string, action: string, payload: object = {}) => t.request({ method: 'POST', url: `/api/portal/articles/${id}/${action}`, cookie, payload });
const patch = (cookie: string, id: string, payload: object) => t.request({ method: 'PATCH', url: `/api/portal/articles/${id}`, cookie, payload });
const audits = async (id: string) =>
  (await db().select().from(auditEvents).where(and(eq(auditEvents.entityType, 'portal_article'), eq(auditEvents.entityId, id)))).map((e) => e.action);

describe('writing and the editorial states', () => {
  it('a staff member writes a draft: slug from the Vietnamese title, version 1 kept, audited, nothing public moves', async () => {
    const before = await version();
    const article = await write(staff, { title: 'Hội nghị tổng kết hoạt động thành viên năm 2023', summary: 'Tóm tắt', bodyHtml: '<p>Sáng ngày 29/12/2023…</p>', tags: ['hội nghị'] });
    expect(article).toMatchObject({ state: 'draft', version: 1, slug: 'hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023', path: '/tin-tuc/hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023', kind: 'news' });
    expect(article.can).toMatchObject({ edit: true, submit: true, publish: false });
    expect(await version()).toBe(before);
    expect(await audits(article.id)).toEqual(['portal_article.created']);
    const versions = await t.request({ url: `/api/portal/articles/${article.id}/versions`, cookie: staff });
    expect(versions.json().items.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([[1, 'draft']]);
    // The same title again gets the next free slug.
    expect((await write(staff, { title: 'Hội nghị tổng kết hoạt động thành viên năm 2023' })).slug).toBe('hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023-2');
  });

  it('draft → in review (staff) → published (editor only); the public reads it; each step a version and an audit event', async () => {
    const article = await write(staff, { title: 'Tập huấn kỹ năng quản trị HTX', bodyHtml: '<p>Nội dung</p>' });
    expect((await act(staff, article.id, 'publish')).statusCode).toBe(403);
    expect((await act(staff, article.id, 'publish', { publishAt: new Date(Date.now() + 86_400_000).toISOString() })).statusCode).toBe(403);
    const submitted = await act(staff, article.id, 'submit', { version: 1 });
    expect(submitted.json()).toMatchObject({ state: 'in_review', version: 2 });
    expect((await act(staff, article.id, 'publish')).statusCode).toBe(403);
    expect((await act(manager, article.id, 'submit')).statusCode).toBe(403);
    const before = await version();
    const published = await act(editor, article.id, 'publish');
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ state: 'published', version: 3 });
    expect(published.json().publishedAt).toBeTruthy();
    expect(await version()).toBe(before + 1);
    const pub = await getPublishedArticleBySlug({ db: db(), tenantId: TENANT, kind: 'news', slug: 'tap-huan-ky-nang-quan-tri-htx' });
    expect(pub?.title).toBe('Tập huấn kỹ năng quản trị HTX');
    expect(await audits(article.id)).toEqual(expect.arrayContaining(['portal_article.created', 'portal_article.submitted', 'portal_article.published']));

    // A state that does not allow the move: 409 in Vietnamese.
    const again = await act(staff, article.id, 'submit');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Bài đang ở trạng thái «Đã đăng»: không gửi duyệt được.');

    // Only an editor takes it down; then it is no longer public; back to draft for more changes.
    expect((await act(staff, article.id, 'unpublish')).statusCode).toBe(403);
    const down = await act(admin, article.id, 'unpublish');
    expect(down.json()).toMatchObject({ state: 'unpublished' });
    expect(await version()).toBe(before + 2);
    expect(await getPublishedArticleBySlug({ db: db(), tenantId: TENANT, kind: 'news', slug: 'tap-huan-ky-nang-quan-tri-htx' })).toBeNull();
    const draft = await act(staff, article.id, 'return-to-draft');
    expect(draft.json()).toMatchObject({ state: 'draft', version: 5 });
    expect(await version()).toBe(before + 2);
  });

  it('a plain staff member cannot edit a published article in place; an editor can, and the public page changes at once', async () => {
    const article = await write(staff, { title: 'Tin đã đăng để sửa', bodyHtml: '<p>Bản đầu</p>' });
    const published = (await act(editor, article.id, 'publish')).json();
    const refused = await patch(staff, article.id, { version: published.version, summary: 'Sửa' });
    expect(refused.statusCode).toBe(403);
    const before = await version();
    const saved = await patch(editor, article.id, { version: published.version, summary: 'Tóm tắt mới', bodyHtml: '<p>Bản sửa</p>' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await version()).toBe(before + 1);
    const pub = await getPublishedArticleBySlug({ db: db(), tenantId: TENANT, kind: 'news', slug: 'tin-da-dang-de-sua' });
    expect(pub).toMatchObject({ summary: 'Tóm tắt mới', bodyHtml: '<p>Bản sửa</p>' });
  });

  it('a draft save moves no public version; a stale version is refused with 409 and nothing is saved', async () => {
    const article = await write(staff, { title: 'Hai người cùng sửa' });
    const before = await version();
    expect((await patch(staff, article.id, { version: 1, summary: 'Người thứ nhất' })).statusCode).toBe(200);
    expect(await version()).toBe(before);
    const stale = await patch(editor, article.id, { version: 1, summary: 'Người thứ hai' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'conflict', field: 'version', message: expect.stringContaining('người khác lưu') });
    const now = await t.request({ url: `/api/portal/articles/${article.id}`, cookie: staff });
    expect(now.json()).toMatchObject({ summary: 'Người thứ nhất', version: 2 });
    expect((await act(staff, article.id, 'submit', { version: 1 })).statusCode).toBe(409);
  });

  it('bad input is refused with a message naming the field in Vietnamese', async () => {
    const noTitle = await t.request({ method: 'POST', url: '/api/portal/articles', cookie: staff, payload: { title: '   ' } });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json()).toMatchObject({ field: 'title', message: 'Tiêu đề: chưa nhập (bắt buộc)' });
    const badSlug = await t.request({ method: 'POST', url: '/api/portal/articles', cookie: staff, payload: { title: 'Tin', slug: 'Có dấu' } });
    expect(badSlug.json()).toMatchObject({ field: 'slug', message: expect.stringContaining('Đường dẫn (slug)') });
    const badCategory = await t.request({ method: 'POST', url: '/api/portal/articles', cookie: staff, payload: { title: 'Tin', categoryId: '00000000-0000-4000-8000-000000000000' } });
    expect(badCategory.json()).toMatchObject({ field: 'categoryId', message: 'Chuyên mục: không tìm thấy chuyên mục này.' });
    const badTime = await act(editor, (await write(staff, { title: 'Giờ sai' })).id, 'publish', { publishAt: 'ngày mai' });
    expect(badTime.json()).toMatchObject({ field: 'publishAt', message: expect.stringContaining('Thời điểm đăng') });
    expect((await t.request({ url: '/api/portal/articles/khong-phai-ma', cookie: staff })).statusCode).toBe(404);
  });
});

describe('hostile HTML', () => {
  it('is neutralised on save: scripts, event handlers, javascript: links, SVG payloads, outside images', async () => {
    const hostile = [
      '<p onclick="alert(1)">Đoạn <strong>đậm</strong></p>',
      '<script>alert(2)</script>',
      '<a href="javascript:alert(3)">bấm</a>',
      '<svg onload="alert(4)"><script>alert(5)</script></svg>',
      '<img src="https://tracker.example/x.gif" onerror="alert(6)">',
      '<iframe src="https://evil.example"></iframe>',
    ].join('');
    const article = await write(staff, { title: 'Bài có mã độc', bodyHtml: hostile });
    expect(article.bodyHtml).toBe('<p>Đoạn <strong>đậm</strong></p><a>bấm</a>');
    const saved = await patch(staff, article.id, { version: 1, bodyHtml: `<h1>Tiêu đề</h1><p style="x" onmouseover="alert(7)">Sửa</p><a href="JaVaScRiPt:alert(8)">x</a>` });
    expect(saved.json().bodyHtml).toBe('<h2>Tiêu đề</h2><p>Sửa</p><a>x</a>');
    expect(saved.json().bodyHtml).not.toMatch(/script|on\w+=|javascript|svg|iframe|style/i);
    const [row] = await db().select().from(portalArticleVersions).where(and(eq(portalArticleVersions.articleId, article.id), eq(portalArticleVersions.version, 2)));
    expect(row!.bodyHtml).toBe('<h2>Tiêu đề</h2><p>Sửa</p><a>x</a>');
  });
});

describe('versions and their comparison', () => {
  it('every save is a version; two versions compare word by word on title, summary and the body text', async () => {
    const article = await write(staff, { title: 'Hội chợ nông sản năm 2025', summary: 'Hơn 50 HTX tham gia', bodyHtml: '<p>Hội chợ mở cửa ba ngày.</p><p>Khách đông.</p>' });
    await patch(staff, article.id, { version: 1, title: 'Hội chợ nông sản an toàn năm 2025', summary: 'Hơn 60 HTX tham gia', bodyHtml: '<p>Hội chợ mở cửa bốn ngày.</p><p>Khách đông.</p>', note: 'Cập nhật số liệu' });
    const list = (await t.request({ url: `/api/portal/articles/${article.id}/versions`, cookie: staff })).json();
    expect(list.items.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([[1, 'Tạo bài'], [2, 'Cập nhật số liệu']]);
    const res = await t.request({ url: `/api/portal/articles/${article.id}/compare?from=1&to=2`, cookie: staff });
    expect(res.statusCode, res.body).toBe(200);
    const cmp = res.json();
    expect(cmp.title).toEqual([{ value: 'Hội chợ nông sản ' }, { added: true, value: 'an toàn ' }, { value: 'năm 2025' }]);
    expect(cmp.summary).toEqual(expect.arrayContaining([{ removed: true, value: '50' }, { added: true, value: '60' }]));
    expect(cmp.body).toEqual(expect.arrayContaining([{ removed: true, value: 'ba' }, { added: true, value: 'bốn' }]));
    expect(cmp.body.map((p: { value: string }) => p.value).join('')).toContain('\n');
    expect(cmp.changed).toMatchObject({ bodyHtml: true, tags: false, state: false });
    expect((await t.request({ url: `/api/portal/articles/${article.id}/compare?from=1&to=9`, cookie: staff })).statusCode).toBe(404);
    expect((await t.request({ url: `/api/portal/articles/${article.id}/compare?from=x&to=2`, cookie: staff })).json()).toMatchObject({ field: 'from' });
  });
});

describe('slugs', () => {
  it("a draft's slug follows its title; a published article's new slug leaves a 301 row from the old address", async () => {
    const article = await write(staff, { title: 'Tên tạm' });
    const renamed = (await patch(staff, article.id, { version: 1, title: 'Xúc tiến thương mại tại Hà Nội' })).json();
    expect(renamed.slug).toBe('xuc-tien-thuong-mai-tai-ha-noi');
    const published = (await act(editor, article.id, 'publish')).json();
    // A published article keeps its address when only the title changes …
    const retitled = (await patch(editor, article.id, { version: published.version, title: 'Xúc tiến thương mại tại Thủ đô' })).json();
    expect(retitled.slug).toBe('xuc-tien-thuong-mai-tai-ha-noi');
    // … and moves only when asked, leaving the old address behind as a redirect.
    const moved = await patch(editor, article.id, { version: retitled.version, slug: 'xuc-tien-thuong-mai-thu-do' });
    expect(moved.json().path).toBe('/tin-tuc/xuc-tien-thuong-mai-thu-do');
    const redirects = await db().select().from(portalRedirects).where(eq(portalRedirects.tenantId, TENANT));
    expect(redirects).toEqual(expect.arrayContaining([expect.objectContaining({ oldPath: '/tin-tuc/xuc-tien-thuong-mai-tai-ha-noi', targetPath: '/tin-tuc/xuc-tien-thuong-mai-thu-do' })]));
    // A slug another article holds is refused, not silently changed.
    const other = await write(staff, { title: 'Bài khác' });
    const taken = await patch(staff, other.id, { version: 1, slug: 'xuc-tien-thuong-mai-thu-do' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ field: 'slug' });
  });
});

describe('fixed pages', () => {
  it("are articles of kind 'page' at /trang/<slug>, listed apart from the news", async () => {
    const page = await write(admin, { kind: 'page', title: 'Liên hệ', bodyHtml: '<p>Số 1 đường Hoàng Văn Thụ</p>' });
    expect(page.path).toBe('/trang/lien-he');
    await act(admin, page.id, 'publish');
    expect((await getPublishedArticleBySlug({ db: db(), tenantId: TENANT, kind: 'page', slug: 'lien-he' }))?.bodyHtml).toContain('Hoàng Văn Thụ');
    expect(await getPublishedArticleBySlug({ db: db(), tenantId: TENANT, kind: 'news', slug: 'lien-he' })).toBeNull();
    const pages = (await t.request({ url: '/api/portal/articles?kind=page', cookie: staff })).json();
    expect(pages.items.map((i: { slug: string }) => i.slug)).toEqual(['lien-he']);
    const news = (await t.request({ url: '/api/portal/articles?q=lien he', cookie: staff })).json();
    expect(news.items).toEqual([]);
  });
});
