/**
 * Search (/tim-kiem?q=…): articles, fixed pages and documents, ranked, each with its title and a snippet in
 * which the words typed (with or without accents) are marked. Kept out of search engines' indexes.
 */
import { formatDateVi } from '../../../../shared/dates.ts';
import { pageNumber, Pager } from './article-cards.tsx';
import { highlight, queryWords, snippet, type Piece } from './highlight.ts';
import { renderDocument, SearchForm } from './layout.tsx';
import { searchPortal, type SearchHit } from './search.ts';
import { dateVi, type PageContext, type Rendered } from './site.ts';

const PAGE = 20;
const SOURCE_LABEL: Record<SearchHit['source'], string> = { article: 'Tin bài', page: 'Trang', document: 'Văn bản' };

function Marked({ pieces }: { pieces: Piece[] }) {
  return (
    <>
      {pieces.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}
    </>
  );
}

function Hit({ hit, words }: { hit: SearchHit; words: string[] }) {
  const date = hit.source === 'document' ? formatDateVi(hit.date.toISOString().slice(0, 10)) : dateVi(hit.date);
  return (
    <li className="card">
      <h2>
        <a href={hit.url}>
          <Marked pieces={highlight(hit.title, words)} />
        </a>
      </h2>
      <p className="meta">{`${SOURCE_LABEL[hit.source]} · ${date}`}</p>
      {hit.text && (
        <p>
          <Marked pieces={snippet(hit.text, words)} />
        </p>
      )}
    </li>
  );
}

export async function renderSearchPage(ctx: PageContext): Promise<Rendered | null> {
  const { db, site } = ctx;
  const q = (ctx.query.get('q') ?? '').trim().slice(0, 200);
  const page = pageNumber(ctx.query);
  if (page === null) return null;
  const words = queryWords(q);
  const { hits, total } = await searchPortal({ db, tenantId: site.tenant.id, words, limit: PAGE, offset: (page - 1) * PAGE });
  const pages = Math.max(1, Math.ceil(total / PAGE));
  if (page > pages) return null;
  const href = (n: number) => `/tim-kiem?${new URLSearchParams(n > 1 ? { q, trang: String(n) } : { q }).toString()}`;
  const html = renderDocument(
    site,
    { title: q ? `Tìm kiếm: ${q}` : 'Tìm kiếm', description: `Tìm tin bài, trang và văn bản của ${site.tenant.name}.`, canonicalPath: '/tim-kiem', noindex: true },
    '/tim-kiem',
    <>
      <h1>Tìm kiếm</h1>
      <SearchForm id="tim-kiem-trang" query={q} />
      {words.length === 0 ? (
        <p>Nhập từ cần tìm (gõ có dấu hoặc không dấu đều được).</p>
      ) : (
        <>
          <p role="status">{total === 0 ? `Không tìm thấy kết quả nào cho “${q}”.` : `Tìm thấy ${total} kết quả cho “${q}”.`}</p>
          {hits.length > 0 && (
            <ol className="cards">
              {hits.map((hit) => (
                <Hit key={hit.id} hit={hit} words={words} />
              ))}
            </ol>
          )}
          <Pager page={page} pages={pages} href={href} />
        </>
      )}
    </>,
  );
  return { status: 200, html };
}
