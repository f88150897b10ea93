import type { FormEvent } from 'react';
import { KINDS } from '../../shared/organisation-kinds.ts';
import { SECTOR_GROUPS } from '../../shared/sectors.ts';
import type { Alliance } from '../api/types.ts';
import { useLabels, useT } from '../i18n/index.tsx';
import { useDirectorySearch } from './navigation.ts';

type Option = { value: string; label: string };

function Filter({ label, value, options, onChange, testId }: { label: string; value?: string; options: Option[]; onChange(value: string | undefined): void; testId: string }) {
  return (
    <select className="portal-select" aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid={testId}>
      <option value="">{label}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/**
 * Search the public directory by name, filter by legal form, sector group and (when the portal serves several)
 * alliance. On the home page it opens the directory with the search; on the directory it changes the search.
 */
export function SearchForm({ alliances }: { alliances: Alliance[] }) {
  const t = useT();
  const labels = useLabels();
  const { state, update } = useDirectorySearch();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    update({ q: typeof q === 'string' && q.trim() ? q.trim() : undefined });
  };
  return (
    <form role="search" className="portal-search" onSubmit={submit} data-testid="directory-search">
      <div className="portal-search-row">
        {/* Uncontrolled, and new for every search in the address bar (back shows that search's text). */}
        <input key={state.q ?? ''} type="search" name="q" defaultValue={state.q} className="portal-input" placeholder={t('directory.searchPlaceholder')} aria-label={t('common.search')} enterKeyHint="search" />
        <button type="submit" className="portal-button portal-button-primary">
          {t('common.search')}
        </button>
      </div>
      <div className="portal-filters">
        <Filter label={t('filter.kind')} value={state.kind} onChange={(kind) => update({ kind })} options={KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} testId="filter-kind" />
        <Filter label={t('filter.sectorGroup')} value={state.sectorGroup} onChange={(sectorGroup) => update({ sectorGroup })} options={SECTOR_GROUPS.map((g) => ({ value: g.code, label: labels.sectorGroup(g.code) }))} testId="filter-sector-group" />
        {alliances.length > 1 ? (
          <Filter label={t('filter.alliance')} value={state.tenant} onChange={(tenant) => update({ tenant })} options={alliances.map((a) => ({ value: String(a.id), label: a.name }))} testId="filter-alliance" />
        ) : null}
      </div>
    </form>
  );
}
