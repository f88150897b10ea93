/**
 * Formatted report sheets with exceljs: a title, a header row, number formats, totals and column widths,
 * and no cell that a spreadsheet could take for a formula.
 */
import ExcelJS from 'exceljs';

export const COUNT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.00';

const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

/**
 * A text cell that begins with = + - @ (or a tab or carriage return) is what a spreadsheet runs as a
 * formula once the sheet is saved as CSV or retyped: it is written with a leading apostrophe instead.
 */
export function neutraliseText(text: string): string {
  return FORMULA_TRIGGERS.test(text) ? `'${text}` : text;
}

/** Whole numbers that JavaScript holds exactly go in as numbers; larger ones as text of digits. */
export function exactNumber(value: bigint | string | number): number | string {
  const big = typeof value === 'bigint' ? value : BigInt(value);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(big) : big.toString();
}

export type CellValue = string | number | null | undefined;
export type Column = { header: string; width: number; format?: string; align?: 'left' | 'right' | 'center' };
export type TableOptions = {
  title: string;
  subtitle?: string;
  columns: Column[];
  rows: CellValue[][];
  /** Row numbers (0-based in `rows`) written bold: section headings, totals. */
  boldRows?: number[];
  totals?: CellValue[];
  note?: string;
};

const THIN = { style: 'thin' as const, color: { argb: 'FF9E9E9E' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function put(cell: ExcelJS.Cell, value: CellValue, column: Column | undefined): void {
  cell.value = typeof value === 'string' ? neutraliseText(value) : (value ?? null);
  if (typeof value === 'number' && column?.format) cell.numFmt = column.format;
  cell.border = BORDER;
  cell.alignment = { vertical: 'middle', horizontal: column?.align ?? (typeof value === 'number' ? 'right' : 'left'), wrapText: true };
}

/** Adds one sheet laid out as a report table; returns it for callers that add more. */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, options: TableOptions): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = options.columns.length;
  sheet.columns = options.columns.map((c) => ({ width: c.width }));

  const title = sheet.addRow([neutraliseText(options.title)]);
  sheet.mergeCells(title.number, 1, title.number, width);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  if (options.subtitle) {
    const subtitle = sheet.addRow([neutraliseText(options.subtitle)]);
    sheet.mergeCells(subtitle.number, 1, subtitle.number, width);
    subtitle.font = { italic: true };
    subtitle.alignment = { horizontal: 'center' };
  }
  sheet.addRow([]);

  const header = sheet.addRow(options.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F5E9' } };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number }];

  const bold = new Set(options.boldRows ?? []);
  options.rows.forEach((values, index) => {
    const row = sheet.addRow([]);
    values.forEach((v, c) => put(row.getCell(c + 1), v, options.columns[c]));
    if (bold.has(index)) row.font = { bold: true };
  });
  if (options.totals) {
    const row = sheet.addRow([]);
    options.totals.forEach((v, c) => put(row.getCell(c + 1), v, options.columns[c]));
    row.font = { bold: true };
  }
  if (options.note) {
    sheet.addRow([]);
    const note = sheet.addRow([neutraliseText(options.note)]);
    sheet.mergeCells(note.number, 1, note.number, width);
    note.alignment = { wrapText: true, vertical: 'top' };
    // A merged cell does not grow with its text: give the row room for the paragraph.
    const charsPerLine = options.columns.reduce((sum, c) => sum + c.width, 0) * 1.1;
    note.height = Math.min(409, Math.ceil(options.note.length / charsPerLine) * 15 + 6);
  }
  return sheet;
}

/** A new workbook with the platform as its author. */
export function newWorkbook(title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nền tảng Liên minh HTX';
  workbook.title = title;
  workbook.created = new Date();
  return workbook;
}

/** The workbook as the bytes of an .xlsx file. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
