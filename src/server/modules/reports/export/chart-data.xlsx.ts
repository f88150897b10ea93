import type { Dashboard } from '../dashboard.service.ts';
import { PLAN_INDICATOR_LABELS, type DashboardChart } from '../reports.schemas.ts';
import { addTableSheet, COUNT_FORMAT, exactNumber, newWorkbook, PERCENT_FORMAT, workbookBuffer, type CellValue, type Column } from './xlsx-table.ts';

/** What a chart's data comes from: the dashboard, or its public variant (no money, no plans). */
export type ChartSource = Pick<Partial<Dashboard>, 'bySectorGroup' | 'bySector' | 'statusShares' | 'kindShares' | 'trend' | 'byCurrentCommune' | 'byArea' | 'plans'> & {
  year: number;
  scope: { name: string };
  headline: Partial<Dashboard['headline']>;
};

type ChartTable = { title: string; columns: Column[]; rows: CellValue[][]; totals?: CellValue[] };

const count = (header: string): Column => ({ header, width: 16, format: COUNT_FORMAT });
const share: Column = { header: 'Tỷ lệ (%)', width: 12, format: PERCENT_FORMAT };
const label = (header: string, width = 36): Column => ({ header, width });

/** The data behind one chart of the dashboard, as a table. Public dashboards have no money and no plans. */
export function chartTable(d: ChartSource, chart: DashboardChart): ChartTable {
  const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);
  switch (chart) {
    case 'headline': {
      const h = d.headline;
      const rows: CellValue[][] = [
        ['Tổng số tổ chức', h.total],
        ['Đang hoạt động', h.active],
        ['Tạm ngừng, ngừng hoạt động', h.suspended],
        ['Thành lập mới trong năm', h.newlyEstablished],
        ['Giải thể trong năm', h.dissolved],
        ['Thành viên (người)', h.members],
        ['Lao động (người)', h.workers],
      ];
      if (h.charterCapitalVnd !== undefined) rows.push(['Vốn điều lệ (đồng)', exactNumber(h.charterCapitalVnd)]);
      return { title: 'Các chỉ tiêu chính', columns: [label('Chỉ tiêu'), { header: 'Giá trị', width: 22, format: COUNT_FORMAT }], rows };
    }
    case 'sectorGroups':
      return { title: 'Theo nhóm lĩnh vực', columns: [label('Nhóm lĩnh vực'), count('Số tổ chức'), share], rows: (d.bySectorGroup ?? []).map((g) => [g.name, g.count, g.percent]), totals: ['Cộng', sum(d.bySectorGroup ?? []), 100] };
    case 'sectors':
      return { title: 'Theo lĩnh vực', columns: [label('Lĩnh vực'), count('Số tổ chức'), share], rows: (d.bySector ?? []).map((s) => [s.name, s.count, s.percent]), totals: ['Cộng', sum(d.bySector ?? []), 100] };
    case 'statuses':
      return { title: 'Theo tình trạng hoạt động', columns: [label('Tình trạng'), count('Số tổ chức'), share], rows: (d.statusShares ?? []).map((s) => [s.label, s.count, s.percent]), totals: ['Cộng', sum(d.statusShares ?? []), 100] };
    case 'kinds':
      return { title: 'Theo loại hình', columns: [label('Loại hình'), count('Số tổ chức'), share], rows: (d.kindShares ?? []).map((k) => [k.label, k.count, k.percent]), totals: ['Cộng', sum(d.kindShares ?? []), 100] };
    case 'trend':
      return {
        title: 'Thành lập mới, giải thể và tổng số qua mười năm',
        columns: [{ header: 'Năm', width: 10, align: 'center' }, count('Thành lập mới'), count('Giải thể'), count('Tổng số cuối năm')],
        rows: (d.trend ?? []).map((t) => [t.year, t.newlyEstablished, t.dissolved, t.total]),
      };
    case 'communes':
      return { title: 'Theo xã, phường hiện nay', columns: [label('Xã, phường, đặc khu'), count('Số tổ chức')], rows: (d.byCurrentCommune ?? []).map((c) => [c.commune, c.count]), totals: ['Cộng', sum(d.byCurrentCommune ?? [])] };
    case 'areas':
      return { title: 'Theo địa bàn đăng ký', columns: [label('Địa bàn'), count('Số tổ chức'), count('Thành lập mới'), count('Giải thể')], rows: (d.byArea ?? []).map((a) => [a.area, a.count, a.newlyEstablished, a.dissolved]), totals: ['Cộng', sum(d.byArea ?? []), null, null] };
    case 'plans':
      return {
        title: 'Thực hiện kế hoạch',
        columns: [label('Chỉ tiêu'), label('Địa bàn', 22), count('Kế hoạch'), count('Thực hiện'), { header: 'Tỷ lệ đạt (%)', width: 14, format: PERCENT_FORMAT }],
        rows: (d.plans ?? []).map((p) => [PLAN_INDICATOR_LABELS[p.indicator], p.area || 'Toàn tỉnh', exactNumber(p.target), exactNumber(p.actual), p.percent]),
      };
  }
}

/** One chart's data as an .xlsx file. */
export async function chartDataXlsx(d: ChartSource, chart: DashboardChart): Promise<Buffer> {
  const table = chartTable(d, chart);
  const workbook = newWorkbook(table.title);
  addTableSheet(workbook, table.title, { ...table, title: `${table.title} — năm ${d.year}`, subtitle: d.scope.name });
  return workbookBuffer(workbook);
}
