// The borrower's statement as a PDF (pdfmake and its Vietnamese font set up in src/server/pdf.ts).
import { pdfmake } from '../../pdf.ts';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDateVi } from '../../../shared/dates.ts';
import { formatCount } from '../../../shared/format.ts';
import type { Statement } from './statement.service.ts';

const amount = (v: string | null) => (v === null ? '' : formatCount(BigInt(v)));
const head = (text: string): TableCell => ({ text, style: 'head' });
const right = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });

function scheduleTable(s: Statement): Content {
  const sum = (k: 'principalDueVnd' | 'interestDueVnd' | 'principalPaidVnd' | 'interestPaidVnd') => s.schedule.reduce((t, i) => t + BigInt(i[k]), 0n).toString();
  const body: TableCell[][] = [
    [head('Kỳ'), head('Ngày đến hạn'), head('Gốc phải trả'), head('Lãi phải trả'), head('Gốc đã trả'), head('Lãi đã trả')],
    ...s.schedule.map((i) => [{ text: String(i.n), alignment: 'center' as const }, formatDateVi(i.dueDate), right(amount(i.principalDueVnd)), right(amount(i.interestDueVnd)), right(amount(i.principalPaidVnd)), right(amount(i.interestPaidVnd))]),
    [{ text: 'Cộng', bold: true, colSpan: 2 }, '', right(amount(sum('principalDueVnd')), true), right(amount(sum('interestDueVnd')), true), right(amount(sum('principalPaidVnd')), true), right(amount(sum('interestPaidVnd')), true)],
  ];
  return { table: { headerRows: 1, widths: [24, 70, '*', '*', '*', '*'], body }, layout: 'lightHorizontalLines', fontSize: 9 };
}

function movementsTable(s: Statement): Content {
  const rows = [
    ...s.disbursements.map((d) => ({ on: d.disbursedOn, cells: [formatDateVi(d.disbursedOn), 'Giải ngân', right(amount(d.amountVnd)), '', '', '', '', '', ''] as TableCell[] })),
    ...s.payments.map((p) => ({
      on: p.paidOn,
      cells: [formatDateVi(p.paidOn), 'Trả nợ', right(amount(p.amountVnd)), right(amount(p.allocation.penaltyVnd)), right(amount(p.allocation.overdueInterestVnd)), right(amount(p.allocation.overduePrincipalVnd)), right(amount(p.allocation.currentInterestVnd)), right(amount(p.allocation.currentPrincipalVnd)), right(amount(p.allocation.prepaymentVnd))] as TableCell[],
    })),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  if (rows.length === 0) return { text: 'Chưa có giải ngân hay trả nợ.', italics: true };
  const body: TableCell[][] = [
    [head('Ngày'), head('Nghiệp vụ'), head('Số tiền'), head('Lãi phạt'), head('Lãi quá hạn'), head('Gốc quá hạn'), head('Lãi trong hạn'), head('Gốc trong hạn'), head('Trả trước gốc')],
    ...rows.map((r) => r.cells),
  ];
  return { table: { headerRows: 1, widths: [52, 44, '*', '*', '*', '*', '*', '*', '*'], body }, layout: 'lightHorizontalLines', fontSize: 8 };
}

/** The statement as a PDF (A4, Roboto embedded). */
export async function statementPdf(s: Statement): Promise<Buffer> {
  const title = `SAO KÊ KHOẢN VAY ${s.loan.code}`;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [36, 40, 36, 48],
    info: { title, author: s.fundName, creator: 'Nền tảng Liên minh HTX' },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      subtitle: { italics: true, alignment: 'center', margin: [0, 0, 0, 12] },
      heading: { fontSize: 11, bold: true, margin: [0, 12, 0, 6] },
      head: { bold: true, fillColor: '#e8f5e9' },
    },
    footer: (page, pages) => ({ text: `Trang ${page}/${pages}`, alignment: 'center', fontSize: 8, margin: [0, 16, 0, 0] }),
    content: [
      { text: s.fundName, alignment: 'center', bold: true },
      { text: title, style: 'title' },
      { text: `Tại ngày ${formatDateVi(s.asOf)} — đơn vị: đồng`, style: 'subtitle' },
      { table: { widths: [150, '*'], body: s.facts.map(([label, value]) => [{ text: label, bold: true }, value]) }, layout: 'noBorders' },
      { text: 'Lịch trả nợ', style: 'heading' },
      scheduleTable(s),
      { text: 'Giải ngân và trả nợ', style: 'heading' },
      movementsTable(s),
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}
