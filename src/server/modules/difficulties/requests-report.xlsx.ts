// The difficulties report as a workbook: a summary, then by category, by agency and by commune (Vietnamese headers).
import { addTableSheet, COUNT_FORMAT, newWorkbook, workbookBuffer, type Column } from '../reports/export/xlsx-table.ts';
import { categoryLabel } from './public-difficulties.words.ts';
import { REPORT_NOTE, summaryLines } from './requests-report.lines.ts';
import type { RequestsReport } from './requests-report.ts';

const count = (header: string, width = 14): Column => ({ header, width, format: COUNT_FORMAT });
const days = (v: number | null) => (v === null ? '' : v);

/** The report as the bytes of an .xlsx file, titled with the alliance's (or the country's) name. */
export async function requestsReportXlsx(r: RequestsReport, scopeName: string): Promise<Buffer> {
  const title = `Báo cáo tình hình tiếp nhận, giải quyết khó khăn, kiến nghị năm ${r.year}`;
  const workbook = newWorkbook(title);
  addTableSheet(workbook, 'Tổng hợp', {
    title,
    subtitle: scopeName,
    columns: [{ header: 'STT', width: 6, align: 'center' }, { header: 'Chỉ tiêu', width: 46 }, count('Số lượng')],
    rows: summaryLines(r).map(([label, value], i) => [i + 1, label, value]),
    note: REPORT_NOTE,
  });
  addTableSheet(workbook, 'Theo lĩnh vực', {
    title: `Theo lĩnh vực — năm ${r.year}`,
    subtitle: scopeName,
    columns: [{ header: 'Lĩnh vực', width: 30 }, count('Tiếp nhận'), count('Chuyển cơ quan'), count('Đã trả lời'), count('Đã giải quyết'), count('Quá hạn')],
    rows: r.byCategory.map((c) => [categoryLabel(c.category), c.received, c.forwarded, c.answered, c.resolved, c.overdue]),
    totals: ['Cộng', r.received, r.forwarded, r.answered, r.resolved, r.overdue],
  });
  addTableSheet(workbook, 'Theo cơ quan', {
    title: `Theo cơ quan được chuyển — năm ${r.year}`,
    subtitle: scopeName,
    columns: [
      { header: 'Cơ quan', width: 40 },
      count('Đã chuyển'),
      count('Đã trả lời'),
      count('Trung vị ngày làm việc để trả lời', 18),
      count('Phân vị 90 ngày làm việc', 18),
      count('Quá hạn'),
    ],
    rows: r.byAgency.map((a) => [a.agency, a.forwarded, a.answered, days(a.medianWorkingDays), days(a.p90WorkingDays), a.overdue]),
  });
  addTableSheet(workbook, 'Theo xã, phường', {
    title: `Theo xã, phường — năm ${r.year}`,
    subtitle: scopeName,
    columns: [{ header: 'Xã, phường', width: 36 }, count('Tiếp nhận'), count('Đã giải quyết'), count('Quá hạn')],
    rows: r.byCommune.map((c) => [c.commune, c.received, c.resolved, c.overdue]),
  });
  return workbookBuffer(workbook);
}
