/**
 * The portal's categories and menu (decision 009): news categories (/chuyen-muc/<slug>) and 'link' entries (a fixed
 * page or a path), in the alliance's menu order. Every change moves the portal's content version (the menu is on
 * every public page) and is audited. A category still holding articles cannot be deleted.
 */
import { and, asc, count, eq, like, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.ts';
import { slugFromTitle, uniqueSlug } from '../../../shared/slug.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireArticleWriter } from './articles.policy.ts';
import type { CategoryInput, CategoryPatch } from './articles.schemas.ts';
import { bumpPortalVersion } from './portal-version.ts';
import { portalArticles, portalCategories } from './portal.sql.ts';
import { saveRedirect } from './redirects.service.ts';

type CategoryRow = typeof portalCategories.$inferSelect;

/** The default news categories of an alliance's portal (the demo and a new alliance start with them). */
export const DEFAULT_CATEGORIES = [
  { slug: 'hoat-dong-lien-minh', name: 'Hoạt động Liên minh' },
  { slug: 'hoi-thao-tap-huan-boi-duong', name: 'Hội thảo, tập huấn bồi dưỡng' },
  { slug: 'thi-dua-khen-thuong', name: 'Thi đua, khen thưởng' },
  { slug: 'xuc-tien-thuong-mai', name: 'Xúc tiến thương mại' },
  { slug: 'chinh-sach-phap-luat', name: 'Chính sách, pháp luật' },
  { slug: 'htx-dien-hinh', name: 'HTX điển hình' },
  { slug: 'quy-ho-tro-phat-trien-htx', name: 'Quỹ hỗ trợ phát triển HTX' },
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Creates the default categories an alliance lacks (by slug), in their order; returns the alliance's categories by slug. */
export async function ensureDefaultCategories(tx: Db, tenantId: number): Promise<Map<string, string>> {
  await tx
    .insert(portalCategories)
    .values(DEFAULT_CATEGORIES.map((c, i) => ({ tenantId, slug: c.slug, name: c.name, kind: 'news', menuOrder: i + 1 })))
    .onConflictDoNothing();
  const rows = await tx.select({ id: portalCategories.id, slug: portalCategories.slug }).from(portalCategories).where(eq(portalCategories.tenantId, tenantId));
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/**
 * Gives the default categories to every alliance that has none (a new installation, without the demo): run when
 * `coop serve` starts, so that a new alliance's portal has a menu and its editors a category to write in. An alliance
 * with categories of its own is left as it is. Returns how many alliances got them.
 */
export async function ensureCategoriesOfNewAlliances(db: Db): Promise<number> {
  const bare = await queryRows<{ id: number }>(db, sql`
    select a.id from alliances a
    where not exists (select 1 from ${portalCategories} c where c.tenant_id = a.id)
    order by a.id`);
  const ids = bare.map((r) => Number(r.id));
  for (const tenantId of ids) {
    await db.transaction(async (tx) => {
      await ensureDefaultCategories(tx, tenantId);
      await bumpPortalVersion(tx, tenantId);
    });
  }
  return ids.length;
}

/** The alliance's categories in menu order, each with how many articles it holds. */
export async function findCategories(db: Db, { actor }: { actor: Actor }) {
  const user = requireArticleWriter(actor);
  const articles = db
    .select({ categoryId: portalArticles.categoryId, n: count().as('n') })
    .from(portalArticles)
    .where(eq(portalArticles.tenantId, user.tenantId))
    .groupBy(portalArticles.categoryId)
    .as('articles');
  const rows = await db
    .select({ category: portalCategories, articleCount: sql<number>`coalesce(${articles.n}, 0)` })
    .from(portalCategories)
    .leftJoin(articles, eq(articles.categoryId, portalCategories.id))
    .where(eq(portalCategories.tenantId, user.tenantId))
    .orderBy(asc(portalCategories.menuOrder), asc(portalCategories.name));
  return { items: rows.map((r) => ({ ...present(r.category), articleCount: Number(r.articleCount) })) };
}

/** A new category or menu link, last in the menu. */
export async function createCategory(db: Db, { actor, input }: { actor: Actor; input: CategoryInput }) {
  const { tenantId } = requireArticleWriter(actor);
  return db.transaction(async (tx) => {
    const slug = await chooseSlug(tx, tenantId, input.slug, input.name, null);
    const [{ last } = { last: 0 }] = await tx.select({ last: sql<number>`coalesce(max(${portalCategories.menuOrder}), 0)` }).from(portalCategories).where(eq(portalCategories.tenantId, tenantId));
    const [row] = await tx
      .insert(portalCategories)
      .values({ tenantId, slug, name: input.name, description: input.description ?? null, kind: input.kind, path: input.kind === 'link' ? (input.path ?? null) : null, inMenu: input.inMenu, menuOrder: Number(last) + 1 })
      .returning();
    await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'portal_category.created', entityType: 'portal_category', entityId: row!.id, before: null, after: present(row!) });
    return present(row!);
  });
}

/** Renames, re-addresses, hides or shows a category; a news category's new slug leaves a redirect from the old page. */
export async function updateCategory(db: Db, { actor, id, input }: { actor: Actor; id: string; input: CategoryPatch }) {
  const { tenantId } = requireArticleWriter(actor);
  return db.transaction(async (tx) => {
    const before = await getCategoryRow(tx, tenantId, id);
    const slug = input.slug && input.slug !== before.slug ? await chooseSlug(tx, tenantId, input.slug, before.name, id) : before.slug;
    if (before.kind === 'link' && input.path !== undefined && !input.path?.startsWith('/')) {
      throw new AppError('bad_request', 'Địa chỉ liên kết: một mục liên kết cần địa chỉ bắt đầu bằng "/" (ví dụ /trang/lien-he)', { field: 'path' });
    }
    const [row] = await tx
      .update(portalCategories)
      .set({
        slug,
        name: input.name ?? before.name,
        description: input.description === undefined ? before.description : input.description,
        path: before.kind === 'link' && input.path !== undefined ? input.path : before.path,
        inMenu: input.inMenu ?? before.inMenu,
      })
      .where(and(eq(portalCategories.tenantId, tenantId), eq(portalCategories.id, id)))
      .returning();
    if (before.kind === 'news' && slug !== before.slug) {
      await saveRedirect(tx, { tenantId, oldPath: `/chuyen-muc/${before.slug}`, targetPath: `/chuyen-muc/${slug}`, source: 'slug' });
    }
    await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'portal_category.updated', entityType: 'portal_category', entityId: id, before: present(before), after: present(row!) });
    return present(row!);
  });
}

/** Deletes an empty category (409 in Vietnamese while any article, published or not, is in it). */
export async function deleteCategory(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { tenantId } = requireArticleWriter(actor);
  return db.transaction(async (tx) => {
    const before = await getCategoryRow(tx, tenantId, id);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(portalArticles).where(and(eq(portalArticles.tenantId, tenantId), eq(portalArticles.categoryId, id)));
    if (Number(n) > 0) {
      throw new AppError('conflict', `Chuyên mục «${before.name}» đang có ${Number(n)} bài viết: hãy chuyển các bài sang chuyên mục khác rồi mới xóa (hoặc ẩn chuyên mục khỏi menu).`);
    }
    await tx.delete(portalCategories).where(and(eq(portalCategories.tenantId, tenantId), eq(portalCategories.id, id)));
    await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'portal_category.deleted', entityType: 'portal_category', entityId: id, before: present(before), after: null });
    return { deleted: true };
  });
}

/** Sets the menu order: the categories named come first, in that order; the others keep theirs after them. */
export async function reorderCategories(db: Db, { actor, categoryIds }: { actor: Actor; categoryIds: string[] }) {
  const { tenantId } = requireArticleWriter(actor);
  const ids = [...new Set(categoryIds)];
  await db.transaction(async (tx) => {
    const rows = await tx.select().from(portalCategories).where(eq(portalCategories.tenantId, tenantId)).orderBy(asc(portalCategories.menuOrder), asc(portalCategories.name));
    const known = new Set(rows.map((r) => r.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw new AppError('bad_request', 'Thứ tự chuyên mục: có chuyên mục không thuộc Liên minh (hoặc đã bị xóa); hãy tải lại trang.', { field: 'categoryIds' });
    if (rows.length === 0) return;
    const order = [...ids, ...rows.map((r) => r.id).filter((id) => !ids.includes(id))];
    for (const [i, id] of order.entries()) {
      await tx.update(portalCategories).set({ menuOrder: i + 1 }).where(and(eq(portalCategories.tenantId, tenantId), eq(portalCategories.id, id)));
    }
    await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'portal_category.reordered', entityType: 'portal_category', entityId: order[0] ?? rows[0]?.id ?? '00000000-0000-4000-8000-000000000000', before: { menu: rows.map((r) => r.id) }, after: { menu: order } });
  });
  return findCategories(db, { actor });
}

async function getCategoryRow(tx: Db, tenantId: number, id: string): Promise<CategoryRow> {
  if (!UUID.test(id)) throw notFound('chuyên mục');
  const [row] = await tx.select().from(portalCategories).where(and(eq(portalCategories.tenantId, tenantId), eq(portalCategories.id, id)));
  if (!row) throw notFound('chuyên mục');
  return row;
}

async function chooseSlug(tx: Db, tenantId: number, asked: string | undefined, name: string, selfId: string | null): Promise<string> {
  const base = asked ?? slugFromTitle(name, 60);
  const rows = await tx
    .select({ id: portalCategories.id, slug: portalCategories.slug })
    .from(portalCategories)
    .where(and(eq(portalCategories.tenantId, tenantId), like(portalCategories.slug, `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)));
  const taken = new Set(rows.filter((r) => r.id !== selfId).map((r) => r.slug));
  if (asked && taken.has(asked)) throw new AppError('conflict', `Đường dẫn "${asked}" đã có chuyên mục khác dùng.`, { field: 'slug' });
  return uniqueSlug(base, (s) => taken.has(s));
}

function present(row: CategoryRow) {
  const { tenantId: _tenant, ...rest } = row;
  return { ...rest, path: row.kind === 'link' ? row.path : `/chuyen-muc/${row.slug}` };
}
