/**
 * Limits of the registry importer (sổ đăng ký HTX từ .xlsx / .csv). Every one of them is checked before the
 * work it protects, and every refusal says which limit was hit, in Vietnamese:
 *
 * - upload size: config.maxUploadBytes (MAX_UPLOAD_BYTES, default 20 MB), checked by the HTTP route and the CLI;
 * - uncompressed size of an .xlsx: at most 200 MB in total, read from the zip's central directory before any
 *   parsing, and then enforced while inflating each entry, so a zip that lies about its sizes (a zip bomb)
 *   is refused after at most its declared size has been inflated; at most 2,000 entries;
 * - at most 100,000 data rows (title, header, column-number, blank and signature rows do not count);
 * - at most 200,000 rows and 3,000,000 cells in one worksheet as the file stores them, blank ones included,
 *   counted in its XML before its cells are read (when exceljs read the workbook it built every row and cell in
 *   memory: a sheet of a million formatted blank rows took a minute and gigabytes), and at most 3,000,000 cell
 *   positions walked while reading (a cell in column XFD spans 16,384 positions; a merge spans its area);
 * - at most 10,000 characters in one cell;
 * - formulas are never evaluated: the value Excel saved with the formula (its cached result) is read, and a
 *   formula without one counts as an empty cell.
 */

export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2_000;
export const MAX_DATA_ROWS = 100_000;
export const MAX_CELL_CHARS = 10_000;
export const MAX_SHEET_ROWS = 200_000;
export const MAX_SHEET_CELLS = 3_000_000;
/** Title rows above the header are few; a header further down than this is not a registry layout. */
export const MAX_HEADER_SEARCH_ROWS = 30;

export { formatMegabytes } from '../../../shared/format.ts';

/** 100000 → "100.000" (Vietnamese digit grouping). */
export function formatInteger(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
