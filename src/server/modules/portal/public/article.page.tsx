/**
 * An article (/tin-tuc/<slug>) or a fixed page (/trang/<slug>): title, date, category, author line, summary,
 * cover photo, the sanitised body with responsive images, tags; NewsArticle structured data for news.
 */
import { getPublishedArticleBySlug, type PublishedArticle } from '../published-articles.ts';
import { renderArticleBody } from './article-body.ts';
import { renderDocument, type PageHead } from './layout.tsx';
import { loadMedia, mediaUrl, previewImage, srcsetOf, variantUpTo, type MediaInfo } from './media.ts';
import { dateVi, type PageContext, type Rendered, type Site } from './site.ts';

const COVER_SIZES = '(min-width: 60rem) 928px, 100vw';

export function Cover({ info, eager }: { info: MediaInfo; eager?: boolean }) {
  const fallback = variantUpTo(info, 'jpeg', 800);
  if (!fallback) return null;
  const webp = srcsetOf(info, 'webp');
  return (
    <figure>
      <picture>
        {webp && <source type="image/webp" srcSet={webp} sizes={COVER_SIZES} />}
        <img
          src={mediaUrl(info.id, fallback.width, 'jpeg')}
          srcSet={srcsetOf(info, 'jpeg')}
          sizes={COVER_SIZES}
          width={info.width}
          height={info.height}
          alt={info.alt}
          loading={eager ? undefined : 'lazy'}
          fetchPriority={eager ? 'high' : undefined}
        />
      </picture>
      {info.caption && <figcaption>{info.caption}</figcaption>}
    </figure>
  );
}

function AuthorLine({ article }: { article: PublishedArticle }) {
  if (!article.authorName) return null;
  return (
    <p className="author">
      <strong>{article.authorName}</strong>
      {article.authorPosition ? ` - ${article.authorPosition}` : ''}
    </p>
  );
}

function newsArticleLd(site: Site, article: PublishedArticle, canonical: string, image: string | undefined) {
  const publisher = { '@type': 'GovernmentOrganization', name: site.tenant.name, url: `${site.origin}/` };
  return {
    '@context': 'https://schema.org',
    '@type': article.kind === 'news' ? 'NewsArticle' : 'WebPage',
    headline: article.title.slice(0, 110),
    description: article.summary || undefined,
    mainEntityOfPage: canonical,
    url: canonical,
    inLanguage: 'vi',
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    image: image ? [image] : undefined,
    articleSection: article.category?.name,
    keywords: article.tags.length ? article.tags.join(', ') : undefined,
    author: article.authorName ? { '@type': 'Person', name: article.authorName, jobTitle: article.authorPosition ?? undefined } : publisher,
    publisher,
  };
}

/** The public article (kind 'news') or fixed page (kind 'page') of that slug; null when there is none. */
export async function renderArticlePage(ctx: PageContext, kind: 'news' | 'page', slug: string): Promise<Rendered | null> {
  const { db, site } = ctx;
  const article = await getPublishedArticleBySlug({ db, tenantId: site.tenant.id, kind, slug });
  if (!article) return null;
  const [body, media] = [await renderArticleBody(db, site.tenant.id, article.bodyHtml), await loadMedia(db, site.tenant.id, [article.coverImageId])];
  const cover = article.coverImageId ? media.get(article.coverImageId) : undefined;
  const preview = previewImage(cover);
  const path = `${kind === 'news' ? '/tin-tuc' : '/trang'}/${article.slug}`;
  const head: PageHead = {
    title: article.title,
    description: article.summary || article.title,
    canonicalPath: path,
    image: preview && { ...preview, alt: cover?.alt || undefined },
    type: kind === 'news' ? 'article' : 'website',
    publishedTime: kind === 'news' ? article.publishedAt : undefined,
    jsonLd: newsArticleLd(site, article, `${site.origin}${path}`, preview && `${site.origin}${preview.url}`),
  };
  const html = renderDocument(
    site,
    head,
    kind === 'news' ? '/tin-tuc' : path,
    <article>
      <h1>{article.title}</h1>
      {kind === 'news' && (
        <p className="meta">
          <time dateTime={article.publishedAt.toISOString()}>{dateVi(article.publishedAt)}</time>
          {article.category && (
            <>
              {' · '}
              <a href={`/chuyen-muc/${article.category.slug}`}>{article.category.name}</a>
            </>
          )}
        </p>
      )}
      {article.summary && <p className="lead">{article.summary}</p>}
      {/* A cover that is also the body's first photo (as imported from the old site) is shown once, in the body. */}
      {cover && !article.bodyHtml.includes(`/media/${cover.id}/`) && <Cover info={cover} eager />}
      {/* eslint-disable-next-line no-restricted-syntax -- the body is sanitizeArticleHtml's output, sanitised again here at render */}
      <div className="body" dangerouslySetInnerHTML={{ __html: body }} />
      <AuthorLine article={article} />
      {article.tags.length > 0 && (
        <ul className="tags" aria-label="Từ khóa">
          {article.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
    </article>,
  );
  return { status: 200, html };
}
