/** All news, newest first, paged (/tin-tuc?trang=2); a category's news (/chuyen-muc/<slug>) shares the list. */
import { and, eq } from 'drizzle-orm';
import { findPublishedArticles } from '../published-articles.ts';
import { portalCategories } from '../portal.sql.ts';
import { ArticleCards, PAGE_SIZE, pageNumber, pagePath, Pager } from './article-cards.tsx';
import { renderDocument } from './layout.tsx';
import { loadMedia } from './media.ts';
import type { PageContext, Rendered } from './site.ts';

type ListOptions = { base: string; title: string; description: string; categoryId?: string; feed?: { href: string; title: string } };

async function renderList(ctx: PageContext, options: ListOptions): Promise<Rendered | null> {
  const { db, site } = ctx;
  const page = pageNumber(ctx.query);
  if (page === null) return null;
  const { items, total } = await findPublishedArticles({ db, tenantId: site.tenant.id, categoryId: options.categoryId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pages) return null;
  const media = await loadMedia(db, site.tenant.id, items.map((a) => a.coverImageId));
  const title = page > 1 ? `${options.title} — trang ${page}` : options.title;
  const html = renderDocument(
    site,
    { title, description: options.description, canonicalPath: pagePath(options.base, page), feed: options.feed },
    options.base,
    <>
      <h1>{options.title}</h1>
      {items.length === 0 ? <p>Chưa có tin bài nào.</p> : <ArticleCards articles={items} media={media} three />}
      <Pager page={page} pages={pages} href={(n) => pagePath(options.base, n)} />
    </>,
  );
  return { status: 200, html };
}

export function renderNewsList(ctx: PageContext): Promise<Rendered | null> {
  return renderList(ctx, { base: '/tin-tuc', title: 'Tin tức', description: `Tin tức, hoạt động của ${ctx.site.tenant.name} và các hợp tác xã thành viên.` });
}

/** A news category of the portal's alliance by its slug (a menu link is not one); undefined when there is none. */
export async function findNewsCategory(ctx: PageContext, slug: string) {
  const [category] = await ctx.db
    .select({ id: portalCategories.id, slug: portalCategories.slug, name: portalCategories.name, description: portalCategories.description })
    .from(portalCategories)
    .where(and(eq(portalCategories.tenantId, ctx.site.tenant.id), eq(portalCategories.slug, slug.normalize('NFC')), eq(portalCategories.kind, 'news')))
    .limit(1);
  return category;
}

/** A news category's articles; null when no such category (or it is a menu link, not a list). */
export async function renderCategoryPage(ctx: PageContext, slug: string): Promise<Rendered | null> {
  const category = await findNewsCategory(ctx, slug);
  if (!category) return null;
  const base = `/chuyen-muc/${category.slug}`;
  return renderList(ctx, {
    base,
    title: category.name,
    description: category.description || `${category.name} — tin bài của ${ctx.site.tenant.name}.`,
    categoryId: category.id,
    feed: { href: `${base}/rss.xml`, title: `${category.name} — ${ctx.site.tenant.name}` },
  });
}
