/**
 * /sitemap.xml (the `sitemap` package): the home and the fixed sections, every public article and fixed page,
 * every news category, published document and event, with their last change; /robots.txt points at it.
 */
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { EnumChangefreq, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import { events, legalDocuments, portalArticles, portalCategories } from '../portal.sql.ts';
import { publicArticleCondition } from '../published-articles.ts';
import { SECTIONS, type PageContext } from './site.ts';

export async function renderSitemap(ctx: PageContext): Promise<string> {
  const { db, site } = ctx;
  const tenantId = site.tenant.id;
  const articles = await db
    .select({ kind: portalArticles.kind, slug: portalArticles.slug, updatedAt: portalArticles.updatedAt })
    .from(portalArticles)
    .where(and(eq(portalArticles.tenantId, tenantId), publicArticleCondition()));
  const categories = await db.select({ slug: portalCategories.slug }).from(portalCategories).where(and(eq(portalCategories.tenantId, tenantId), eq(portalCategories.kind, 'news')));
  const documents = await db.select({ slug: legalDocuments.slug, updatedAt: legalDocuments.updatedAt }).from(legalDocuments).where(and(eq(legalDocuments.tenantId, tenantId), eq(legalDocuments.published, true)));
  const published = await db.select({ slug: events.slug, updatedAt: events.updatedAt }).from(events).where(and(eq(events.tenantId, tenantId), eq(events.published, true)));
  const items: SitemapItemLoose[] = [
    { url: '/', changefreq: EnumChangefreq.DAILY, priority: 1 },
    ...SECTIONS.map((s) => ({ url: s.href, changefreq: EnumChangefreq.DAILY })),
    ...categories.map((c) => ({ url: `/chuyen-muc/${c.slug}`, changefreq: EnumChangefreq.DAILY })),
    ...articles.map((a) => ({ url: `${a.kind === 'page' ? '/trang' : '/tin-tuc'}/${a.slug}`, lastmod: a.updatedAt.toISOString() })),
    ...documents.map((d) => ({ url: `/van-ban/${d.slug}`, lastmod: d.updatedAt.toISOString() })),
    ...published.map((e) => ({ url: `/su-kien/${e.slug}`, lastmod: e.updatedAt.toISOString() })),
  ];
  const stream = new SitemapStream({ hostname: `${site.origin}/`, xmlns: { news: false, xhtml: false, image: false, video: false } });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

/** Every crawler may read every public page; the staff app and the API are no pages to index. */
export function renderRobots(origin: string): string {
  return ['User-agent: *', 'Disallow: /api/', 'Disallow: /tim-kiem', 'Allow: /', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
}
