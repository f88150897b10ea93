import path from 'node:path';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import { AppError } from '../../http/errors.ts';
import { capitalScale, FIELD_LABELS, looksLikeHeadingRow, mapHeadings, type CapitalScale, type ColumnMap, type Field } from './columns.ts';
import { formatInteger, MAX_DATA_ROWS, MAX_HEADER_SEARCH_ROWS } from './limits.ts';
import { readCsvSheet, readXlsxSheets, type Cell, type GridRow, type Sheet } from './read-sheets.ts';

/** One data row: its row number as Excel shows it and the cells of the recognised columns. */
export type DataRow = { row: number; values: Partial<Record<Field, Cell>> };

export type RowMessage = { row: number; message: string };

/** The registry table found in a workbook, ready to be mapped row by row. */
export type RegistryTable = {
  format: 'xlsx' | 'csv';
  sheetName: string;
  headerRow: number;
  capitalScale: CapitalScale;
  rows: DataRow[];
  /** Messages about the file as a whole (an assumed unit, a missing optional column). */
  warnings: RowMessage[];
};

const REQUIRED: Field[] = ['name', 'sector', 'foundedOn'];

// The signature block and the place-and-date line under the table ("Người lập biểu", "Bắc Giang, ngày … tháng …").
const FOOTER = /\b(nguoi lap bieu|nguoi lap|lap bieu|thu truong|chanh van phong|ky ho ten|ky ten|ky ghi ro ho ten|xac nhan cua|tm ban|tm lien minh|ngay \d* ?thang \d* ?nam)\b/;
const TOTALS = /^(tong cong|cong|tong so|tong)$/;

function detectFormat(fileName: string, content: Buffer): 'xlsx' | 'csv' {
  const extension = path.extname(fileName).toLowerCase();
  if (content.length === 0) throw new AppError('bad_request', 'Tệp rỗng (0 byte): hãy chọn lại tệp bảng tính.');
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (content.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new AppError('bad_request', 'Tệp Excel 97–2003 (.xls) chưa được hỗ trợ: hãy mở bằng Excel và lưu lại dạng .xlsx.');
  }
  if (['.xlsx', '.xlsm', '.xls', '.ods'].includes(extension)) {
    throw new AppError('bad_request', `Tệp "${fileName}" không phải bảng tính .xlsx hợp lệ (nội dung không phải tệp Excel). Hãy mở bằng Excel và lưu lại dạng .xlsx.`);
  }
  return 'csv';
}

const text = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim());

/** A row of column numbers under the heading: "(1)", "(2)", … or 1, 2, 3, … */
function isColumnNumberRow(cells: Cell[]): boolean {
  const filled = cells.map(text).filter((t) => t !== '');
  if (filled.length < 3) return false;
  const numbers = filled.map((t) => /^\(?\s*(\d{1,3})\s*\)?$/.exec(t)?.[1]);
  return numbers.every((n, i) => n !== undefined && (i === 0 || Number(n) > Number(numbers[i - 1])));
}

function pick(cells: Cell[], columns: ColumnMap): Partial<Record<Field, Cell>> {
  const values: Partial<Record<Field, Cell>> = {};
  for (const [field, column] of Object.entries(columns) as [Field, { index: number }][]) {
    const cell = cells[column.index];
    values[field] = typeof cell === 'string' && cell.trim() === '' ? null : (cell ?? null);
  }
  return values;
}

const hasKeyData = (v: Partial<Record<Field, Cell>>) => [v.registrationNumber, v.sector, v.foundedOn].some((c) => text(c) !== '');

/** Rows between the heading and the signature block; blank, totals and column-number rows are not rows. */
function dataRows(grid: GridRow[], start: number, columns: ColumnMap): DataRow[] {
  const rows: DataRow[] = [];
  for (let i = start; i < grid.length; i++) {
    const { number, cells } = grid[i]!;
    if (i === start && isColumnNumberRow(cells)) continue;
    const values = pick(cells, columns);
    const { ordinal: _ordinal, ...content } = values;
    if (Object.values(content).every((c) => text(c) === '')) continue;
    if (!hasKeyData(values)) {
      const keys = cells.map((c) => searchKey(text(c))).filter(Boolean);
      if (keys.some((k) => FOOTER.test(k))) break;
      if (keys.some((k) => TOTALS.test(k))) continue;
    }
    rows.push({ row: number, values });
    if (rows.length > MAX_DATA_ROWS) {
      throw new AppError('bad_request', `Bảng tính có hơn ${formatInteger(MAX_DATA_ROWS)} dòng dữ liệu, vượt giới hạn một lần nhập; hãy chia thành nhiều tệp.`);
    }
  }
  return rows;
}

function findTable(sheets: Sheet[]): { sheet: Sheet; grid: GridRow[]; at: number; columns: ColumnMap } {
  for (const sheet of sheets) {
    const grid = sheet.rows();
    for (let at = 0; at < Math.min(grid.length, MAX_HEADER_SEARCH_ROWS); at++) {
      const columns = mapHeadings(grid[at]!.cells);
      if (looksLikeHeadingRow(columns)) return { sheet, grid, at, columns };
    }
  }
  throw new AppError(
    'bad_request',
    `Không tìm thấy dòng tiêu đề của danh sách trong ${MAX_HEADER_SEARCH_ROWS} dòng đầu: cần các cột như "Tên HTX", "Mã số HTX", "Lĩnh vực hoạt động", "Ngày thành lập".`,
  );
}

/**
 * Reads an .xlsx or .csv registry workbook: finds the heading row by its text (not its position) on the first
 * visible sheet that has one, skips the column-number row and stops at the signature block.
 * Throws AppError (400) for a file that is not a readable workbook or breaks a limit (see limits.ts).
 */
export async function readRegistryTable(fileName: string, content: Buffer): Promise<RegistryTable> {
  const format = detectFormat(fileName, content);
  const sheets = format === 'xlsx' ? await readXlsxSheets(content) : readCsvSheet(fileName, content);
  const { sheet, grid, at, columns } = findTable(sheets);
  const headerRow = grid[at]!.number;
  const missing = REQUIRED.filter((field) => !columns[field]);
  if (missing.length) {
    const names = missing.map((f) => `"${FIELD_LABELS[f]}"`).join(', ');
    throw new AppError('bad_request', `Dòng tiêu đề (dòng ${headerRow}) thiếu cột ${names}: không nhập được danh sách.`, { row: headerRow });
  }
  const warnings: RowMessage[] = [];
  if (!columns.registrationNumber) {
    warnings.push({ row: headerRow, message: 'Không có cột "Mã số HTX": các tổ chức được đối chiếu với sổ đăng ký theo tên.' });
  }
  let scale: CapitalScale = 6;
  if (columns.charterCapital) {
    const found = capitalScale(columns.charterCapital.heading);
    if (found === undefined) {
      warnings.push({ row: headerRow, message: `Cột "${columns.charterCapital.heading}" không ghi đơn vị: hiểu là triệu đồng.` });
    } else scale = found;
  }
  return { format, sheetName: sheet.name, headerRow, capitalScale: scale, rows: dataRows(grid, at + 1, columns), warnings };
}
