/**
 * Every saved version of an article (decision 009): each save and each change of state adds one
 * portal_article_versions row, whole; two versions are compared word by word (the `diff` package) on the title,
 * the summary and the body's text, so that an editor sees what a writer changed without reading HTML.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { diffWords } from 'diff';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { getArticleRow } from './articles.service.ts';
import { requireArticleWriter } from './articles.policy.ts';
import { portalArticles, portalArticleVersions } from './portal.sql.ts';
import { articleText } from './sanitize.ts';

type ArticleRow = typeof portalArticles.$inferSelect;

/** Adds the version row of the article as it now stands (call it in the transaction of the save). */
export async function addArticleVersion(tx: Db, article: ArticleRow, { savedBy, note }: { savedBy: string | null; note?: string | null }): Promise<void> {
  await tx.insert(portalArticleVersions).values({
    tenantId: article.tenantId,
    articleId: article.id,
    version: article.version,
    title: article.title,
    summary: article.summary,
    bodyHtml: article.bodyHtml,
    categoryId: article.categoryId,
    coverImageId: article.coverImageId,
    tags: article.tags,
    authorName: article.authorName,
    authorPosition: article.authorPosition,
    state: article.state,
    note: note ?? null,
    savedBy,
  });
}

/** The versions of one article, oldest first (without bodies: the list stays light). */
export async function findArticleVersions(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const user = requireArticleWriter(actor);
  const article = await getArticleRow(db, user.tenantId, id);
  const rows = await db
    .select({
      version: portalArticleVersions.version,
      title: portalArticleVersions.title,
      state: portalArticleVersions.state,
      note: portalArticleVersions.note,
      savedBy: portalArticleVersions.savedBy,
      savedAt: portalArticleVersions.savedAt,
    })
    .from(portalArticleVersions)
    .where(and(eq(portalArticleVersions.tenantId, user.tenantId), eq(portalArticleVersions.articleId, article.id)))
    .orderBy(asc(portalArticleVersions.version));
  return { articleId: article.id, currentVersion: article.version, items: rows };
}

export type DiffPart = { added?: true; removed?: true; value: string };

/** Word differences from `from` to `to`: parts in order, each added, removed or common. */
export function wordDiff(from: string, to: string): DiffPart[] {
  const changes = diffWords(from, to, { timeout: 2000 });
  // Past the time limit (a whole book pasted in) the comparison is simply "all of it replaced".
  if (!changes) return [...(from ? [{ removed: true as const, value: from }] : []), ...(to ? [{ added: true as const, value: to }] : [])];
  return changes.map((c) => ({ ...(c.added ? { added: true as const } : {}), ...(c.removed ? { removed: true as const } : {}), value: c.value }));
}

/** The body's text with one line per paragraph, heading, list item or caption (a diff reads by paragraph). */
export function bodyTextForDiff(html: string): string {
  return html
    .split(/<\/(?:p|h[1-6]|li|figcaption|blockquote|tr|caption)>|<br\s*\/?>/i)
    .map((part) => articleText(part))
    .filter(Boolean)
    .join('\n');
}

/** Two versions of an article compared: title, summary and body's text word by word; what else changed. */
export async function compareArticleVersions(db: Db, { actor, id, from, to }: { actor: Actor; id: string; from: number; to: number }) {
  const user = requireArticleWriter(actor);
  const article = await getArticleRow(db, user.tenantId, id);
  const rows = await db
    .select()
    .from(portalArticleVersions)
    .where(and(eq(portalArticleVersions.tenantId, user.tenantId), eq(portalArticleVersions.articleId, article.id), inArray(portalArticleVersions.version, [from, to])));
  const older = rows.find((r) => r.version === from);
  const newer = rows.find((r) => r.version === to);
  if (!older || !newer) throw notFound('phiên bản cần so sánh của bài viết');
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return {
    articleId: article.id,
    from: { version: older.version, state: older.state, savedBy: older.savedBy, savedAt: older.savedAt },
    to: { version: newer.version, state: newer.state, savedBy: newer.savedBy, savedAt: newer.savedAt },
    title: wordDiff(older.title, newer.title),
    summary: wordDiff(older.summary, newer.summary),
    body: wordDiff(bodyTextForDiff(older.bodyHtml), bodyTextForDiff(newer.bodyHtml)),
    changed: {
      bodyHtml: older.bodyHtml !== newer.bodyHtml,
      categoryId: !same(older.categoryId, newer.categoryId),
      coverImageId: !same(older.coverImageId, newer.coverImageId),
      tags: !same(older.tags, newer.tags),
      author: !same([older.authorName, older.authorPosition], [newer.authorName, newer.authorPosition]),
      state: older.state !== newer.state,
    },
  };
}
