// Fuzzing the registry importer end to end (file → report → database), part 2: layout oddities (merged cells,
// empty rows, far-right cells, huge cells) and wrong types in cells. Whatever the file, the import ends in a
// report or an AppError with a Vietnamese message, never a crash or a hang, and a refused file writes nothing.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client.ts';
import { formatInteger, MAX_CELL_CHARS, MAX_SHEET_CELLS, MAX_SHEET_ROWS } from './limits.ts';
import { columnLetter } from './read-sheets.ts';
import { database, refused, imported, HEADINGS, COLUMN, validRow, workbook, rawXlsx, inline, RAW_HEAD, rawDataRow, useFuzzDatabase } from './import.fuzz.support.ts';

useFuzzDatabase();

describe('layout oddities', () => {
  it('merged cells anywhere in the data end in a report; a merged sector reaches every row it spans', async () => {
    // Within the data rows (3–7): a merge reaching below them would add rows of copies.
    const rect = fc.tuple(fc.integer({ min: 3, max: 7 }), fc.integer({ min: 1, max: HEADINGS.length }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }));
    await fc.assert(
      fc.asyncProperty(fc.array(rect, { maxLength: 4 }), async (merges) => {
        const rows = Array.from({ length: 5 }, () => validRow('Gộp ô'));
        const content = await workbook(rows, (sheet) => {
          for (const [top, left, height, width] of merges) {
            try {
              sheet.mergeCells(top, left, Math.min(7, top + height), Math.min(HEADINGS.length, left + width));
            } catch {
              // overlapping an earlier merge: exceljs refuses it, the file simply has fewer merges
            }
          }
        });
        const report = await imported('gop.xlsx', content);
        expect(report.rowsInFile).toBeLessThanOrEqual(rows.length);
      }),
      { numRuns: 15 },
    );

    const rows = [validRow('Gộp'), validRow('Gộp'), validRow('Gộp')];
    rows[1]![COLUMN.sector - 1] = null;
    rows[2]![COLUMN.sector - 1] = null;
    rows[0]![COLUMN.sector - 1] = 'Thủy sản';
    const report = await imported('gop-linh-vuc.xlsx', await workbook(rows, (sheet) => sheet.mergeCells(3, COLUMN.sector, 5, COLUMN.sector)));
    expect(report).toMatchObject({ rowsInFile: 3, imported: 3, rejected: [] });
    const sectors = await queryRows<{ sector_code: string }>(
      database.db,
      sql`select sector_code from organisations where registration_number in (${sql.join(rows.map((r) => sql`${r[COLUMN.number - 1] as string}`), sql`, `)})`,
    );
    expect(sectors.map((s) => s.sector_code)).toEqual(['fishery', 'fishery', 'fishery']);
  });

  it(`a sheet with a million empty rows is refused by the row limit quickly; ${formatInteger(150_000)} of them are skipped`, async () => {
    const empty = (from: number, count: number, cell: boolean) =>
      Array.from({ length: count }, (_, i) => (cell ? `<row r="${from + i}"><c r="A${from + i}" s="0"/></row>` : `<row r="${from + i}"/>`));
    const message = `Trang tính có hơn ${formatInteger(MAX_SHEET_ROWS)} dòng (kể cả dòng trống), vượt giới hạn một lần nhập: hãy xóa các dòng trống thừa ở cuối trang hoặc chia thành nhiều tệp.`;
    for (const cell of [false, true]) {
      const started = Date.now();
      const error = await refused('trieu-dong.xlsx', rawXlsx([...RAW_HEAD, rawDataRow(2, 'HTX Một'), ...empty(3, 1_000_000, cell)]));
      expect(error.message).toBe(message);
      console.info(`1,000,000 empty rows${cell ? ' with a formatted cell' : ''}: refused in ${Date.now() - started} ms`);
    }
    const started = Date.now();
    const report = await imported('nhieu-dong-trong.xlsx', rawXlsx([...RAW_HEAD, ...empty(2, 150_000, true), rawDataRow(150_002, 'HTX Cuối trang')]));
    expect(report).toMatchObject({ rowsInFile: 1, imported: 1 });
    console.info(`150,000 empty rows then one row: imported in ${Date.now() - started} ms`);
  });

  it('cells far to the right (column XFD): a stray one is harmless, thousands are refused by the cell limit', async () => {
    const stray = await imported('le.xlsx', rawXlsx([...RAW_HEAD, rawDataRow(2, 'HTX Ô lẻ'), `<row r="3">${inline('XFD3', 'ghi chú lạc')}</row>`]));
    expect(stray).toMatchObject({ rowsInFile: 1, imported: 1 });
    const far = Array.from({ length: 2_000 }, (_, i) => `<row r="${i + 3}">${inline(`A${i + 3}`, `HTX Xa ${i}`)}${inline(`XFD${i + 3}`, 'x')}</row>`);
    const error = await refused('xa.xlsx', rawXlsx([...RAW_HEAD, ...far]));
    const row = 2 + Math.floor((MAX_SHEET_CELLS - 4) / 16_384) + 1; // the heading row spans 4 positions
    expect(error.message).toBe(
      `Trang tính có hơn ${formatInteger(MAX_SHEET_CELLS)} ô (dòng ${row} có ô ở tận cột XFD), vượt giới hạn một lần nhập: hãy xóa các cột, dòng thừa (kể cả ô trống đã định dạng) hoặc chia thành nhiều tệp.`,
    );
  });

  it('a cell of up to 100 kB anywhere, as text, rich text or a link, in .xlsx or .csv, is refused naming the cell and the limit', async () => {
    const at = fc.record({
      row: fc.integer({ min: 1, max: 4 }),
      column: fc.integer({ min: 1, max: HEADINGS.length }),
      length: fc.oneof(fc.constant(100_000), fc.integer({ min: MAX_CELL_CHARS + 1, max: 100_000 })),
      char: fc.constantFrom('x', 'ạ', ' '),
      as: fc.constantFrom('text', 'richText', 'hyperlink', 'csv'),
    });
    await fc.assert(
      fc.asyncProperty(at, async ({ row, column, length, char, as }) => {
        const long = char === ' ' ? `a${' '.repeat(length - 2)}z` : char.repeat(length);
        let content: Buffer;
        if (as === 'csv') {
          const lines = [['DANH SÁCH'], HEADINGS, validRow('CSV'), validRow('CSV')].map((r) => r.map((c) => String(c ?? '')));
          lines[row - 1]![column - 1] = long;
          content = Buffer.from(lines.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n'), 'utf8');
        } else {
          const value: ExcelJS.CellValue = as === 'text' ? long : as === 'richText' ? { richText: [{ text: long.slice(0, 5) }, { font: { bold: true }, text: long.slice(5) }] } : { text: long, hyperlink: 'https://example.invalid/' };
          content = await workbook([validRow('Dài'), validRow('Dài')], (sheet) => {
            if (row === 1) sheet.unMergeCells('A1');
            sheet.getCell(row, column).value = value;
          });
        }
        const error = await refused(as === 'csv' ? 'dai.csv' : 'dai.xlsx', content);
        expect(error.message).toBe(`Ô ${columnLetter(column)}${row} dài ${formatInteger(length)} ký tự, vượt giới hạn ${formatInteger(MAX_CELL_CHARS)} ký tự một ô.`);
      }),
      { numRuns: 12 },
    );
  });
});

describe('wrong types in cells', () => {
  const word = fc.string({ unit: fc.constantFrom(...'HTX Chè Vải Đồng Nông nghiệp 0123456789/-.,#=+@'), maxLength: 24 });
  const anyCell: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
    fc.constant(null),
    word,
    fc.double(),
    fc.integer(),
    fc.date({ min: new Date('1800-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }),
    fc.boolean(),
    fc.array(word, { minLength: 1, maxLength: 3 }).map((parts) => ({ richText: parts.map((text, i) => ({ text, font: { italic: i % 2 === 0 } })) })),
    fc.tuple(word, fc.webUrl()).map(([text, hyperlink]) => ({ text, hyperlink })),
    fc.constantFrom('#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!').map((error) => ({ error }) as ExcelJS.CellErrorValue),
    fc.tuple(word, fc.option(fc.oneof(word, fc.integer(), fc.boolean()), { nil: undefined })).map(([f, result]) => ({ formula: `LEN("${f.replace(/"/g, '')}")`, result }) as ExcelJS.CellFormulaValue),
  );

  it('any mix of dates, numbers, booleans, rich text, links, errors and formulas in any column ends in a report', async () => {
    const row = fc.array(fc.option(anyCell, { nil: undefined, freq: 2 }), { minLength: HEADINGS.length, maxLength: HEADINGS.length });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 5 }), async (randomRows) => {
        // Each cell is either the valid value of its column or a random one of any type.
        const rows = randomRows.map((cells) => validRow('Kiểu').map((valid, i) => (cells[i] === undefined ? valid : cells[i]!)));
        const report = await imported('kieu.xlsx', await workbook(rows));
        expect(report.rowsInFile).toBeLessThanOrEqual(rows.length);
        const names = await queryRows<{ name: string }>(database.db, sql`select name from organisations where name like '%[object%' or name like '%undefined%'`);
        expect(names).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('says what is wrong with each: a date for capital, a number for a name, a boolean status, #N/A, rich text and links', async () => {
    const rows = [validRow('Kiểu'), validRow('Kiểu'), validRow('Kiểu'), validRow('Kiểu'), validRow('Kiểu')];
    rows[0]![COLUMN.capital - 1] = new Date(Date.UTC(2020, 0, 5));
    rows[0]![COLUMN.members - 1] = true;
    rows[1]![COLUMN.name - 1] = 12345;
    rows[1]![COLUMN.kind - 1] = { richText: [{ text: 'Liên ' }, { font: { bold: true }, text: 'hiệp' }] };
    rows[2]![COLUMN.status - 1] = false;
    rows[3]![COLUMN.sector - 1] = { error: '#N/A' } as ExcelJS.CellErrorValue;
    rows[3]![COLUMN.founded - 1] = { error: '#VALUE!' } as ExcelJS.CellErrorValue;
    rows[4]![COLUMN.name - 1] = { text: 'HTX Liên kết', hyperlink: 'https://example.invalid/htx' };
    rows[4]![COLUMN.founded - 1] = 40210; // a date Excel shows as a serial number: 01/02/2010
    const report = await imported('sai-kieu.xlsx', await workbook(rows));
    expect(report).toMatchObject({ rowsInFile: 5, imported: 3 });
    expect(report.rejected).toEqual([
      { row: 5, reason: 'Tình trạng "false" không nhận ra (ví dụ: Đang hoạt động, Tạm ngừng kinh doanh, Ngừng hoạt động, Đã giải thể).' },
      { row: 6, reason: 'Lĩnh vực "#N/A" không có trong danh mục; Ngày thành lập không hợp lệ: Không đọc được ngày "#VALUE!" (viết như 05/10/2008).' },
    ]);
    expect(report.warnings.filter((w) => w.row === 3).map((w) => w.message)).toEqual(['Vốn điều lệ: Ô không chứa số; bỏ qua.', 'Cột "Số thành viên": Ô không chứa số; bỏ qua.']);
    const landed = await queryRows<{ name: string; kind: string; founded_on: string }>(
      database.db,
      sql`select name, kind, founded_on::text from organisations where registration_number in (${rows[1]![COLUMN.number - 1] as string}, ${rows[4]![COLUMN.number - 1] as string}) order by name`,
    );
    expect(landed).toEqual([
      { name: '12345', kind: 'LHHTX', founded_on: '2010-02-01' },
      { name: 'HTX Liên kết', kind: 'HTX', founded_on: '2010-02-01' },
    ]);
  });
});
