import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../http/errors.ts';
import { formatInteger, MAX_CELL_CHARS, MAX_DATA_ROWS, MAX_HEADER_SEARCH_ROWS, MAX_SHEET_CELLS, MAX_SHEET_ROWS } from './limits.ts';
import { readDateStyles, readSharedStrings, readWorkbook, readWorksheet, type SheetContext, type XlsxCellRow } from './read-xlsx.ts';
import { assertSafeZip } from './zip-guard.ts';

/** A cell as the importer reads it: formulas already replaced by their cached result. */
export type Cell = string | number | boolean | Date | null;
/** A non-blank row of a sheet with its row number as Excel shows it (1-based). */
export type GridRow = { number: number; cells: Cell[] };
export type Sheet = { name: string; rows: () => GridRow[] };

// Title, header, column numbers and signatures come on top of the data rows; blank rows are never kept.
const MAX_GRID_ROWS = MAX_DATA_ROWS + MAX_HEADER_SEARCH_ROWS + 100;

/** Column letters as Excel shows them: 1 → A, 28 → AB. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function checkCellLength(value: Cell, row: number, column: number): void {
  if (typeof value === 'string' && value.length > MAX_CELL_CHARS) {
    throw new AppError(
      'bad_request',
      `Ô ${columnLetter(column)}${row} dài ${formatInteger(value.length)} ký tự, vượt giới hạn ${formatInteger(MAX_CELL_CHARS)} ký tự một ô.`,
      { row },
    );
  }
}

function checkRowCount(count: number): void {
  if (count > MAX_GRID_ROWS) {
    throw new AppError('bad_request', `Bảng tính có hơn ${formatInteger(MAX_DATA_ROWS)} dòng dữ liệu, vượt giới hạn một lần nhập; hãy chia thành nhiều tệp.`);
  }
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** Elements `<tag …>` or `<tag/>` in an XML part (not `<tagName…>`), counted up to `stopAbove` + 1. */
function countElements(xml: Buffer, tag: string, stopAbove: number): number {
  const open = Buffer.from(`<${tag}`);
  let count = 0;
  for (let at = xml.indexOf(open); at !== -1 && count <= stopAbove; at = xml.indexOf(open, at + open.length)) {
    const next = xml[at + open.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09) count++;
  }
  return count;
}

const tooManyCells = (where: string) =>
  new AppError('bad_request', `Trang tính có hơn ${formatInteger(MAX_SHEET_CELLS)} ô${where}, vượt giới hạn một lần nhập: hãy xóa các cột, dòng thừa (kể cả ô trống đã định dạng) hoặc chia thành nhiều tệp.`);

/** Refuses a worksheet with more rows or cells, blank ones included, than one import reads. */
function checkSheetXml(name: string, xml: Buffer): void {
  if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return;
  if (countElements(xml, 'row', MAX_SHEET_ROWS) > MAX_SHEET_ROWS) {
    throw new AppError('bad_request', `Trang tính có hơn ${formatInteger(MAX_SHEET_ROWS)} dòng (kể cả dòng trống), vượt giới hạn một lần nhập: hãy xóa các dòng trống thừa ở cuối trang hoặc chia thành nhiều tệp.`);
  }
  if (countElements(xml, 'c', MAX_SHEET_CELLS) > MAX_SHEET_CELLS) throw tooManyCells('');
}

/** The visible worksheets of an .xlsx, after the zip has passed the size and zip-bomb checks. */
export async function readXlsxSheets(content: Buffer): Promise<Sheet[]> {
  // The inflated parts the reader needs, kept from the zip check (the zip is inflated once).
  const parts = new Map<string, Buffer>();
  const entries = await assertSafeZip(content, (name, data) => {
    checkSheetXml(name, data);
    if (/\.(xml|rels)$/i.test(name)) parts.set(name, data);
  });
  // A .docx, an .ods or any zip renamed .xlsx passes the zip checks but holds no Excel workbook.
  if (!entries.some((name) => /(^|\/)workbook\d*\.xml$/i.test(name))) {
    throw new AppError('bad_request', 'Tệp nén không chứa bảng tính Excel (thiếu phần workbook.xml): hãy chọn đúng tệp .xlsx.');
  }
  const unreadable = () => new AppError('bad_request', 'Tệp không phải bảng tính .xlsx hợp lệ (không đọc được nội dung). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.');
  let visible: { name: string; xml: Buffer }[];
  let context: SheetContext;
  try {
    const workbookPart = 'xl/workbook.xml';
    const workbookXml = parts.get(workbookPart);
    const { sheets, date1904 } = workbookXml ? readWorkbook(workbookXml, parts.get('xl/_rels/workbook.xml.rels'), workbookPart) : { sheets: [], date1904: false };
    context = { sharedStrings: readSharedStrings(parts.get('xl/sharedStrings.xml')), dateStyles: readDateStyles(parts.get('xl/styles.xml')), date1904 };
    visible = sheets
      .filter((sheet) => (sheet.state === 'visible' || sheet.state === undefined) && sheet.part !== undefined && parts.has(sheet.part))
      .map((sheet) => ({ name: sheet.name, xml: parts.get(sheet.part!)! }));
  } catch {
    throw unreadable();
  }
  if (!visible.length) throw new AppError('bad_request', 'Bảng tính không có trang tính nào đang hiện để đọc.');
  return visible.map((sheet) => ({
    name: sheet.name,
    rows: () => {
      let positions = 0;
      let fileRows: XlsxCellRow[];
      try {
        fileRows = readWorksheet(sheet.xml, context, (cells) => {
          if (cells > MAX_SHEET_CELLS) throw tooManyCells('');
        });
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw unreadable();
      }
      const rows: GridRow[] = [];
      for (const row of fileRows) {
        if (!row.live) continue;
        // Walking a row costs its last column (one cell in column XFD: 16,384 positions), whatever it holds.
        positions += row.lastColumn;
        if (positions > MAX_SHEET_CELLS) throw tooManyCells(` (dòng ${row.number} có ô ở tận cột ${columnLetter(row.lastColumn)})`);
        // Only the cells the file holds, at their column (a sparse array): one cell in column XFD must not
        // make 16,384 of them per row (2,000 such rows ran the process out of memory).
        row.cells.forEach((value, index) => checkCellLength(value, row.number, index + 1));
        if (isBlank(row.cells)) continue;
        rows.push({ number: row.number, cells: row.cells });
        checkRowCount(rows.length);
      }
      return rows;
    },
  }));
}

function decodeText(content: Buffer): string {
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw new AppError('bad_request', 'Tệp CSV không ở mã UTF-8. Trong Excel hãy chọn "Lưu thành" → "CSV UTF-8 (phân tách bằng dấu phẩy)".');
  }
}

/** Comma, semicolon (Excel where "," is the decimal mark, as in Vietnamese) or tab: the most frequent outside quotes. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of text.slice(0, 64 * 1024)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** A .csv file as one sheet; every value is text, as Excel would show it on opening the file. */
export function readCsvSheet(fileName: string, content: Buffer): Sheet[] {
  const text = decodeText(content);
  if (text.includes('\u0000')) throw new AppError('bad_request', 'Tệp không phải văn bản CSV (có ký tự nhị phân).');
  const rows: GridRow[] = [];
  let number = 0;
  // Rows are kept as they are parsed (blank ones dropped), so a file of empty lines never piles up in memory.
  const onRecord = (fields: string[]) => {
    number += 1;
    const cells = fields.map((field, column) => {
      checkCellLength(field, number, column + 1);
      return field === '' ? null : field;
    });
    if (!isBlank(cells)) {
      rows.push({ number, cells });
      checkRowCount(rows.length);
    }
    return null;
  };
  try {
    // One record per row as Excel shows it: a quoted field may span lines, an empty line is an (empty) row.
    parseCsv(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, on_record: onRecord });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new AppError('bad_request', `Tệp CSV bị lỗi định dạng${line ? ` ở dòng ${line}` : ''}: có thể thiếu dấu ngoặc kép đóng.`);
  }
  return [{ name: fileName, rows: () => rows }];
}
