// The portal articles' and categories' rows of the authorization matrix (src/server/authorization.test.ts), with
// the articles and categories they act on. Writing and submitting are the alliance staff's (admin, staff, portal
// editors); publishing, scheduling and unpublishing the editors' (admin, staff with the flag) alone; another
// alliance's staff act in their own alliance, where these ids are not found. Test code only.
import type { InjectOptions } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { publishArticle, submitArticle } from './article-states.ts';
import { createArticle } from './articles.service.ts';
import { createCategory } from './categories.service.ts';

export type ArticleFixture = {
  readId: string;
  patchId: string;
  submitId: string;
  scheduleId: string;
  unpublishId: string;
  returnId: string;
  categoryId: string;
  ids: string[];
};

/** One article per row that changes one (so that rows do not depend on each other's order), and a category in use. */
export async function createArticleFixture(db: Db): Promise<ArticleFixture> {
  const actor = systemActor(TENANT);
  const category = await createCategory(db, { actor, input: { name: 'Chuyên mục kiểm tra quyền', kind: 'news', inMenu: true } });
  const draft = async (title: string) =>
    (await createArticle(db, { actor, input: { kind: 'news', title, summary: 'Tóm tắt.', bodyHtml: '<p>Nội dung.</p>', categoryId: category.id } })).id;
  const readId = await draft('Bài để đọc');
  const submitId = await draft('Bài để gửi duyệt');
  const scheduleId = await draft('Bài để hẹn giờ');
  const unpublishId = await draft('Bài để gỡ');
  await publishArticle(db, { actor, id: unpublishId });
  const returnId = await draft('Bài để trả về nháp');
  await submitArticle(db, { actor, id: returnId });
  const fixture = { readId, patchId: await draft('Bài để sửa'), submitId, scheduleId, unpublishId, returnId, categoryId: category.id };
  return { ...fixture, ids: [readId, fixture.patchId, submitId, scheduleId, unpublishId, returnId, category.id] };
}

type Who = 'alliance_admin' | 'alliance_staff' | 'portal_editor' | 'other_tenant_staff';
type ArticleRowSpec = { route: string; request: () => InjectOptions; allowed: Who[] };

const WRITERS: Who[] = ['alliance_admin', 'alliance_staff', 'portal_editor'];
const EDITORS: Who[] = ['alliance_admin', 'portal_editor'];
// Staff of another alliance pass the role check and act in their own alliance.
const ANY_WRITERS: Who[] = [...WRITERS, 'other_tenant_staff'];

/** Every route of articles.routes.ts and categories.routes.ts, with who may pass. */
export function articleRows(fixture: () => ArticleFixture): ArticleRowSpec[] {
  const one = (id: string, action = '') => `/api/portal/articles/${id}${action}`;
  const later = new Date(Date.now() + 7 * 86_400_000).toISOString();
  return [
    { route: 'GET /api/portal/articles', request: () => ({ url: '/api/portal/articles?state=draft&q=bai' }), allowed: ANY_WRITERS },
    { route: 'POST /api/portal/articles', request: () => ({ method: 'POST', url: '/api/portal/articles', payload: { title: 'Tin mới', bodyHtml: '<p>Nội dung</p>' } }), allowed: ANY_WRITERS },
    { route: 'GET /api/portal/articles/:id', request: () => ({ url: one(fixture().readId) }), allowed: WRITERS },
    // A second writer's save carries a stale version (409): still past the permission check.
    { route: 'PATCH /api/portal/articles/:id', request: () => ({ method: 'PATCH', url: one(fixture().patchId), payload: { version: 1, title: 'Bài để sửa (đã sửa)' } }), allowed: WRITERS },
    { route: 'POST /api/portal/articles/:id/submit', request: () => ({ method: 'POST', url: one(fixture().submitId, '/submit'), payload: {} }), allowed: WRITERS },
    // Scheduling is publishing with a time (the same route and check; publishing now is tested in articles.test.ts).
    { route: 'POST /api/portal/articles/:id/publish', request: () => ({ method: 'POST', url: one(fixture().scheduleId, '/publish'), payload: { publishAt: later } }), allowed: EDITORS },
    { route: 'POST /api/portal/articles/:id/unpublish', request: () => ({ method: 'POST', url: one(fixture().unpublishId, '/unpublish'), payload: {} }), allowed: EDITORS },
    { route: 'POST /api/portal/articles/:id/return-to-draft', request: () => ({ method: 'POST', url: one(fixture().returnId, '/return-to-draft'), payload: {} }), allowed: WRITERS },
    { route: 'GET /api/portal/articles/:id/versions', request: () => ({ url: one(fixture().readId, '/versions') }), allowed: WRITERS },
    { route: 'GET /api/portal/articles/:id/compare', request: () => ({ url: one(fixture().readId, '/compare?from=1&to=1') }), allowed: WRITERS },
    { route: 'GET /api/portal/categories', request: () => ({ url: '/api/portal/categories' }), allowed: ANY_WRITERS },
    { route: 'POST /api/portal/categories', request: () => ({ method: 'POST', url: '/api/portal/categories', payload: { name: 'Chuyên mục mới' } }), allowed: ANY_WRITERS },
    // The ids are in the body: another alliance's staff are told they are not theirs (400), not denied.
    { route: 'PUT /api/portal/categories/order', request: () => ({ method: 'PUT', url: '/api/portal/categories/order', payload: { categoryIds: [fixture().categoryId] } }), allowed: ANY_WRITERS },
    { route: 'PATCH /api/portal/categories/:id', request: () => ({ method: 'PATCH', url: `/api/portal/categories/${fixture().categoryId}`, payload: { description: 'Tin kiểm tra quyền' } }), allowed: WRITERS },
    // The category holds articles: every writer is refused with 409 (past the permission check), never deletes it.
    { route: 'DELETE /api/portal/categories/:id', request: () => ({ method: 'DELETE', url: `/api/portal/categories/${fixture().categoryId}` }), allowed: WRITERS },
  ];
}
