/**
 * The portal's articles and fixed pages (decision 009): write, edit with optimistic concurrency (version), list and
 * read for the editors. State changes live in article-states.ts, versions and comparison in article-versions.ts,
 * the public's reads in published-articles.ts.
 */
import { and, count, desc, eq, ilike, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { slugFromTitle, uniqueSlug } from '../../../shared/slug.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { actorLabel, type Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { addArticleVersion } from './article-versions.ts';
import { articlePermissions, isPortalEditor, LIVE_STATES, requireArticleWriter } from './articles.policy.ts';
import type { ArticleState, CreateArticleInput, ListArticlesInput, UpdateArticleInput } from './articles.schemas.ts';
import { bumpPortalVersion } from './portal-version.ts';
import { saveRedirect } from './redirects.service.ts';
import { portalArticles, portalCategories, portalImages, portalRedirects } from './portal.sql.ts';
import { articleText, sanitizeArticleHtml } from './sanitize.ts';

export type ArticleRow = typeof portalArticles.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public address of an article or a fixed page. */
export function articlePath(article: { kind: string; slug: string }): string {
  return article.kind === 'page' ? `/trang/${article.slug}` : `/tin-tuc/${article.slug}`;
}

/** One article of the alliance, whole; 404 for an id of another alliance or none. */
export async function getArticleRow(db: Db, tenantId: number, id: string): Promise<ArticleRow> {
  if (!UUID.test(id)) throw notFound('bài viết');
  const [row] = await db.select().from(portalArticles).where(and(eq(portalArticles.tenantId, tenantId), eq(portalArticles.id, id)));
  if (!row) throw notFound('bài viết');
  return row;
}

/** What the editors' pages show of an article, with what the actor may do next. */
export function presentArticle(actor: Actor, row: ArticleRow) {
  const { searchText: _search, tenantId: _tenant, ...rest } = row;
  return { ...rest, path: articlePath(row), can: articlePermissions(actor, row) };
}

/** The text searched without accents: title, summary and the body's words. */
export function articleSearchText(title: string, summary: string, bodyHtml: string): string {
  return searchKey(`${title} ${summary} ${articleText(bodyHtml)}`);
}

/** The articles (or fixed pages) of the actor's alliance for the editors: by state, category, words; newest first. */
export async function findArticles(db: Db, { actor, query }: { actor: Actor; query: ListArticlesInput }) {
  const user = requireArticleWriter(actor);
  const words = query.q ? searchKey(query.q) : '';
  const where = and(
    eq(portalArticles.tenantId, user.tenantId),
    eq(portalArticles.kind, query.kind),
    query.state ? eq(portalArticles.state, query.state) : undefined,
    query.categoryId ? eq(portalArticles.categoryId, query.categoryId) : undefined,
    words ? or(like(portalArticles.searchText, `%${escapeLike(words)}%`), ilike(portalArticles.slug, `%${escapeLike(words.replaceAll(' ', '-'))}%`)) : undefined,
  );
  const rows = await db
    .select({
      id: portalArticles.id,
      kind: portalArticles.kind,
      slug: portalArticles.slug,
      title: portalArticles.title,
      state: portalArticles.state,
      categoryId: portalArticles.categoryId,
      categoryName: portalCategories.name,
      authorName: portalArticles.authorName,
      publishAt: portalArticles.publishAt,
      publishedAt: portalArticles.publishedAt,
      menuOrder: portalArticles.menuOrder,
      version: portalArticles.version,
      updatedBy: portalArticles.updatedBy,
      updatedAt: portalArticles.updatedAt,
    })
    .from(portalArticles)
    .leftJoin(portalCategories, and(eq(portalCategories.tenantId, portalArticles.tenantId), eq(portalCategories.id, portalArticles.categoryId)))
    .where(where)
    .orderBy(...(query.kind === 'page' ? [portalArticles.menuOrder, portalArticles.title] : [desc(portalArticles.updatedAt), desc(portalArticles.id)]))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(portalArticles).where(where);
  return {
    items: rows.map((r) => ({ ...r, path: articlePath(r), can: articlePermissions(actor, r) })),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
    canPublish: isPortalEditor(actor),
  };
}

/** One article for the editor. */
export async function getArticle(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const user = requireArticleWriter(actor);
  return presentArticle(actor, await getArticleRow(db, user.tenantId, id));
}

/** A new draft (news or fixed page): sanitised body, slug from the title unless given, version 1. */
export async function createArticle(db: Db, { actor, input }: { actor: Actor; input: CreateArticleInput }) {
  const user = requireArticleWriter(actor);
  const tenantId = user.tenantId;
  return db.transaction(async (tx) => {
    await checkReferences(tx, tenantId, input, input.kind);
    const slug = await chooseSlug(tx, tenantId, input.kind, input.slug, input.title, null);
    const bodyHtml = sanitizeArticleHtml(input.bodyHtml ?? '');
    const summary = input.summary ?? '';
    const [row] = await tx
      .insert(portalArticles)
      .values({
        tenantId,
        kind: input.kind,
        slug,
        title: input.title,
        summary,
        bodyHtml,
        categoryId: input.categoryId ?? null,
        coverImageId: input.coverImageId ?? null,
        tags: input.tags ?? [],
        authorName: input.authorName ?? null,
        authorPosition: input.authorPosition ?? null,
        menuOrder: input.menuOrder ?? 0,
        searchText: articleSearchText(input.title, summary, bodyHtml),
        state: 'draft',
        version: 1,
        createdBy: actorLabel(actor),
        updatedBy: actorLabel(actor),
      })
      .returning();
    await addArticleVersion(tx, row!, { savedBy: actorLabel(actor), note: 'Tạo bài' });
    await recordAudit(tx, { actor, tenantId, action: 'portal_article.created', entityType: 'portal_article', entityId: row!.id, before: null, after: auditView(row!) });
    return presentArticle(actor, row!);
  });
}

/**
 * Saves a new version of an article. The body carries the version it edits (a stale one: 409). A published or
 * scheduled article is edited in place by an editor only; its public page changes at once (the portal version
 * moves), and a new slug leaves a redirect from the old address.
 */
export async function updateArticle(db: Db, { actor, id, input }: { actor: Actor; id: string; input: UpdateArticleInput }) {
  const user = requireArticleWriter(actor);
  const tenantId = user.tenantId;
  return db.transaction(async (tx) => {
    const before = await getArticleRow(tx, tenantId, id);
    if (!articlePermissions(actor, before).edit) throw new AppError('forbidden', 'Bài đã đăng hoặc đã hẹn giờ đăng: chỉ người được giao đăng bài mới sửa được.');
    if (before.version !== input.version) throw staleVersion();
    await checkReferences(tx, tenantId, input, before.kind);
    const title = input.title ?? before.title;
    // Until its first publication, a draft's address follows its title; afterwards it changes only when asked.
    const wantedSlug = input.slug ?? (before.publishedAt === null && input.title !== undefined && input.title !== before.title ? slugFromTitle(title) : before.slug);
    const slug = wantedSlug === before.slug ? before.slug : await chooseSlug(tx, tenantId, before.kind, wantedSlug, title, before.id, input.slug !== undefined);
    const summary = input.summary ?? before.summary;
    const bodyHtml = input.bodyHtml === undefined ? before.bodyHtml : sanitizeArticleHtml(input.bodyHtml);
    const [row] = await tx
      .update(portalArticles)
      .set({
        title,
        slug,
        summary,
        bodyHtml,
        categoryId: input.categoryId === undefined ? before.categoryId : input.categoryId,
        coverImageId: input.coverImageId === undefined ? before.coverImageId : input.coverImageId,
        tags: input.tags ?? before.tags,
        authorName: input.authorName === undefined ? before.authorName : input.authorName,
        authorPosition: input.authorPosition === undefined ? before.authorPosition : input.authorPosition,
        menuOrder: input.menuOrder ?? before.menuOrder,
        searchText: articleSearchText(title, summary, bodyHtml),
        version: sql`${portalArticles.version} + 1`,
        updatedBy: actorLabel(actor),
        updatedAt: sql`now()`,
      })
      .where(and(eq(portalArticles.tenantId, tenantId), eq(portalArticles.id, id), eq(portalArticles.version, input.version)))
      .returning();
    if (!row) throw staleVersion();
    await addArticleVersion(tx, row, { savedBy: actorLabel(actor), note: input.note });
    if (slug !== before.slug && before.publishedAt !== null) await addSlugRedirect(tx, tenantId, articlePath(before), articlePath(row));
    if (LIVE_STATES.includes(before.state as ArticleState)) await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'portal_article.updated', entityType: 'portal_article', entityId: id, before: auditView(before), after: auditView(row) });
    return presentArticle(actor, row);
  });
}

export const staleVersion = () => new AppError('conflict', 'Bài viết đã được người khác lưu trong lúc bạn sửa; hãy tải lại bài và sửa lại.', { field: 'version' });

/** The fields of an article an audit event keeps (not the body: its versions keep that). */
export function auditView(row: ArticleRow) {
  return { kind: row.kind, slug: row.slug, title: row.title, state: row.state, categoryId: row.categoryId, publishAt: row.publishAt, version: row.version };
}

/** The old address answers 301 to the new one; older addresses that pointed to the old one now point to the new. */
async function addSlugRedirect(tx: Db, tenantId: number, oldPath: string, newPath: string): Promise<void> {
  await tx.delete(portalRedirects).where(and(eq(portalRedirects.tenantId, tenantId), eq(portalRedirects.oldPath, newPath)));
  await tx.update(portalRedirects).set({ targetPath: newPath }).where(and(eq(portalRedirects.tenantId, tenantId), eq(portalRedirects.targetPath, oldPath)));
  await saveRedirect(tx, { tenantId, oldPath, targetPath: newPath, source: 'slug' });
}

/**
 * A free slug of the alliance for this kind: the one asked for (409 when another article has it, if `strict`), else
 * the title's with "-2", "-3"… as needed.
 */
async function chooseSlug(tx: Db, tenantId: number, kind: string, asked: string | undefined, title: string, selfId: string | null, strict = asked !== undefined): Promise<string> {
  const base = asked ?? slugFromTitle(title);
  const rows = await tx
    .select({ slug: portalArticles.slug, id: portalArticles.id })
    .from(portalArticles)
    .where(and(eq(portalArticles.tenantId, tenantId), eq(portalArticles.kind, kind), like(portalArticles.slug, `${escapeLike(base)}%`)));
  const taken = new Set(rows.filter((r) => r.id !== selfId).map((r) => r.slug));
  if (strict && taken.has(base)) throw new AppError('conflict', `Đường dẫn "${base}" đã được bài khác dùng; hãy chọn đường dẫn khác.`, { field: 'slug' });
  return uniqueSlug(base, (s) => taken.has(s));
}

/** The category must be a news category of the alliance, the cover an image of its library (400 otherwise). */
async function checkReferences(tx: Db, tenantId: number, input: { categoryId?: string | null; coverImageId?: string | null }, kind: string): Promise<void> {
  if (input.categoryId) {
    const [category] = await tx
      .select({ kind: portalCategories.kind })
      .from(portalCategories)
      .where(and(eq(portalCategories.tenantId, tenantId), eq(portalCategories.id, input.categoryId)));
    if (!category) throw new AppError('bad_request', 'Chuyên mục: không tìm thấy chuyên mục này.', { field: 'categoryId' });
    if (category.kind !== 'news' || kind !== 'news') throw new AppError('bad_request', 'Chuyên mục: chỉ tin bài mới xếp vào chuyên mục tin.', { field: 'categoryId' });
  }
  if (input.coverImageId) {
    const [image] = await tx
      .select({ id: portalImages.id })
      .from(portalImages)
      .where(and(eq(portalImages.tenantId, tenantId), eq(portalImages.id, input.coverImageId)));
    if (!image) throw new AppError('bad_request', 'Ảnh đại diện: không tìm thấy ảnh này trong thư viện ảnh.', { field: 'coverImageId' });
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
