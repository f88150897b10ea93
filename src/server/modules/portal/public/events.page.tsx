/**
 * The events calendar (/su-kien: those to come, soonest first, then past ones) and one event (/su-kien/<slug>,
 * with schema.org Event structured data).
 */
import { formatDateVi } from '../../../../shared/dates.ts';
import { findPublishedEvents, getPublishedEventBySlug, type PresentedEvent } from '../events.service.ts';
import { renderDocument } from './layout.tsx';
import { eventDates, type PageContext, type Rendered, type Site } from './site.ts';

const BASE = '/su-kien';
/** Events are tens a year: one page holds the coming ones and the latest past ones. */
const SHOWN = 100;

function EventList({ events, heading }: { events: PresentedEvent[]; heading: string }) {
  if (events.length === 0) return null;
  return (
    <section aria-label={heading}>
      <h2>{heading}</h2>
      <ul className="cards">
        {events.map((e) => (
          <li key={e.id} className="card">
            <h3>
              <a href={e.url}>{e.title}</a>
            </h3>
            <p className="meta">{[eventDates(e), e.kindLabel, e.online ? 'Trực tuyến' : e.place].filter(Boolean).join(' · ')}</p>
            {e.summary && <p>{e.summary}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export async function renderEventsList(ctx: PageContext): Promise<Rendered | null> {
  const { db, site } = ctx;
  if ([...ctx.query.keys()].length > 0) return null; // no filters: one address for the list
  const events = await findPublishedEvents({ db, tenantId: site.tenant.id, limit: SHOWN });
  const html = renderDocument(
    site,
    { title: 'Sự kiện', description: `Hội nghị, tập huấn, hội chợ và các sự kiện của ${site.tenant.name}.`, canonicalPath: BASE },
    BASE,
    <>
      <h1>Sự kiện</h1>
      {events.length === 0 && <p>Chưa có sự kiện nào.</p>}
      <EventList heading="Sắp diễn ra" events={events.filter((e) => e.upcoming)} />
      <EventList heading="Đã diễn ra" events={events.filter((e) => !e.upcoming)} />
    </>,
  );
  return { status: 200, html };
}

function eventLd(site: Site, e: PresentedEvent) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.summary || undefined,
    startDate: e.startsOn,
    endDate: e.endsOn,
    url: `${site.origin}${e.url}`,
    eventAttendanceMode: e.online ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    location: e.online ? { '@type': 'VirtualLocation', url: `${site.origin}${e.url}` } : e.place ? { '@type': 'Place', name: e.place, address: e.place } : undefined,
    organizer: { '@type': 'GovernmentOrganization', name: e.organiser || site.tenant.name, url: `${site.origin}/` },
  };
}

export async function renderEventPage(ctx: PageContext, slug: string): Promise<Rendered | null> {
  const { db, site } = ctx;
  const e = await getPublishedEventBySlug({ db, tenantId: site.tenant.id, slug: slug.normalize('NFC') });
  if (!e) return null;
  const html = renderDocument(
    site,
    { title: e.title, description: e.summary || `${e.kindLabel}: ${e.title}, ${eventDates(e)}.`, canonicalPath: e.url, jsonLd: eventLd(site, e) },
    BASE,
    <article>
      <h1>{e.title}</h1>
      <dl className="facts">
        <dt>Thời gian</dt>
        <dd>
          <time dateTime={e.startsOn}>{formatDateVi(e.startsOn)}</time>
          {e.endsOn !== e.startsOn && (
            <>
              {' – '}
              <time dateTime={e.endsOn}>{formatDateVi(e.endsOn)}</time>
            </>
          )}
        </dd>
        <dt>Loại sự kiện</dt>
        <dd>{e.kindLabel}</dd>
        <dt>Địa điểm</dt>
        <dd>{e.online ? 'Trực tuyến' : e.place || 'Sẽ thông báo sau'}</dd>
        {e.organiser && (
          <>
            <dt>Đơn vị tổ chức</dt>
            <dd>{e.organiser}</dd>
          </>
        )}
      </dl>
      {e.summary && <p>{e.summary}</p>}
      {!e.upcoming && <p className="meta">Sự kiện đã diễn ra.</p>}
      <p>
        <a href={BASE}>← Tất cả sự kiện</a>
      </p>
    </article>,
  );
  return { status: 200, html };
}
