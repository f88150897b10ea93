// Fuzzing the registry importer end to end (file → report → database): whatever the file, the import ends in a
// report or an AppError with a Vietnamese message, never a crash or a hang, and a refused file writes nothing.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../../db/client.ts';
import { openTestDatabase, TENANT } from '../../../test/harness.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { importCooperatives, type ImportReport } from './import.service.ts';
import { formatInteger, formatMegabytes, MAX_CELL_CHARS, MAX_SHEET_CELLS, MAX_SHEET_ROWS, MAX_UNCOMPRESSED_BYTES } from './limits.ts';
import { columnLetter } from './read-sheets.ts';
import { craftZip, registrationNumberAt, sampleXlsx } from './test-files.ts';

const staff: Actor = { kind: 'user', userId: randomUUID(), email: 'fuzz@test.local', role: 'alliance_staff', tenantId: TENANT, organisationId: null, communeCode: null };
const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự]/i;
const NOT_A_MESSAGE = /\[object |undefined|TypeError|RangeError|Cannot read/;

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

type Counts = { organisations: number; runs: number; audit: number };
async function counts(): Promise<Counts> {
  const [row] = await queryRows<Counts>(
    database.db,
    sql`select (select count(*)::int from organisations where tenant_id = ${TENANT}) as organisations,
               (select count(*)::int from import_runs) as runs, (select count(*)::int from audit_events) as audit`,
  );
  return row!;
}

type Outcome = { report: ImportReport; error?: undefined } | { error: AppError; report?: undefined };

/**
 * Imports a file and checks what must hold whatever it holds: a report whose rows add up and land exactly, or an
 * AppError (400/413) in Vietnamese with nothing written at all. Anything else thrown fails the property.
 */
async function importFile(fileName: string, content: Buffer): Promise<Outcome> {
  const before = await counts();
  let report: ImportReport;
  try {
    report = await importCooperatives(database.db, { actor: staff, fileName, content, dryRun: false });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(['bad_request', 'payload_too_large']).toContain(error.code);
    expect(error.message).toMatch(VIETNAMESE);
    expect(error.message).not.toMatch(NOT_A_MESSAGE);
    expect(await counts()).toEqual(before);
    return { error };
  }
  const accounted = report.imported + report.updated + report.unchanged + report.duplicates.length + report.rejected.length;
  expect(accounted).toBe(report.rowsInFile);
  for (const text of [...report.rejected.map((r) => r.reason), ...report.warnings.map((w) => w.message)]) {
    expect(text).toMatch(VIETNAMESE);
    expect(text).not.toMatch(NOT_A_MESSAGE);
  }
  const after = await counts();
  expect(after.organisations).toBe(before.organisations + report.imported);
  expect(after.runs).toBe(before.runs + 1);
  return { report };
}

async function refused(fileName: string, content: Buffer): Promise<AppError> {
  const outcome = await importFile(fileName, content);
  expect(outcome.error, 'the file should have been refused').toBeInstanceOf(AppError);
  return outcome.error!;
}

async function imported(fileName: string, content: Buffer): Promise<ImportReport> {
  const outcome = await importFile(fileName, content);
  expect(outcome.error?.message).toBeUndefined();
  return outcome.report!;
}

// ---------------------------------------------------------------------------------------------------------------
// Files

const HEADINGS = ['STT', 'Tên HTX', 'Loại hình', 'Mã số HTX', 'Xã/Phường', 'Huyện/TP', 'Lĩnh vực hoạt động', 'Ngày thành lập', 'Vốn điều lệ (triệu đồng)', 'Số thành viên', 'Tình trạng'];
const COLUMN = { name: 2, kind: 3, number: 4, sector: 7, founded: 8, capital: 9, members: 10, status: 11 } as const;
let serial = 0;

/** A valid row of the layout above, with a registration number never used before in this file. */
function validRow(label: string): ExcelJS.CellValue[] {
  serial += 1;
  return [serial, `HTX ${label} ${serial}`, 'HTX', registrationNumberAt(serial, '27'), 'Xã Tân Dĩnh', 'Lạng Giang', 'Nông nghiệp', '1/2/2010', 100, 7, 'Đang hoạt động'];
}

/** A workbook: a merged title, the heading row, then `rows`; `edit` may change the sheet before it is written. */
async function workbook(rows: ExcelJS.CellValue[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH HỢP TÁC XÃ (thử nghiệm)']);
  sheet.mergeCells(1, 1, 1, HEADINGS.length);
  sheet.addRow(HEADINGS);
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const PACKAGE = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/** An .xlsx written by hand around one sheet's XML (rows as given), optionally lying about the sheet's size. */
function rawXlsx(rows: string[] | Buffer, declaredSize?: number): Buffer {
  const xml = Buffer.isBuffer(rows)
    ? rows
    : Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  return craftZip([...Object.entries(PACKAGE).map(([name, text]) => ({ name, data: Buffer.from(text) })), { name: 'xl/worksheets/sheet1.xml', data: xml, declaredSize }]);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** Heading row 1 (name, sector, founding date) and data row 2 as raw XML. */
const RAW_HEAD = [
  `<row r="1">${inline('A1', 'Tên HTX')}${inline('B1', 'Lĩnh vực hoạt động')}${inline('C1', 'Ngày thành lập')}${inline('D1', 'Mã số HTX')}</row>`,
];
const rawDataRow = (r: number, name: string) => `<row r="${r}">${inline(`A${r}`, name)}${inline(`B${r}`, 'Nông nghiệp')}${inline(`C${r}`, '1/2/2010')}${inline(`D${r}`, registrationNumberAt(++serial, '27'))}</row>`;

// ---------------------------------------------------------------------------------------------------------------

describe('files that are not workbooks, or broken ones', () => {
  it('random bytes named .xlsx, with or without a zip signature or an end-of-directory record', async () => {
    const eocd = fc.tuple(fc.nat(0xffff), fc.nat(0xffffffff), fc.nat(0xffffffff)).map(([count, size, offset]) => {
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(count, 8);
      end.writeUInt16LE(count, 10);
      end.writeUInt32LE(size, 12);
      end.writeUInt32LE(offset, 16);
      return end;
    });
    const bytes = fc.tuple(fc.boolean(), fc.uint8Array({ maxLength: 4096 }), fc.option(eocd)).map(([signed, body, end]) =>
      Buffer.concat([signed ? Buffer.from([0x50, 0x4b, 0x03, 0x04]) : Buffer.alloc(0), Buffer.from(body), end ?? Buffer.alloc(0)]),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('danh-sach.xlsx', 'DS.XLSX', 'so-dang-ky.xlsm'), async (content, name) => {
        const error = await refused(name, content);
        expect(error.message).toMatch(/^Tệp rỗng|không phải bảng tính \.xlsx hợp lệ|Excel 97–2003|thành phần, vượt giới hạn/);
      }),
      { numRuns: 40 },
    );
  });

  it('every prefix of the sample workbook (a truncated download) is refused', async () => {
    const sample = sampleXlsx();
    const edges = [0, 1, 4, 22, 30, sample.length - 22, sample.length - 1];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...edges), fc.integer({ min: 0, max: sample.length - 1 })), async (length) => {
        const error = await refused('cut.xlsx', sample.subarray(0, length));
        expect(error.message).toMatch(length === 0 ? /^Tệp rỗng/ : /không phải bảng tính \.xlsx hợp lệ/);
      }),
      { numRuns: 25, examples: edges.map((e) => [e]) },
    );
  });

  it('a workbook whose zip directory fields are overwritten ends in a report or a refusal', async () => {
    const good = await workbook([validRow('Zip'), validRow('Zip')]);
    const directory = good.readUInt32LE(good.length - 6); // offset of the central directory, from the end record
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: directory, max: good.length - 4 }), fc.nat(0xffffffff)), { minLength: 1, maxLength: 4 }), async (writes) => {
        const damaged = Buffer.from(good);
        for (const [at, value] of writes) damaged.writeUInt32LE(value, at);
        await importFile('hong.xlsx', damaged);
      }),
      { numRuns: 25 },
    );
  });
});

describe('zip bombs', () => {
  it('an entry declaring more than the limit, alone or summed with others, is refused before anything is inflated', async () => {
    const entries = fc.oneof(
      fc.integer({ min: MAX_UNCOMPRESSED_BYTES + 1, max: 0xfffffffe }).map((size) => [size]),
      fc.array(fc.integer({ min: 0, max: 120 * 1024 * 1024 }), { minLength: 2, maxLength: 5 }).filter((sizes) => sizes.reduce((a, b) => a + b, 0) > MAX_UNCOMPRESSED_BYTES),
    );
    await fc.assert(
      fc.asyncProperty(entries, async (sizes) => {
        const zip = craftZip([
          ...Object.entries(PACKAGE).map(([name, text]) => ({ name, data: Buffer.from(text) })),
          ...sizes.map((declaredSize, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from('<worksheet/>'), declaredSize })),
        ]);
        const declared = sizes.reduce((a, b) => a + b, 0) + Object.values(PACKAGE).reduce((a, t) => a + Buffer.byteLength(t), 0);
        const error = await refused('bom.xlsx', zip);
        expect(error.message).toContain(`lên tới ${formatMegabytes(declared)}, vượt giới hạn ${formatMegabytes(MAX_UNCOMPRESSED_BYTES)}`);
      }),
      { numRuns: 15 },
    );
  });

  it('a highly compressible entry declaring a small size is stopped at that size, as a zip bomb', async () => {
    const bomb = fc.record({
      size: fc.integer({ min: 64 * 1024, max: 8 * 1024 * 1024 }),
      fill: fc.constantFrom('A', '<row/>', '\u0000'),
      declared: fc.integer({ min: 0, max: 60_000 }),
    });
    await fc.assert(
      fc.asyncProperty(bomb, async ({ size, fill, declared }) => {
        const error = await refused('bom.xlsx', rawXlsx(Buffer.alloc(size, fill), declared));
        expect(error.message).toBe('Tệp .xlsx không an toàn: thành phần "xl/worksheets/sheet1.xml" giải nén ra nhiều hơn kích thước khai báo (nghi là "bom nén").');
      }),
      { numRuns: 10 },
    );
    // Declaring more than it holds is refused too (a broken file, not a bomb).
    expect((await refused('short.xlsx', rawXlsx([...RAW_HEAD, rawDataRow(2, 'HTX Khai thừa')], 1_000_000))).message).toMatch(/khai sai kích thước/);
  });

  it('more zip entries than the limit', async () => {
    const many = craftZip(Array.from({ length: 2_001 }, (_, i) => ({ name: `xl/media/anh${i}.txt`, data: Buffer.from('x') })));
    expect((await refused('nhieu.xlsx', many)).message).toBe('Tệp .xlsx có 2.001 thành phần, vượt giới hạn 2.000.');
  });
});

describe('formulas: the cached value is read, never evaluated', () => {
  it('a name given by a formula lands as its cached text; without one the row lacks a name, nothing crashes', async () => {
    const formula = fc.constantFrom('CONCAT("HTX ","Chè")', 'NOW()', 'WEBSERVICE("http://example.invalid/x")', "cmd|' /C calc'!A0", 'A1+', '1/0', 'HYPERLINK("http://x","y")', 'INDIRECT("Z"&ROW())');
    const cached = fc.option(
      fc.oneof(
        fc.string({ unit: fc.constantFrom(...'HTX Chè Vải thiều Đồng 0123'), minLength: 1, maxLength: 30 }),
        // exceljs writes no cached value for false or 0: they would test exceljs, not the importer.
        fc.integer({ min: 1, max: 1e6 }),
        fc.constant(true),
        fc.constantFrom('#N/A', '#DIV/0!', '#REF!').map((error) => ({ error }) as ExcelJS.CellErrorValue),
      ),
      { nil: undefined },
    );
    await fc.assert(
      fc.asyncProperty(formula, cached, async (text, result) => {
        const row = validRow('Công thức');
        row[COLUMN.name - 1] = { formula: text, result } as ExcelJS.CellFormulaValue;
        const report = await imported('f.xlsx', await workbook([row]));
        const [org] = await queryRows<{ name: string }>(database.db, sql`select name from organisations where registration_number = ${row[COLUMN.number - 1] as string}`);
        const shown = result === undefined ? '' : typeof result === 'object' ? result.error : String(result).trim();
        if (shown === '') {
          expect(report.rejected).toEqual([{ row: 3, reason: 'Thiếu tên tổ chức (cột "Tên HTX").' }]);
          expect(org).toBeUndefined();
        } else {
          expect(report.imported).toBe(1);
          expect(org!.name.replace(/\s+/g, ' ')).toBe(shown.replace(/\s+/g, ' '));
          expect(org!.name).not.toContain(text);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('formulas written by hand: cached string, cached error, no cached value at all', async () => {
    const report = await imported('raw.xlsx', rawXlsx([
      ...RAW_HEAD,
      `<row r="2"><c r="A2" t="str"><f>"HTX "&amp;"Đồi Chè"</f><v>HTX Đồi Chè</v></c>${inline('B2', 'Nông nghiệp')}<c r="C2"><f>DATE(2010,2,1)</f><v>40210</v></c>${inline('D2', registrationNumberAt(++serial, '27'))}</row>`,
      `<row r="3"><c r="A3"><f>NOW()</f></c>${inline('B3', 'Nông nghiệp')}${inline('C3', '1/2/2010')}</row>`,
      `<row r="4">${inline('A4', 'HTX Lỗi')}<c r="B4" t="e"><f>VLOOKUP(1,Z:Z,2,0)</f><v>#N/A</v></c><c r="C4"><f>TODAY()</f></c></row>`,
    ]));
    expect(report).toMatchObject({ rowsInFile: 3, imported: 1 });
    expect(report.rejected).toEqual([
      { row: 3, reason: 'Thiếu tên tổ chức (cột "Tên HTX").' },
      { row: 4, reason: 'Lĩnh vực "#N/A" không có trong danh mục; Thiếu ngày thành lập.' },
    ]);
    const [org] = await queryRows<{ name: string; founded_on: string }>(database.db, sql`select name, founded_on::text from organisations where name = 'HTX Đồi Chè'`);
    expect(org).toEqual({ name: 'HTX Đồi Chè', founded_on: '2010-02-01' });
  });
});

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
