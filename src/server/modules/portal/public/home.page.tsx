/**
 * The portal's home (/): the latest news with their cover photos, the year's headline figures as numbers in
 * text (the same cached answer as GET /api/public/reports/dashboard), events to come, the newest documents and
 * the directory's search form; GovernmentOrganization structured data for the alliance.
 */
import { formatDateVi } from '../../../../shared/dates.ts';
import { formatCount } from '../../../../shared/format.ts';
import { findPublishedEvents, type PresentedEvent } from '../events.service.ts';
import { findPublishedDocuments, type PresentedDocument } from '../legal-documents.service.ts';
import { findPublishedArticles } from '../published-articles.ts';
import { ArticleCards } from './article-cards.tsx';
import { renderDocument } from './layout.tsx';
import { loadMedia } from './media.ts';
import { portalYear, publicFigures, type PublicFiguresData } from './public-figures.ts';
import { eventDates, type PageContext, type Rendered } from './site.ts';

const LATEST_NEWS = 6;
const LATEST = 5;

function Figures({ data, year }: { data: PublicFiguresData; year: number }) {
  const h = data.headline;
  const items = [
    { label: 'Tổ chức kinh tế tập thể', value: h.total },
    { label: 'Thành lập mới', value: h.newlyEstablished },
    { label: 'Thành viên', value: h.members },
    { label: 'Người lao động', value: h.workers },
  ];
  return (
    <section aria-labelledby="so-lieu">
      <h2 id="so-lieu">{`Số liệu năm ${year}`}</h2>
      <ul className="figures" data-testid="headline-figures">
        {items.map((item) => (
          <li key={item.label}>
            <strong data-testid="figure-value">{formatCount(item.value)}</strong>
            {item.label}
          </li>
        ))}
      </ul>
      <p>
        <a href="/so-lieu">Xem số liệu chi tiết</a>
      </p>
    </section>
  );
}

function Events({ events }: { events: PresentedEvent[] }) {
  return (
    <section aria-labelledby="su-kien-sap-toi">
      <h2 id="su-kien-sap-toi">Sự kiện sắp tới</h2>
      {events.length === 0 ? (
        <p>Chưa có sự kiện sắp tới.</p>
      ) : (
        <ul className="list">
          {events.map((e) => (
            <li key={e.id}>
              <a href={e.url}>{e.title}</a>
              <span className="meta">{` · ${eventDates(e)}${e.place ? ` · ${e.place}` : ''}`}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/su-kien">Tất cả sự kiện</a>
      </p>
    </section>
  );
}

function Documents({ documents }: { documents: PresentedDocument[] }) {
  return (
    <section aria-labelledby="van-ban-moi">
      <h2 id="van-ban-moi">Văn bản mới</h2>
      {documents.length === 0 ? (
        <p>Chưa có văn bản nào.</p>
      ) : (
        <ul className="list">
          {documents.map((d) => (
            <li key={d.id}>
              <a href={d.url}>{`${d.kindLabel} số ${d.numberSymbol}`}</a>
              {` ${d.title}`}
              <span className="meta">{` · ${formatDateVi(d.issuedOn)}`}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/van-ban">Tra cứu văn bản</a>
      </p>
    </section>
  );
}

function DirectorySearch() {
  return (
    <section aria-labelledby="danh-ba">
      <h2 id="danh-ba">Danh bạ hợp tác xã</h2>
      <form className="search" action="/danh-ba" method="get">
        <label className="sr" htmlFor="tim-danh-ba">
          Tên hoặc mã số hợp tác xã
        </label>
        <input id="tim-danh-ba" type="search" name="q" placeholder="Tên hoặc mã số hợp tác xã…" />
        <button type="submit">Tra cứu</button>
      </form>
      <p>
        <a href="/kien-nghi">Khó khăn, kiến nghị của hợp tác xã và trả lời của cơ quan</a>
      </p>
    </section>
  );
}

export async function renderHomePage(ctx: PageContext): Promise<Rendered> {
  const { db, site } = ctx;
  const tenantId = site.tenant.id;
  const year = portalYear();
  const news = await findPublishedArticles({ db, tenantId, limit: LATEST_NEWS });
  const media = await loadMedia(db, tenantId, news.items.map((a) => a.coverImageId));
  const events = (await findPublishedEvents({ db, tenantId, limit: LATEST })).filter((e) => e.upcoming);
  const documents = await findPublishedDocuments({ db, tenantId, limit: LATEST, offset: 0 });
  const figures = await publicFigures(db, tenantId, year);
  const description = `Cổng thông tin của ${site.tenant.name}: tin tức, văn bản, sự kiện, danh bạ hợp tác xã và số liệu kinh tế tập thể.`;
  const html = renderDocument(
    site,
    {
      description,
      canonicalPath: '/',
      jsonLd: { '@context': 'https://schema.org', '@type': 'GovernmentOrganization', name: site.tenant.name, url: `${site.origin}/`, description },
    },
    '/',
    <>
      <h1>{site.tenant.name}</h1>
      {/* On a phone the search and the year's four numbers come first: a visitor looking up a cooperative does not scroll past the news. */}
      <DirectorySearch />
      <Figures data={figures.data} year={year} />
      <section aria-labelledby="tin-moi">
        <h2 id="tin-moi">Tin mới</h2>
        {news.items.length === 0 ? <p>Chưa có tin bài nào.</p> : <ArticleCards articles={news.items} media={media} heading="h3" three />}
        <p>
          <a href="/tin-tuc">Xem tất cả tin tức</a>
        </p>
      </section>
      <Events events={events} />
      <Documents documents={documents.items} />
    </>,
  );
  return { status: 200, html };
}
