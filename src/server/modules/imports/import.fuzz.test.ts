// Fuzzing the registry importer end to end (file → report → database), part 1: files that are not workbooks,
// broken zips, zip bombs and formulas. Whatever the file, the import ends in a report or an AppError with a
// Vietnamese message, never a crash or a hang, and a refused file writes nothing.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client.ts';
import { formatMegabytes, MAX_UNCOMPRESSED_BYTES } from './limits.ts';
import { craftZip, registrationNumberAt, sampleXlsx } from './test-files.ts';
import { database, importFile, refused, imported, COLUMN, validRow, workbook, PACKAGE, rawXlsx, inline, RAW_HEAD, rawDataRow, nextSerial, useFuzzDatabase } from './import.fuzz.support.ts';

useFuzzDatabase();

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
      `<row r="2"><c r="A2" t="str"><f>"HTX "&amp;"Đồi Chè"</f><v>HTX Đồi Chè</v></c>${inline('B2', 'Nông nghiệp')}<c r="C2"><f>DATE(2010,2,1)</f><v>40210</v></c>${inline('D2', registrationNumberAt(nextSerial(), '27'))}</row>`,
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
