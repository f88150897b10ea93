import { useRef } from 'react';
import { withQuery } from '../api/client.ts';
import type { Alliance, DirectoryEntry, Page } from '../api/types.ts';
import { count } from '../format.ts';
import { statusColor } from '../i18n/domain-labels.ts';
import { useLabels, useT } from '../i18n/index.tsx';
import { useDirectorySearch } from './navigation.ts';
import { LoadError, Loading } from './PageStates.tsx';
import { SearchForm } from './SearchForm.tsx';
import { useJson } from './useJson.ts';

const PAGE_SIZES = [20, 50, 100];

/** One organisation: what anyone may know (no people, no phone numbers). */
function EntryCard({ entry }: { entry: DirectoryEntry }) {
  const labels = useLabels();
  return (
    <li className="portal-card portal-entry" data-testid="directory-entry">
      <strong className="portal-entry-name">{entry.name}</strong>
      <span className="portal-muted">
        {labels.kind(entry.kind)} · {labels.sector(entry.sectorCode)}
      </span>
      <span className="portal-entry-place">
        <span className={`portal-tag portal-tag-${statusColor(entry.status)}`}>{labels.status(entry.status)}</span>
        {entry.currentCommuneName ? <span className="portal-muted">{entry.currentCommuneName}</span> : null}
      </span>
    </li>
  );
}

function Pager({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange(page: number, pageSize: number): void }) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="portal-pager" aria-label={t('pager.status', { page, pages })}>
      <button type="button" className="portal-button" disabled={page <= 1} onClick={() => onChange(page - 1, pageSize)}>
        ‹ {t('pager.previous')}
      </button>
      <span className="portal-muted">{t('pager.status', { page, pages })}</span>
      <button type="button" className="portal-button" disabled={page >= pages} onClick={() => onChange(page + 1, pageSize)}>
        {t('pager.next')} ›
      </button>
      <select className="portal-select portal-page-size" aria-label={t('pager.size')} value={pageSize} onChange={(e) => onChange(1, Number(e.target.value))}>
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {t('pager.perPage', { size })}
          </option>
        ))}
      </select>
    </nav>
  );
}

/** The public directory: anyone may search organisations by name; it shows no personal data. */
export function DirectoryPage({ alliances }: { alliances: Alliance[] }) {
  const t = useT();
  const { state, page, pageSize, update } = useDirectorySearch();
  const list = useRef<HTMLDivElement>(null);
  const directory = useJson<Page<DirectoryEntry>>(withQuery('/api/public/directory', { q: state.q, kind: state.kind, sectorGroup: state.sectorGroup, tenant: state.tenant, page, pageSize }));
  const data = directory.data;

  return (
    <main className="portal-main" id="main" tabIndex={-1}>
      <section className="portal-section">
        <h1 className="portal-title">{t('directory.title')}</h1>
        <p className="portal-muted">{t('directory.intro')}</p>
        <SearchForm alliances={alliances} />
      </section>
      <div ref={list} className="portal-results" aria-busy={directory.loading}>
        {directory.error ? <LoadError error={directory.error} onRetry={directory.retry} /> : null}
        {!data && !directory.error ? <Loading /> : null}
        {data ? (
          <>
            <p className="portal-muted" data-testid="directory-total">
              {t('directory.total', { total: count(data.total) })}
            </p>
            {data.items.length === 0 ? (
              <p className="portal-empty">{t('registry.empty')}</p>
            ) : (
              <ul className="portal-entries">
                {data.items.map((entry) => (
                  <EntryCard key={entry.id} entry={entry} />
                ))}
              </ul>
            )}
            <Pager
              page={page}
              pageSize={pageSize}
              total={data.total}
              onChange={(next, size) => {
                update({ page: next > 1 ? String(next) : undefined, pageSize: size === 20 ? undefined : String(size) });
                list.current?.scrollIntoView({ block: 'start' });
              }}
            />
          </>
        ) : null}
      </div>
    </main>
  );
}
