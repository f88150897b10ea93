import { reportPdf } from '../../../pdf.ts';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatCount, formatPercent } from '../../../../shared/format.ts';
import type { AnnualReport } from '../annual-report.build.ts';
import { formatPlanPercent } from '../narrative.ts';
import { areaHeader, planLines, reportLines, reportTitles } from './report-lines.ts';

const number = (v: number | string | null): string => (v === null ? '' : formatCount(BigInt(v)));
const signed = (v: number | string | null): string => {
  if (v === null) return '';
  const big = BigInt(v);
  return big > 0n ? `+${formatCount(big)}` : big < 0n ? `−${formatCount(-big)}` : '0';
};
const percent = (v: number | null): string => (v === null ? '' : formatPercent(v));
const head = (text: string): TableCell => ({ text, style: 'head' });
const right = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });

function figuresTable(r: AnnualReport): Content {
  const body: TableCell[][] = [
    [head('STT'), head('Chỉ tiêu'), head('ĐVT'), head(`Năm ${r.year}`), head('Tỷ lệ (%)'), head(`Năm ${r.year - 1}`), head('Tăng, giảm')],
    ...reportLines(r).map((l) => [
      { text: l.number, alignment: 'center' as const, bold: l.section },
      { text: l.label, bold: l.section },
      { text: l.unit, alignment: 'center' as const },
      right(number(l.value), l.section),
      right(percent(l.percent)),
      right(number(l.previous)),
      right(signed(l.change)),
    ]),
  ];
  return { table: { headerRows: 1, widths: [20, '*', 32, 84, 40, 84, 76], body }, layout: 'lightHorizontalLines', fontSize: 9 };
}

function areaTable(r: AnnualReport): Content {
  const body: TableCell[][] = [
    [head('STT'), head(areaHeader(r)), head('Số tổ chức'), head('Thành lập mới'), head('Giải thể')],
    ...r.byArea.map((a, i) => [{ text: String(i + 1), alignment: 'center' as const }, a.area, right(formatCount(a.count)), right(formatCount(a.newlyEstablished)), right(formatCount(a.dissolved))]),
    ['', { text: 'Cộng', bold: true }, right(formatCount(r.byArea.reduce((s, a) => s + a.count, 0)), true), right(formatCount(r.newlyEstablished), true), right(formatCount(r.byArea.reduce((s, a) => s + a.dissolved, 0)), true)],
  ];
  return { table: { headerRows: 1, widths: [24, '*', 60, 70, 50], body }, layout: 'lightHorizontalLines', fontSize: 9 };
}

function communeTable(r: AnnualReport): Content {
  const body: TableCell[][] = [
    [head('STT'), head('Xã, phường, đặc khu (sau 01/07/2025)'), head('Số tổ chức')],
    ...r.byCurrentCommune.map((c, i) => [{ text: String(i + 1), alignment: 'center' as const }, c.commune, right(formatCount(c.count))]),
  ];
  return { table: { headerRows: 1, widths: [24, '*', 60], body }, layout: 'lightHorizontalLines', fontSize: 9 };
}

function planTable(r: AnnualReport): Content {
  const plans = planLines(r);
  if (plans.length === 0) return { text: 'Chưa giao kế hoạch cho năm này.', italics: true };
  const body: TableCell[][] = [
    [head('Chỉ tiêu'), head('Địa bàn'), head('Kế hoạch'), head('Thực hiện'), head('Tỷ lệ đạt')],
    ...plans.map((p) => [p.indicator, p.area, right(number(p.target)), right(number(p.actual)), right(p.percent === null ? '' : formatPlanPercent(p.percent))]),
  ];
  return { table: { headerRows: 1, widths: ['*', 90, 80, 80, 50], body }, layout: 'lightHorizontalLines', fontSize: 9 };
}

/** The annual report as a PDF (A4, Roboto with every Vietnamese glyph embedded). */
export async function annualReportPdf(r: AnnualReport): Promise<Buffer> {
  const { title, subtitle } = reportTitles(r);
  return reportPdf({
    title,
    subtitle,
    author: r.scope.name,
    content: [
      { text: r.narrative, alignment: 'justify', lineHeight: 1.2 },
      { text: 'Các chỉ tiêu chính', style: 'heading' },
      figuresTable(r),
      { text: 'Theo địa bàn đăng ký', style: 'heading' },
      areaTable(r),
      { text: 'Thực hiện kế hoạch', style: 'heading' },
      planTable(r),
      { text: 'Theo xã, phường hiện nay', style: 'heading', pageBreak: 'before' },
      communeTable(r),
    ],
  });
}
