/** Lists of articles (news, a category, the home): cards with the cover photo, date and summary; the pager. */
import type { PublishedArticleSummary } from '../published-articles.ts';
import { mediaUrl, srcsetOf, variantUpTo, type MediaInfo } from './media.ts';
import { dateVi } from './site.ts';

export const PAGE_SIZE = 12;
const CARD_SIZES = '(min-width: 60rem) 300px, (min-width: 40rem) 50vw, 100vw';

/** ?trang=N: 1 when absent; null when it is not a page number (the page answers 404). */
export function pageNumber(query: URLSearchParams): number | null {
  const raw = query.get('trang');
  if (raw === null) return 1;
  return /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : null;
}

/** The path of page n of a list: page 1 is the list's own address. */
export const pagePath = (base: string, n: number) => (n === 1 ? base : `${base}?trang=${n}`);

function CardImage({ info }: { info: MediaInfo }) {
  const fallback = variantUpTo(info, 'jpeg', 400);
  if (!fallback) return null;
  const webp = srcsetOf(info, 'webp');
  return (
    <picture>
      {webp && <source type="image/webp" srcSet={webp} sizes={CARD_SIZES} />}
      <img src={mediaUrl(info.id, fallback.width, 'jpeg')} srcSet={srcsetOf(info, 'jpeg')} sizes={CARD_SIZES} width={info.width} height={info.height} alt="" loading="lazy" decoding="async" />
    </picture>
  );
}

export function ArticleCards({ articles, media, heading = 'h2', three }: { articles: PublishedArticleSummary[]; media: Map<string, MediaInfo>; heading?: 'h2' | 'h3'; three?: boolean }) {
  const Heading = heading;
  return (
    <ul className={three ? 'cards three' : 'cards'}>
      {articles.map((a) => {
        const cover = a.coverImageId ? media.get(a.coverImageId) : undefined;
        return (
          <li key={a.id} className="card">
            {cover && <CardImage info={cover} />}
            <Heading>
              <a href={`/tin-tuc/${a.slug}`}>{a.title}</a>
            </Heading>
            <p className="meta">
              <time dateTime={a.publishedAt.toISOString()}>{dateVi(a.publishedAt)}</time>
              {a.category && ` · ${a.category.name}`}
            </p>
            {a.summary && <p>{a.summary}</p>}
          </li>
        );
      })}
    </ul>
  );
}

/** Previous and next pages; `href(n)` is the address of page n (filters kept). */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (n: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Phân trang">
      {page > 1 ? <a href={href(page - 1)} rel="prev">← Trang trước</a> : <span />}
      <span>{`Trang ${page}/${pages}`}</span>
      {page < pages ? <a href={href(page + 1)} rel="next">Trang sau →</a> : <span />}
    </nav>
  );
}
