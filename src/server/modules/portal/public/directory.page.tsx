/**
 * The public directory (/danh-ba): anyone searches the alliance's organisations by name, typed with or without
 * accents, and filters by legal form and sector group, with a plain GET form — it works without JavaScript and
 * every search has its own address. It shows no personal data (findPublicDirectory searches names only).
 */
import { KIND_LABELS, KINDS, STATUS_LABELS, type Kind, type Status } from '../../../../shared/organisation-kinds.ts';
import { SearchQuery } from '../../../../shared/organisation.ts';
import { getSector, SECTOR_GROUPS, type SectorCode } from '../../../../shared/sectors.ts';
import { formatCount } from '../../../../shared/format.ts';
import { findPublicDirectory } from '../../cooperatives/cooperatives.search.ts';
import { renderDocument } from './layout.tsx';
import type { PageContext, Rendered } from './site.ts';

export const DIRECTORY_PATH = '/danh-ba';
const PAGE_SIZE = 20;

/** The directory's search as its address holds it: ?q=…&loai=HTX&linh-vuc=agriculture&trang=2. */
type DirectorySearch = { q?: string; kind?: Kind; sectorGroup?: (typeof SECTOR_GROUPS)[number]['code']; page: number };

function readSearch(query: URLSearchParams): DirectorySearch | null {
  const q = query.get('q')?.trim() || undefined;
  const kind = query.get('loai') || undefined;
  const sectorGroup = query.get('linh-vuc') || undefined;
  const page = query.get('trang') ?? '1';
  if (!/^[1-9]\d{0,4}$/.test(page)) return null;
  if (kind && !KINDS.includes(kind as Kind)) return null;
  if (sectorGroup && !SECTOR_GROUPS.some((g) => g.code === sectorGroup)) return null;
  if (q && q.length > 200) return null;
  return { q, kind: kind as Kind | undefined, sectorGroup: sectorGroup as DirectorySearch['sectorGroup'], page: Number(page) };
}

/** The address of a search (page 1 has no "trang"). */
export function directoryPath(search: DirectorySearch): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.kind) params.set('loai', search.kind);
  if (search.sectorGroup) params.set('linh-vuc', search.sectorGroup);
  if (search.page > 1) params.set('trang', String(search.page));
  const query = params.toString();
  return query ? `${DIRECTORY_PATH}?${query}` : DIRECTORY_PATH;
}

/** The old portal's /directory?q=&kind=&sectorGroup=&page= as the new address. */
export function directoryPathFromOld(query: URLSearchParams): string {
  const kind = query.get('kind') ?? undefined;
  const sectorGroup = query.get('sectorGroup') ?? undefined;
  const page = Number(query.get('page') ?? 1);
  return directoryPath({
    q: query.get('q')?.trim() || undefined,
    kind: KINDS.includes(kind as Kind) ? (kind as Kind) : undefined,
    sectorGroup: SECTOR_GROUPS.some((g) => g.code === sectorGroup) ? (sectorGroup as DirectorySearch['sectorGroup']) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  });
}

/** The search form: shared by the directory and the home page. */
export function DirectoryForm({ search, id }: { search?: Partial<DirectorySearch>; id: string }) {
  return (
    <form className="directory-form" role="search" action={DIRECTORY_PATH} method="get">
      <div className="field wide">
        <label htmlFor={`${id}-q`}>Tên hợp tác xã, tổ hợp tác (gõ có dấu hay không dấu đều được)</label>
        <input id={`${id}-q`} type="search" name="q" defaultValue={search?.q ?? ''} placeholder="Ví dụ: HTX nông nghiệp Tân Thịnh" enterKeyHint="search" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-loai`}>Loại hình</label>
        <select id={`${id}-loai`} name="loai" defaultValue={search?.kind ?? ''}>
          <option value="">Tất cả loại hình</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-linh-vuc`}>Lĩnh vực</label>
        <select id={`${id}-linh-vuc`} name="linh-vuc" defaultValue={search?.sectorGroup ?? ''}>
          <option value="">Tất cả lĩnh vực</option>
          {SECTOR_GROUPS.map((g) => (
            <option key={g.code} value={g.code}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Tìm kiếm</button>
    </form>
  );
}

type Entry = Awaited<ReturnType<typeof findPublicDirectory>>['items'][number];

function EntryItem({ entry }: { entry: Entry }) {
  return (
    <li className="entry" data-testid="directory-entry">
      <strong>{entry.name}</strong>
      <span className="meta">
        {KIND_LABELS[entry.kind as Kind] ?? entry.kind} · {getSector(entry.sectorCode as SectorCode)?.name ?? ''}
      </span>
      <span className="meta">
        {STATUS_LABELS[entry.status as Status] ?? entry.status}
        {entry.currentCommuneName ? ` · ${entry.currentCommuneName}` : ''}
      </span>
    </li>
  );
}

function DirectoryPager({ search, pages }: { search: DirectorySearch; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Phân trang">
      {search.page > 1 ? <a href={directoryPath({ ...search, page: search.page - 1 })} rel="prev">← Trang trước</a> : <span />}
      <span>
        Trang {search.page}/{formatCount(pages)}
      </span>
      {search.page < pages ? <a href={directoryPath({ ...search, page: search.page + 1 })} rel="next">Trang sau →</a> : <span />}
    </nav>
  );
}

/** The directory page; null (the 404 page) for an address no form makes (a wrong kind, page 0). */
export async function renderDirectoryPage(ctx: PageContext): Promise<Rendered | null> {
  const search = readSearch(ctx.query);
  if (!search) return null;
  const query = SearchQuery.parse({ q: search.q, kind: search.kind, sectorGroup: search.sectorGroup, page: search.page, pageSize: PAGE_SIZE });
  const result = await findPublicDirectory(ctx.db, { tenantId: ctx.site.tenant.id, query });
  const capped = (result as { totalIsLowerBound?: boolean }).totalIsLowerBound === true;
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (search.page > pages) return null;
  const searching = Boolean(search.q || search.kind || search.sectorGroup);
  const title = search.q ? `Danh bạ: “${search.q}”` : 'Danh bạ hợp tác xã';
  const html = renderDocument(
    ctx.site,
    {
      title,
      description: `Danh bạ công khai các hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác và quỹ tín dụng nhân dân của ${ctx.site.tenant.name}.`,
      canonicalPath: directoryPath(search),
      noindex: searching,
    },
    DIRECTORY_PATH,
    <>
      <h1>Danh bạ hợp tác xã</h1>
      <p>Tìm theo tên; danh bạ chỉ ghi tên, loại hình, lĩnh vực, tình trạng và xã, phường — không có thông tin cá nhân.</p>
      <DirectoryForm search={search} id="danh-ba" />
      <p className="meta" data-testid="directory-total" role="status">
        {result.total === 0 ? 'Không tìm thấy tổ chức nào.' : capped ? `Hơn ${formatCount(result.total)} kết quả` : `${formatCount(result.total)} kết quả`}
      </p>
      {result.items.length > 0 && (
        <ul className="entries">
          {result.items.map((entry) => (
            <EntryItem key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      <DirectoryPager search={search} pages={pages} />
    </>,
  );
  return { status: 200, html };
}
