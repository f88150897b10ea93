/**
 * The news feeds (the `feed` package): /rss.xml and /atom.xml of all news, /chuyen-muc/<slug>/rss.xml of a
 * category; the latest articles with their summaries and cover photos, links absolute to the public origin.
 */
import { Feed } from 'feed';
import { findPublishedArticles } from '../published-articles.ts';
import { loadMedia, previewImage } from './media.ts';
import { findNewsCategory } from './news-list.page.tsx';
import type { PageContext } from './site.ts';

const ITEMS = 20;

export type FeedFormat = 'rss' | 'atom';
export type RenderedFeed = { contentType: string; xml: string };

const CONTENT_TYPE: Record<FeedFormat, string> = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8' };

async function buildFeed(ctx: PageContext, { title, description, link, self, format, categoryId }: { title: string; description: string; link: string; self: string; format: FeedFormat; categoryId?: string }): Promise<RenderedFeed> {
  const { db, site } = ctx;
  const { items } = await findPublishedArticles({ db, tenantId: site.tenant.id, categoryId, limit: ITEMS });
  const media = await loadMedia(db, site.tenant.id, items.map((a) => a.coverImageId));
  const origin = site.origin;
  const feed = new Feed({
    id: `${origin}${link}`,
    title,
    description,
    link: `${origin}${link}`,
    language: 'vi',
    updated: items[0]?.publishedAt ?? new Date(0),
    generator: site.tenant.name,
    copyright: `© ${site.tenant.name}`,
    feedLinks: format === 'rss' ? { rss: `${origin}${self}` } : { atom: `${origin}${self}` },
    author: { name: site.tenant.name, link: `${origin}/` },
  });
  for (const article of items) {
    const url = `${origin}/tin-tuc/${article.slug}`;
    const cover = previewImage(article.coverImageId ? media.get(article.coverImageId) : undefined);
    feed.addItem({
      title: article.title,
      id: url,
      guid: url,
      link: url,
      date: article.publishedAt,
      published: article.publishedAt,
      description: article.summary || undefined,
      category: article.category ? [{ name: article.category.name, domain: `${origin}/chuyen-muc/${article.category.slug}` }] : undefined,
      author: article.authorName ? [{ name: article.authorPosition ? `${article.authorName} - ${article.authorPosition}` : article.authorName }] : undefined,
      image: cover ? { url: `${origin}${cover.url}`, type: 'image/jpeg' } : undefined,
    });
  }
  return { contentType: CONTENT_TYPE[format], xml: format === 'rss' ? feed.rss2() : feed.atom1() };
}

/** All news of the portal. */
export function renderNewsFeed(ctx: PageContext, format: FeedFormat): Promise<RenderedFeed> {
  const name = ctx.site.tenant.name;
  return buildFeed(ctx, { title: `Tin tức — ${name}`, description: `Tin tức, hoạt động của ${name}.`, link: '/tin-tuc', self: format === 'rss' ? '/rss.xml' : '/atom.xml', format });
}

/** A news category's feed; null when there is no such category. */
export async function renderCategoryFeed(ctx: PageContext, slug: string): Promise<RenderedFeed | null> {
  const category = await findNewsCategory(ctx, slug);
  if (!category) return null;
  const base = `/chuyen-muc/${category.slug}`;
  return buildFeed(ctx, { title: `${category.name} — ${ctx.site.tenant.name}`, description: category.description || category.name, link: base, self: `${base}/rss.xml`, format: 'rss', categoryId: category.id });
}
