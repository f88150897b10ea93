/**
 * The public page of difficulties and recommendations (/kien-nghi, /kien-nghi/:id), Vietnamese only: what
 * cooperatives raised and staff published, where each stands, the agencies' answers, and the year's figures by
 * category and agency. Loaded on its own (PortalApp lazy-loads it): the home never carries this code.
 */
import { useMemo } from 'react';
import { DIFFICULTY_CATEGORIES, DIFFICULTY_CATEGORY_LABELS } from '../../server/modules/difficulties/public-difficulties.words.ts';
import { withQuery } from '../api/client.ts';
import type { Alliance } from '../api/types.ts';
import { Answers, DifficultyCard, StateTag } from './difficulties/DifficultyCard.tsx';
import { DifficultyFigures } from './difficulties/DifficultyFigures.tsx';
import { vnDate, type PublicDifficulty, type PublicDifficultyPage, type PublicFigures } from './difficulties/types.ts';
import './difficulties/difficulties.css';
import { followLink, navigate, useLocation } from './navigation.ts';
import { LoadError, Loading } from './PageStates.tsx';
import { useJson } from './useJson.ts';

const YEARS = 6;

type Filters = { category?: string; year?: string; tenant?: string; page?: string };

function useFilters() {
  const { search } = useLocation();
  const filters = useMemo<Filters>(() => ({ category: search.get('category') ?? undefined, year: search.get('year') ?? undefined, tenant: search.get('tenant') ?? undefined, page: search.get('page') ?? undefined }), [search]);
  const update = (changes: Filters) => {
    const next = { ...filters, ...changes };
    if (!('page' in changes)) delete next.page;
    navigate(withQuery('/kien-nghi', next));
  };
  return { filters, update };
}

function ListPage({ alliances }: { alliances: Alliance[] }) {
  const { filters, update } = useFilters();
  const several = alliances.length > 1;
  const tenant = filters.tenant ?? (several ? String(alliances[0]!.id) : undefined);
  const thisYear = new Date().getFullYear();
  const page = Math.max(1, Number(filters.page ?? 1) || 1);
  const list = useJson<PublicDifficultyPage>(several && !tenant ? null : withQuery('/api/public/difficulties', { tenant, category: filters.category, year: filters.year, page }));
  const figures = useJson<PublicFigures>(several && !tenant ? null : withQuery('/api/public/difficulties/figures', { tenant, year: filters.year ?? thisYear }));
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <main className="portal-main" id="main" tabIndex={-1}>
      <section className="portal-section">
        <h1 className="portal-title">Khó khăn, kiến nghị của hợp tác xã</h1>
        <p className="portal-muted">
          Những khó khăn, vướng mắc các hợp tác xã nêu với Liên minh HTX, được công khai với sự đồng ý của hợp tác xã: nơi đã chuyển đến, văn bản trả lời và kết quả giải quyết.
        </p>
        <div className="portal-filters">
          {several ? (
            <select className="portal-select" aria-label="Liên minh HTX" value={tenant} onChange={(e) => update({ tenant: e.target.value })}>
              {alliances.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          ) : null}
          <select className="portal-select" aria-label="Lĩnh vực" value={filters.category ?? ''} onChange={(e) => update({ category: e.target.value || undefined })}>
            <option value="">Mọi lĩnh vực</option>
            {DIFFICULTY_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {DIFFICULTY_CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
          <select className="portal-select" aria-label="Năm" value={filters.year ?? ''} onChange={(e) => update({ year: e.target.value || undefined })}>
            <option value="">Mọi năm</option>
            {Array.from({ length: YEARS }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                Năm {y}
              </option>
            ))}
          </select>
        </div>
      </section>
      <section className="portal-section portal-results" aria-busy={list.loading}>
        {list.error ? <LoadError error={list.error} onRetry={list.retry} /> : null}
        {data ? (
          <>
            <p className="portal-muted" role="status">
              {data.total === 0 ? 'Chưa có khó khăn, kiến nghị nào được công khai theo lựa chọn này.' : `${data.total} khó khăn, kiến nghị được công khai`}
            </p>
            <ul className="portal-entries">
              {data.items.map((item) => (
                <DifficultyCard key={item.id} item={item} />
              ))}
            </ul>
            {pages > 1 ? (
              <nav className="portal-pager" aria-label={`Trang ${page}/${pages}`}>
                <button type="button" className="portal-button" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
                  ‹ Trang trước
                </button>
                <span className="portal-muted">
                  Trang {page}/{pages}
                </span>
                <button type="button" className="portal-button" disabled={page >= pages} onClick={() => update({ page: String(page + 1) })}>
                  Trang sau ›
                </button>
              </nav>
            ) : null}
          </>
        ) : list.error ? null : (
          <Loading />
        )}
      </section>
      <section className="portal-section" aria-busy={figures.loading}>
        {figures.error ? <LoadError error={figures.error} onRetry={figures.retry} /> : figures.data ? <DifficultyFigures figures={figures.data} /> : <Loading />}
      </section>
    </main>
  );
}

function DetailPage({ id }: { id: string }) {
  const item = useJson<PublicDifficulty>(`/api/public/difficulties/${encodeURIComponent(id)}`);
  const d = item.data;
  return (
    <main className="portal-main" id="main" tabIndex={-1}>
      <section className="portal-section">
        <a href="/kien-nghi" onClick={followLink} className="portal-link">
          ‹ Tất cả khó khăn, kiến nghị
        </a>
        {item.error ? <LoadError error={item.error} onRetry={item.retry} /> : null}
        {d ? (
          <article className="portal-card portal-entry" data-testid="difficulty-detail">
            <h1 className="portal-title">{d.title}</h1>
            <span className="portal-entry-place">
              <StateTag item={d} />
              <span className="portal-tag">{DIFFICULTY_CATEGORY_LABELS[d.category as keyof typeof DIFFICULTY_CATEGORY_LABELS] ?? DIFFICULTY_CATEGORY_LABELS.other}</span>
            </span>
            <p className="portal-muted portal-small">
              Mã {d.code} · nêu ngày {vnDate(d.raisedOn)} · {d.cooperative}
              {d.closedOn ? ` · kết thúc ngày ${vnDate(d.closedOn)}` : ''}
            </p>
            <p className="kn-description">{d.description}</p>
            <Answers item={d} full />
            {!d.letter && !d.directAnswer && d.answers.length === 0 ? <p className="portal-muted">Liên minh HTX đang xử lý, chưa có văn bản trả lời.</p> : null}
          </article>
        ) : item.error ? null : (
          <Loading />
        )}
      </section>
    </main>
  );
}

/** /kien-nghi and /kien-nghi/:id. */
export default function DifficultiesPage({ alliances }: { alliances: Alliance[] }) {
  const { pathname } = useLocation();
  const id = pathname.startsWith('/kien-nghi/') ? decodeURIComponent(pathname.slice('/kien-nghi/'.length)) : '';
  return id ? <DetailPage id={id} /> : <ListPage alliances={alliances} />;
}
