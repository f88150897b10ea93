// The difficulties report as a PDF (A4, Roboto with every Vietnamese glyph), the same tables as the workbook.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatCount } from '../../../shared/format.ts';
import { reportPdf } from '../../pdf.ts';
import { categoryLabel } from './public-difficulties.words.ts';
import type { RequestsReport } from './requests-report.ts';
import { REPORT_NOTE, summaryLines } from './requests-report.lines.ts';

const head = (text: string): TableCell => ({ text, style: 'head' });
const right = (value: number | null, bold = false): TableCell => ({ text: value === null ? '' : formatCount(value), alignment: 'right', bold });

function table(headers: string[], widths: (number | string)[], rows: TableCell[][]): Content {
  return { table: { headerRows: 1, widths, body: [headers.map(head), ...rows] }, layout: 'lightHorizontalLines', fontSize: 9 };
}

/** The report as the bytes of a PDF. */
export async function requestsReportPdf(r: RequestsReport, scopeName: string): Promise<Buffer> {
  const title = `BÁO CÁO TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT KHÓ KHĂN, KIẾN NGHỊ NĂM ${r.year}`;
  return reportPdf({
    title,
    subtitle: scopeName,
    author: scopeName,
    titleSize: 13,
    content: [
      { text: 'Tổng hợp', style: 'heading' },
      table(['STT', 'Chỉ tiêu', 'Số lượng'], [24, '*', 80], summaryLines(r).map(([label, value], i) => [{ text: String(i + 1), alignment: 'center' }, label, right(value)])),
      { text: 'Theo lĩnh vực', style: 'heading' },
      table(
        ['Lĩnh vực', 'Tiếp nhận', 'Chuyển cơ quan', 'Đã trả lời', 'Đã giải quyết', 'Quá hạn'],
        ['*', 54, 54, 54, 54, 48],
        [
          ...r.byCategory.map((c) => [categoryLabel(c.category), right(c.received), right(c.forwarded), right(c.answered), right(c.resolved), right(c.overdue)]),
          [{ text: 'Cộng', bold: true }, right(r.received, true), right(r.forwarded, true), right(r.answered, true), right(r.resolved, true), right(r.overdue, true)],
        ],
      ),
      { text: 'Theo cơ quan được chuyển', style: 'heading' },
      r.byAgency.length === 0
        ? { text: 'Không có kiến nghị nào được chuyển trong năm.', italics: true }
        : table(
            ['Cơ quan', 'Đã chuyển', 'Đã trả lời', 'Trung vị ngày làm việc', 'Phân vị 90 ngày làm việc', 'Quá hạn'],
            ['*', 50, 50, 62, 62, 44],
            r.byAgency.map((a) => [a.agency, right(a.forwarded), right(a.answered), right(a.medianWorkingDays), right(a.p90WorkingDays), right(a.overdue)]),
          ),
      { text: 'Theo xã, phường', style: 'heading' },
      r.byCommune.length === 0
        ? { text: 'Không có khó khăn, kiến nghị nào.', italics: true }
        : table(['Xã, phường', 'Tiếp nhận', 'Đã giải quyết', 'Quá hạn'], ['*', 60, 60, 60], r.byCommune.map((c) => [c.commune, right(c.received), right(c.resolved), right(c.overdue)])),
      { text: REPORT_NOTE, italics: true, fontSize: 8, margin: [0, 12, 0, 0] },
    ],
  });
}
