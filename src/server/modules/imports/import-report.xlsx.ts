import ExcelJS from 'exceljs';
import type { ImportReport } from './import.service.ts';

/**
 * A cell that a spreadsheet program could read as a formula (= + - @, or a tab or carriage return before one)
 * gets a leading apostrophe: file names and reasons quote what uploaders wrote, and that must stay text
 * (CSV/formula injection).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Value = string | number;
const cell = (value: Value): Value => (typeof value === 'string' ? neutraliseCell(value) : value);

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[], rows: Value[][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: neutraliseCell(c.header), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(cell));
  return sheet;
}

const formatAt = (at: Date) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' }).format(at);

/** The report of an import run as an .xlsx: "Tóm tắt", "Trùng lặp", "Bị từ chối", "Cảnh báo", headings in Vietnamese. */
export async function buildImportReportXlsx(run: { at: Date; actorLabel: string; report: ImportReport }): Promise<Buffer> {
  const { report } = run;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nền tảng Liên minh HTX';
  addSheet(
    workbook,
    'Tóm tắt',
    [
      { header: 'Mục', width: 36 },
      { header: 'Giá trị', width: 60 },
    ],
    [
      ['Tệp', report.fileName],
      ['Trang tính', report.sheetName],
      ['Thời điểm nhập', formatAt(run.at)],
      ['Người nhập', run.actorLabel],
      ['Chạy thử (không ghi vào sổ đăng ký)', report.dryRun ? 'Có' : 'Không'],
      ['Dòng tiêu đề', report.headerRow],
      ['Số dòng dữ liệu trong tệp', report.rowsInFile],
      ['Thêm mới', report.imported],
      ['Cập nhật', report.updated],
      ['Không thay đổi', report.unchanged],
      ['Dòng trùng mã số', report.duplicates.length],
      ['Dòng bị từ chối', report.rejected.length],
      ['Cảnh báo', report.warnings.length],
    ],
  );
  addSheet(
    workbook,
    'Trùng lặp',
    [
      { header: 'Dòng', width: 10 },
      { header: 'Trùng với dòng', width: 16 },
      { header: 'Mã số HTX', width: 18 },
      { header: 'Tên', width: 50 },
    ],
    report.duplicates.map((d) => [d.row, d.firstRow, d.registrationNumber, d.name]),
  );
  addSheet(
    workbook,
    'Bị từ chối',
    [
      { header: 'Dòng', width: 10 },
      { header: 'Lý do', width: 100 },
    ],
    report.rejected.map((r) => [r.row, r.reason]),
  );
  addSheet(
    workbook,
    'Cảnh báo',
    [
      { header: 'Dòng', width: 10 },
      { header: 'Nội dung', width: 100 },
    ],
    report.warnings.map((w) => [w.row, w.message]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
