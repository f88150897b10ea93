/**
 * What the public may read of the articles (decision 009): published ones, and scheduled ones whose time has come
 * even before `publishDueArticles` sweeps them. Used by the public pages, feeds, sitemap and search; no actor —
 * everything here is public.
 */
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { portalArticles, portalCategories } from './portal.sql.ts';

export type ArticleKind = 'news' | 'page';

/** The articles a reader may see now: state 'published', or 'scheduled' with publishAt passed. */
export function publicArticleCondition(): SQL {
  return or(
    eq(portalArticles.state, 'published'),
    and(eq(portalArticles.state, 'scheduled'), sql`${portalArticles.publishAt} <= now()`),
  )!;
}

/** The date a public article shows: its publication date, else (a scheduled one come due) its publishAt. */
const shownDate = sql<Date>`coalesce(${portalArticles.publishedAt}, ${portalArticles.publishAt}, ${portalArticles.updatedAt})`;

const publicColumns = {
  id: portalArticles.id,
  kind: portalArticles.kind,
  slug: portalArticles.slug,
  title: portalArticles.title,
  summary: portalArticles.summary,
  coverImageId: portalArticles.coverImageId,
  tags: portalArticles.tags,
  authorName: portalArticles.authorName,
  authorPosition: portalArticles.authorPosition,
  publishedAt: shownDate,
  updatedAt: portalArticles.updatedAt,
  categorySlug: portalCategories.slug,
  categoryName: portalCategories.name,
};

export type PublishedArticleSummary = {
  id: string;
  kind: ArticleKind;
  slug: string;
  title: string;
  summary: string;
  coverImageId: string | null;
  tags: string[];
  authorName: string | null;
  authorPosition: string | null;
  publishedAt: Date;
  updatedAt: Date;
  category: { slug: string; name: string } | null;
};
export type PublishedArticle = PublishedArticleSummary & { bodyHtml: string };

function present(r: Record<string, unknown>): PublishedArticleSummary {
  return {
    id: r.id as string,
    kind: r.kind as ArticleKind,
    slug: r.slug as string,
    title: r.title as string,
    summary: r.summary as string,
    coverImageId: (r.coverImageId as string | null) ?? null,
    tags: (r.tags as string[] | null) ?? [],
    authorName: (r.authorName as string | null) ?? null,
    authorPosition: (r.authorPosition as string | null) ?? null,
    publishedAt: new Date(r.publishedAt as string | Date),
    updatedAt: new Date(r.updatedAt as string | Date),
    category: r.categorySlug ? { slug: r.categorySlug as string, name: r.categoryName as string } : null,
  };
}

const categoryJoin = and(eq(portalCategories.tenantId, portalArticles.tenantId), eq(portalCategories.id, portalArticles.categoryId));

/** Public news of the alliance (optionally of one category), newest first, with the total for paging. */
export async function findPublishedArticles({
  db,
  tenantId,
  categoryId,
  limit,
  offset = 0,
}: {
  db: Db;
  tenantId: number;
  categoryId?: string;
  limit: number;
  offset?: number;
}): Promise<{ items: PublishedArticleSummary[]; total: number }> {
  const where = and(
    eq(portalArticles.tenantId, tenantId),
    eq(portalArticles.kind, 'news'),
    publicArticleCondition(),
    categoryId ? eq(portalArticles.categoryId, categoryId) : undefined,
  );
  const rows = await db
    .select(publicColumns)
    .from(portalArticles)
    .leftJoin(portalCategories, categoryJoin)
    .where(where)
    .orderBy(desc(shownDate), desc(portalArticles.id))
    .limit(limit)
    .offset(offset);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(portalArticles).where(where);
  return { items: rows.map(present), total: Number(total) };
}

/** One public article ('news') or fixed page ('page') by its slug; null when there is none the public may read. */
export async function getPublishedArticleBySlug({ db, tenantId, kind, slug }: { db: Db; tenantId: number; kind: ArticleKind; slug: string }): Promise<PublishedArticle | null> {
  const [row] = await db
    .select({ ...publicColumns, bodyHtml: portalArticles.bodyHtml })
    .from(portalArticles)
    .leftJoin(portalCategories, categoryJoin)
    .where(and(eq(portalArticles.tenantId, tenantId), eq(portalArticles.kind, kind), eq(portalArticles.slug, slug.normalize('NFC')), publicArticleCondition()))
    .limit(1);
  return row ? { ...present(row), bodyHtml: row.bodyHtml } : null;
}

/** The earliest publishAt still to come (the public cache keys on it: a page must change when it passes). */
export async function nextScheduledPublication(db: Db, tenantId: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | null>`min(${portalArticles.publishAt})` })
    .from(portalArticles)
    .where(and(eq(portalArticles.tenantId, tenantId), eq(portalArticles.state, 'scheduled'), sql`${portalArticles.publishAt} > now()`));
  return row?.at ? new Date(row.at) : null;
}
