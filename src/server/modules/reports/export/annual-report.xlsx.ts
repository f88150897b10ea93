import type { AnnualReport } from '../annual-report.build.ts';
import { addTableSheet, COUNT_FORMAT, exactNumber, newWorkbook, PERCENT_FORMAT, workbookBuffer, type CellValue } from './xlsx-table.ts';
import { areaHeader, planLines, reportLines, reportTitles } from './report-lines.ts';

const money = (v: number | string | null): CellValue => (v === null ? null : exactNumber(v));

/**
 * The annual report as a formatted workbook: the figures with shares and the previous year, the areas as
 * registered, today's communes and the plan. Opens cleanly in LibreOffice and Excel.
 */
export async function annualReportXlsx(r: AnnualReport): Promise<Buffer> {
  const { title, subtitle } = reportTitles(r);
  const workbook = newWorkbook(title);
  const lines = reportLines(r);
  addTableSheet(workbook, `Báo cáo năm ${r.year}`, {
    title,
    subtitle,
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Chỉ tiêu', width: 44 },
      { header: 'Đơn vị tính', width: 11, align: 'center' },
      { header: `Năm ${r.year}`, width: 20, format: COUNT_FORMAT },
      { header: 'Tỷ lệ (%)', width: 11, format: PERCENT_FORMAT },
      { header: `Năm ${r.year - 1}`, width: 20, format: COUNT_FORMAT },
      { header: 'Tăng (+), giảm (−)', width: 20, format: COUNT_FORMAT },
    ],
    rows: lines.map((l) => [l.number, l.label, l.unit, money(l.value), l.percent, money(l.previous), money(l.change)]),
    boldRows: lines.flatMap((l, i) => (l.section ? [i] : [])),
    note: r.narrative,
  });

  const areaTotals = r.byArea.reduce((t, a) => ({ count: t.count + a.count, newly: t.newly + a.newlyEstablished, dissolved: t.dissolved + a.dissolved }), { count: 0, newly: 0, dissolved: 0 });
  addTableSheet(workbook, 'Theo địa bàn', {
    title: `SỐ TỔ CHỨC THEO ĐỊA BÀN NĂM ${r.year}`,
    subtitle,
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: areaHeader(r), width: 40 },
      { header: 'Số tổ chức', width: 14, format: COUNT_FORMAT },
      { header: 'Thành lập mới', width: 14, format: COUNT_FORMAT },
      { header: 'Giải thể', width: 12, format: COUNT_FORMAT },
    ],
    rows: r.byArea.map((a, i) => [i + 1, a.area, a.count, a.newlyEstablished, a.dissolved]),
    totals: ['', 'Cộng', areaTotals.count, areaTotals.newly, areaTotals.dissolved],
  });

  addTableSheet(workbook, 'Theo xã, phường hiện nay', {
    title: `SỐ TỔ CHỨC THEO XÃ, PHƯỜNG HIỆN NAY NĂM ${r.year}`,
    subtitle: `${subtitle}; đơn vị hành chính sau ngày 01/07/2025`,
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Xã, phường, đặc khu', width: 36 },
      { header: 'Mã đơn vị', width: 12, align: 'center' },
      { header: 'Số tổ chức', width: 14, format: COUNT_FORMAT },
    ],
    rows: r.byCurrentCommune.map((c, i) => [i + 1, c.commune, c.code ?? '', c.count]),
    totals: ['', 'Cộng', '', r.byCurrentCommune.reduce((s, c) => s + c.count, 0)],
  });

  const plans = planLines(r);
  addTableSheet(workbook, 'Kế hoạch', {
    title: `THỰC HIỆN KẾ HOẠCH NĂM ${r.year}`,
    subtitle,
    columns: [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Chỉ tiêu', width: 34 },
      { header: 'Địa bàn', width: 22 },
      { header: 'Kế hoạch', width: 20, format: COUNT_FORMAT },
      { header: 'Thực hiện', width: 20, format: COUNT_FORMAT },
      { header: 'Tỷ lệ đạt (%)', width: 14, format: PERCENT_FORMAT },
    ],
    rows: plans.map((p, i) => [i + 1, p.indicator, p.area, exactNumber(p.target), exactNumber(p.actual), p.percent]),
    note: plans.length ? undefined : 'Chưa giao kế hoạch cho năm này.',
  });
  return workbookBuffer(workbook);
}
