// The borrower's statement as a workbook: the loan's facts, its schedule and its payments. Text cells that a
// spreadsheet could run as a formula (= + - @) are neutralised by the shared table writer.
import { formatDateVi } from '../../../shared/dates.ts';
import { addTableSheet, exactNumber, newWorkbook, workbookBuffer, COUNT_FORMAT } from '../reports/export/xlsx-table.ts';
import type { Statement } from './statement.service.ts';

const n = (v: string) => exactNumber(v);

/** The statement as the bytes of an .xlsx file. */
export async function statementXlsx(s: Statement): Promise<Buffer> {
  const title = `SAO KÊ KHOẢN VAY ${s.loan.code}`;
  const subtitle = `${s.fundName} — tại ngày ${formatDateVi(s.asOf)} (đơn vị: đồng)`;
  const workbook = newWorkbook(title);
  addTableSheet(workbook, 'Thông tin', {
    title,
    subtitle,
    columns: [{ header: 'Nội dung', width: 34 }, { header: 'Giá trị', width: 70 }],
    rows: s.facts.map(([label, value]) => [label, value]),
  });
  const money = { width: 18, format: COUNT_FORMAT };
  const schedule = s.schedule;
  addTableSheet(workbook, 'Lịch trả nợ', {
    title: `LỊCH TRẢ NỢ — ${s.loan.code}`,
    subtitle,
    columns: [{ header: 'Kỳ', width: 6, align: 'center' }, { header: 'Ngày đến hạn', width: 14, align: 'center' }, { header: 'Gốc phải trả', ...money }, { header: 'Lãi phải trả', ...money }, { header: 'Gốc đã trả', ...money }, { header: 'Lãi đã trả', ...money }],
    rows: schedule.map((i) => [i.n, formatDateVi(i.dueDate), n(i.principalDueVnd), n(i.interestDueVnd), n(i.principalPaidVnd), n(i.interestPaidVnd)]),
    totals: ['Cộng', '', ...(['principalDueVnd', 'interestDueVnd', 'principalPaidVnd', 'interestPaidVnd'] as const).map((k) => n(schedule.reduce((sum, i) => sum + BigInt(i[k]), 0n).toString()))],
  });
  addTableSheet(workbook, 'Giải ngân và trả nợ', {
    title: `GIẢI NGÂN VÀ TRẢ NỢ — ${s.loan.code}`,
    subtitle,
    columns: [
      { header: 'Ngày', width: 12, align: 'center' }, { header: 'Nghiệp vụ', width: 14 }, { header: 'Số tiền', ...money },
      { header: 'Lãi phạt', ...money }, { header: 'Lãi quá hạn', ...money }, { header: 'Gốc quá hạn', ...money },
      { header: 'Lãi trong hạn', ...money }, { header: 'Gốc trong hạn', ...money }, { header: 'Trả trước gốc', ...money }, { header: 'Ghi chú', width: 30 },
    ],
    rows: [
      ...s.disbursements.map((d) => ({ on: d.disbursedOn, row: [formatDateVi(d.disbursedOn), 'Giải ngân', n(d.amountVnd), null, null, null, null, null, null, d.note ?? ''] })),
      ...s.payments.map((p) => ({
        on: p.paidOn,
        row: [formatDateVi(p.paidOn), 'Trả nợ', n(p.amountVnd), n(p.allocation.penaltyVnd), n(p.allocation.overdueInterestVnd), n(p.allocation.overduePrincipalVnd), n(p.allocation.currentInterestVnd), n(p.allocation.currentPrincipalVnd), n(p.allocation.prepaymentVnd), p.note ?? ''],
      })),
    ]
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
      .map((e) => e.row),
  });
  return workbookBuffer(workbook);
}
