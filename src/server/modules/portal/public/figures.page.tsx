/**
 * The public figures (/so-lieu?nam=2025): the year's counts as text and tables, readable without JavaScript; the
 * charts are drawn over them by a small script (the "figures" entry of the web build) when it runs.
 */
import { formatCount, formatPercent } from '../../../../shared/format.ts';
import { jsonForScript, renderDocument } from './layout.tsx';
import { portalYear, publicFigures, type PublicFiguresData } from './public-figures.ts';
import { islandTags } from './islands.ts';
import type { PageContext, Rendered } from './site.ts';

export const FIGURES_PATH = '/so-lieu';
const YEARS_OFFERED = 10;

const signed = (n: number) => (n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : 'không đổi');

/** The year's headline: what a reader wants first, as a list of labelled numbers. */
export function Headline({ data }: { data: PublicFiguresData }) {
  const h = data.headline;
  const previous = data.previousYear;
  const items = [
    { label: 'Tổng số tổ chức kinh tế tập thể', value: h.total, note: previous ? `so với năm ${previous.year}: ${signed(h.total - previous.total)}` : undefined },
    { label: 'Thành lập mới trong năm', value: h.newlyEstablished },
    { label: 'Giải thể, chấm dứt trong năm', value: h.dissolved },
    { label: 'Thành viên', value: h.members, note: `Người lao động: ${formatCount(h.workers)}` },
  ];
  return (
    <ul className="figures" data-testid="headline-figures">
      {items.map((item) => (
        <li key={item.label}>
          <span>{item.label}</span>
          <strong data-testid="figure-value">{formatCount(item.value)}</strong>
          {item.note && <span className="meta">{item.note}</span>}
        </li>
      ))}
    </ul>
  );
}

type Line = { label: string; count: number; percent?: number };

function CountTable({ caption, head, lines }: { caption: string; head: string; lines: Line[] }) {
  const withPercent = lines.some((l) => l.percent !== undefined);
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="num">
              Số lượng
            </th>
            {withPercent && (
              <th scope="col" className="num">
                Tỷ lệ
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.label}>
              <th scope="row">{line.label}</th>
              <td className="num">{formatCount(line.count)}</td>
              {withPercent && <td className="num">{line.percent === undefined ? '' : formatPercent(line.percent)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function YearForm({ year, latest }: { year: number; latest: number }) {
  return (
    <form className="year-form" action={FIGURES_PATH} method="get">
      <label htmlFor="nam">Năm</label>
      <select id="nam" name="nam" defaultValue={String(year)}>
        {Array.from({ length: YEARS_OFFERED }, (_, i) => latest - i).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <button type="submit">Xem</button>
    </form>
  );
}

/** ?nam=YYYY (default: the year the portal opens on); null for a year outside the ten offered. */
function readYear(query: URLSearchParams, latest: number): number | null {
  const raw = query.get('nam');
  if (raw === null) return latest;
  if (!/^\d{4}$/.test(raw)) return null;
  const year = Number(raw);
  return year <= latest + 1 && year > latest - YEARS_OFFERED ? year : null;
}

export async function renderFiguresPage(ctx: PageContext, webRoot: string | undefined): Promise<Rendered | null> {
  const latest = portalYear();
  const year = readYear(ctx.query, latest);
  if (year === null) return null;
  const { data } = await publicFigures(ctx.db, ctx.site.tenant.id, year);
  const communes = data.byCurrentCommune.filter((c) => c.count > 0);
  const island = webRoot ? islandTags(webRoot, 'figures') : '';
  const html = renderDocument(
    ctx.site,
    {
      title: `Số liệu kinh tế tập thể năm ${year}`,
      description: `Số hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác, quỹ tín dụng nhân dân và thành viên năm ${year} — ${ctx.site.tenant.name}.`,
      canonicalPath: year === latest ? FIGURES_PATH : `${FIGURES_PATH}?nam=${year}`,
    },
    FIGURES_PATH,
    <>
      <h1>Số liệu kinh tế tập thể năm {year}</h1>
      <p className="meta">
        {data.scope.name} · số liệu đến ngày 31/12/{year}
        {data.frozen ? ' · số liệu đã chốt' : ''}
      </p>
      <YearForm year={year} latest={latest} />
      <Headline data={data} />
      <div id="bieu-do" data-testid="figures-charts" />
      <h2>Chi tiết</h2>
      <CountTable caption="Theo lĩnh vực" head="Lĩnh vực" lines={data.bySectorGroup.map((g) => ({ label: g.name, count: g.count, percent: g.percent }))} />
      <CountTable caption="Theo loại hình" head="Loại hình" lines={data.kindShares.map((k) => ({ label: k.label, count: k.count, percent: k.percent }))} />
      <CountTable caption="Theo tình trạng hoạt động" head="Tình trạng" lines={data.statusShares.map((s) => ({ label: s.label, count: s.count, percent: s.percent }))} />
      <CountTable caption="Theo ngành" head="Ngành" lines={data.bySector.filter((s) => s.count > 0).map((s) => ({ label: s.name, count: s.count, percent: s.percent }))} />
      {communes.length > 0 && <CountTable caption="Theo xã, phường (đơn vị hành chính hiện nay)" head="Xã, phường" lines={communes.map((c) => ({ label: c.commune, count: c.count }))} />}
      <p>
        <a href={`/api/public/reports/dashboard/chart.xlsx?year=${year}&tenant=${ctx.site.tenant.id}&chart=sectorGroups`}>Tải số liệu theo lĩnh vực (.xlsx)</a>
      </p>
      {island && (
        <>
          {/* eslint-disable-next-line no-restricted-syntax -- JSON for the charts' script, escaped by jsonForScript */}
          <script type="application/json" id="so-lieu-du-lieu" dangerouslySetInnerHTML={{ __html: jsonForScript({ year, tenant: ctx.site.tenant.id, data }) }} />
          {/* eslint-disable-next-line no-restricted-syntax -- the build's own script and stylesheet tags (islands.ts) */}
          <div hidden dangerouslySetInnerHTML={{ __html: island }} />
        </>
      )}
    </>,
  );
  return { status: 200, html };
}
