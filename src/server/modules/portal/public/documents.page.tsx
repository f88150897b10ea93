/**
 * The legal documents library (/van-ban: by kind, year, a number such as "641/KH-UBND" or words typed without
 * accents; paged) and one document (/van-ban/<slug>: number, kind, issuer, dates, summary, the file).
 */
import { formatDateVi } from '../../../../shared/dates.ts';
import { formatMegabytes } from '../../../../shared/format.ts';
import { findPublishedDocuments, getPublishedDocumentBySlug, publishedDocumentFacets, type PresentedDocument } from '../legal-documents.service.ts';
import { DOCUMENT_KIND_LABELS } from '../library.schemas.ts';
import { PAGE_SIZE, pageNumber, Pager } from './article-cards.tsx';
import { renderDocument } from './layout.tsx';
import type { PageContext, Rendered } from './site.ts';

const BASE = '/van-ban';

type Filters = { q: string; kind: string; year: number | undefined };

/** The query's filters; null when one of them is not a filter the library has (the page answers 404). */
function filtersOf(query: URLSearchParams): Filters | null {
  const q = (query.get('q') ?? '').trim().slice(0, 200);
  const kind = query.get('loai') ?? '';
  const yearText = query.get('nam') ?? '';
  if (kind && !(kind in DOCUMENT_KIND_LABELS)) return null;
  if (yearText && !/^(19|20)\d\d$/.test(yearText)) return null;
  return { q, kind, year: yearText ? Number(yearText) : undefined };
}

/** The list's address with its filters (empty ones left out) and page. */
function listPath(f: Filters, page = 1): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.kind) params.set('loai', f.kind);
  if (f.year) params.set('nam', String(f.year));
  if (page > 1) params.set('trang', String(page));
  const query = params.toString();
  return query ? `${BASE}?${query}` : BASE;
}

function DocumentList({ documents }: { documents: PresentedDocument[] }) {
  return (
    <ul className="cards">
      {documents.map((d) => (
        <li key={d.id} className="card">
          <h2>
            <a href={d.url}>{`${d.kindLabel} số ${d.numberSymbol}`}</a>
          </h2>
          <p>{d.title}</p>
          <p className="meta">{`${d.issuer} · ban hành ${formatDateVi(d.issuedOn)}`}</p>
        </li>
      ))}
    </ul>
  );
}

export async function renderDocumentsList(ctx: PageContext): Promise<Rendered | null> {
  const { db, site } = ctx;
  const filters = filtersOf(ctx.query);
  const page = pageNumber(ctx.query);
  if (!filters || page === null) return null;
  const facets = await publishedDocumentFacets({ db, tenantId: site.tenant.id });
  const { items, total } = await findPublishedDocuments({ db, tenantId: site.tenant.id, q: filters.q || undefined, kind: filters.kind || undefined, year: filters.year, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pages) return null;
  const filtered = Boolean(filters.q || filters.kind || filters.year);
  const html = renderDocument(
    site,
    { title: 'Văn bản', description: `Văn bản pháp luật, chính sách và văn bản của ${site.tenant.name}: tra cứu theo số ký hiệu, loại, năm ban hành.`, canonicalPath: listPath(filters, page), noindex: Boolean(filters.q) },
    BASE,
    <>
      <h1>Văn bản</h1>
      <form className="filters" action={BASE} method="get">
        <p>
          <label htmlFor="van-ban-q">Số ký hiệu hoặc từ khóa (gõ không dấu cũng được)</label>
          <br />
          <input id="van-ban-q" type="search" name="q" defaultValue={filters.q} placeholder="Ví dụ: 641/KH-UBND" />
        </p>
        <p>
          <label htmlFor="van-ban-loai">Loại văn bản</label>{' '}
          <select id="van-ban-loai" name="loai" defaultValue={filters.kind}>
            <option value="">Tất cả</option>
            {facets.kinds.map((k) => (
              <option key={k.kind} value={k.kind}>{`${k.label} (${k.count})`}</option>
            ))}
          </select>{' '}
          <label htmlFor="van-ban-nam">Năm ban hành</label>{' '}
          <select id="van-ban-nam" name="nam" defaultValue={filters.year ? String(filters.year) : ''}>
            <option value="">Tất cả</option>
            {facets.years.map((y) => (
              <option key={y.year} value={String(y.year)}>{`${y.year} (${y.count})`}</option>
            ))}
          </select>{' '}
          <button type="submit">Lọc</button>
        </p>
      </form>
      <p role="status">{filtered ? `Tìm thấy ${total} văn bản.` : `${total} văn bản.`}</p>
      {items.length === 0 ? <p>Không có văn bản nào phù hợp.</p> : <DocumentList documents={items} />}
      <Pager page={page} pages={pages} href={(n) => listPath(filters, n)} />
    </>,
  );
  return { status: 200, html };
}

export async function renderDocumentPage(ctx: PageContext, slug: string): Promise<Rendered | null> {
  const { db, site } = ctx;
  const d = await getPublishedDocumentBySlug({ db, tenantId: site.tenant.id, slug: slug.normalize('NFC') });
  if (!d) return null;
  const title = `${d.kindLabel} số ${d.numberSymbol}`;
  const html = renderDocument(
    site,
    { title: `${title}: ${d.title}`, description: d.summary || d.title, canonicalPath: d.url },
    BASE,
    <article>
      <h1>{`${title}: ${d.title}`}</h1>
      <dl className="facts">
        <dt>Số, ký hiệu</dt>
        <dd>{d.numberSymbol}</dd>
        <dt>Loại văn bản</dt>
        <dd>{d.kindLabel}</dd>
        <dt>Cơ quan ban hành</dt>
        <dd>{d.issuer}</dd>
        <dt>Ngày ban hành</dt>
        <dd>
          <time dateTime={d.issuedOn}>{formatDateVi(d.issuedOn)}</time>
        </dd>
        <dt>Ngày hiệu lực</dt>
        <dd>{d.effectiveOn ? <time dateTime={d.effectiveOn}>{formatDateVi(d.effectiveOn)}</time> : 'Không ghi'}</dd>
      </dl>
      {d.summary && (
        <>
          <h2>Trích yếu</h2>
          <p>{d.summary}</p>
        </>
      )}
      {d.file && (
        <p>
          <a href={d.file.url} download>{`Tải văn bản: ${d.file.fileName} (${formatMegabytes(d.file.sizeBytes)})`}</a>
        </p>
      )}
      <p>
        <a href={BASE}>← Tất cả văn bản</a>
      </p>
    </article>,
  );
  return { status: 200, html };
}
