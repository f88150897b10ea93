// Categories and the menu (decision 009) and the portal editor permission set on /accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { readPortalVersion } from './portal-version.ts';
import { portalRedirects } from './portal.sql.ts';

let t: TestApp;
let staff: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
  admin = (await t.signIn('alliance_admin')).cookie;
});
afterAll(() => t.close());

const version = () => readPortalVersion(t.database.db, TENANT);
const create = async (payload: object) => {
  const res = await t.request({ method: 'POST', url: '/api/portal/categories', cookie: staff, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('categories and the menu', () => {
  it('news categories and link entries, in menu order; every change moves the portal version and is audited', async () => {
    const before = await version();
    const news = await create({ name: 'Hoạt động Liên minh' });
    expect(news).toMatchObject({ slug: 'hoat-dong-lien-minh', kind: 'news', path: '/chuyen-muc/hoat-dong-lien-minh', menuOrder: 1 });
    const link = await create({ name: 'Liên hệ', kind: 'link', path: '/trang/lien-he' });
    expect(link).toMatchObject({ kind: 'link', path: '/trang/lien-he', menuOrder: 2 });
    const noPath = await t.request({ method: 'POST', url: '/api/portal/categories', cookie: staff, payload: { name: 'Liên kết', kind: 'link' } });
    expect(noPath.statusCode).toBe(400);
    expect(noPath.json()).toMatchObject({ field: 'path', message: expect.stringContaining('Địa chỉ liên kết') });
    const noName = await t.request({ method: 'POST', url: '/api/portal/categories', cookie: staff, payload: { name: '' } });
    expect(noName.json()).toMatchObject({ field: 'name', message: 'Tên chuyên mục: chưa nhập (bắt buộc)' });

    const order = await t.request({ method: 'PUT', url: '/api/portal/categories/order', cookie: staff, payload: { categoryIds: [link.id, news.id] } });
    expect(order.statusCode, order.body).toBe(200);
    expect(order.json().items.map((c: { name: string; menuOrder: number }) => [c.name, c.menuOrder])).toEqual([['Liên hệ', 1], ['Hoạt động Liên minh', 2]]);
    const stranger = await t.request({ method: 'PUT', url: '/api/portal/categories/order', cookie: staff, payload: { categoryIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(stranger.json()).toMatchObject({ field: 'categoryIds' });

    expect(await version()).toBe(before + 3);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'portal_category'), eq(auditEvents.tenantId, TENANT)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['portal_category.created', 'portal_category.reordered']));
  });

  it('a category holding articles is not deleted (Vietnamese message); an empty one is; a new slug leaves a redirect', async () => {
    const category = await create({ name: 'Xúc tiến thương mại' });
    const art = await t.request({ method: 'POST', url: '/api/portal/articles', cookie: staff, payload: { title: 'Hội chợ OCOP', categoryId: category.id } });
    expect(art.statusCode, art.body).toBe(201);
    const refused = await t.request({ method: 'DELETE', url: `/api/portal/categories/${category.id}`, cookie: staff });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('Chuyên mục «Xúc tiến thương mại» đang có 1 bài viết: hãy chuyển các bài sang chuyên mục khác rồi mới xóa (hoặc ẩn chuyên mục khỏi menu).');
    const list = (await t.request({ url: '/api/portal/categories', cookie: staff })).json();
    expect(list.items.find((c: { id: string }) => c.id === category.id).articleCount).toBe(1);

    const renamed = await t.request({ method: 'PATCH', url: `/api/portal/categories/${category.id}`, cookie: staff, payload: { slug: 'xuc-tien-thuong-mai-ocop', inMenu: false } });
    expect(renamed.json()).toMatchObject({ slug: 'xuc-tien-thuong-mai-ocop', inMenu: false });
    const [redirect] = await t.database.db.select().from(portalRedirects).where(and(eq(portalRedirects.tenantId, TENANT), eq(portalRedirects.oldPath, '/chuyen-muc/xuc-tien-thuong-mai')));
    expect(redirect?.targetPath).toBe('/chuyen-muc/xuc-tien-thuong-mai-ocop');

    const empty = await create({ name: 'Chuyên mục trống' });
    const before = await version();
    expect((await t.request({ method: 'DELETE', url: `/api/portal/categories/${empty.id}`, cookie: staff })).statusCode).toBe(200);
    expect(await version()).toBe(before + 1);
    expect((await t.request({ method: 'DELETE', url: `/api/portal/categories/${empty.id}`, cookie: staff })).statusCode).toBe(404);
  });
});

describe('the portal editor permission', () => {
  it('the admin gives it to a staff account (audited), it takes effect at once, and takes it back', async () => {
    const signed = await t.signIn('alliance_staff');
    const me = async () => (await t.request({ url: '/api/auth/me', cookie: signed.cookie })).json().user.can;
    expect(await me()).toMatchObject({ writeArticles: true, publishArticles: false, manageLibrary: true });
    const art = (await t.request({ method: 'POST', url: '/api/portal/articles', cookie: signed.cookie, payload: { title: 'Tin của cán bộ' } })).json();
    expect((await t.request({ method: 'POST', url: `/api/portal/articles/${art.id}/publish`, cookie: signed.cookie, payload: {} })).statusCode).toBe(403);

    const userId = signed.actor.kind === 'user' ? signed.actor.userId! : '';
    const given = await t.request({ method: 'PATCH', url: `/api/accounts/${userId}`, cookie: admin, payload: { portalEditor: true } });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json().account.portalEditor).toBe(true);
    expect(await me()).toMatchObject({ publishArticles: true });
    expect((await t.request({ method: 'POST', url: `/api/portal/articles/${art.id}/publish`, cookie: signed.cookie, payload: {} })).json()).toMatchObject({ state: 'published' });
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, userId), eq(auditEvents.action, 'user.updated')));
    expect(event).toMatchObject({ before: expect.objectContaining({ portalEditor: false }), after: expect.objectContaining({ portalEditor: true }) });

    await t.request({ method: 'PATCH', url: `/api/accounts/${userId}`, cookie: admin, payload: { portalEditor: false } });
    expect(await me()).toMatchObject({ publishArticles: false });

    const officer = await t.signIn('fund_officer');
    const officerId = officer.actor.kind === 'user' ? officer.actor.userId! : '';
    const wrong = await t.request({ method: 'PATCH', url: `/api/accounts/${officerId}`, cookie: admin, payload: { portalEditor: true } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ field: 'portalEditor', message: expect.stringContaining('Cán bộ Liên minh') });
    const notBool = await t.request({ method: 'PATCH', url: `/api/accounts/${userId}`, cookie: admin, payload: { portalEditor: 'có' } });
    expect(notBool.json()).toMatchObject({ field: 'portalEditor', message: 'Được đăng bài lên cổng thông tin: phải là có hoặc không' });
  });
});
