// The importer's own .xlsx reader against exceljs reading the whole workbook (what the importer used before
// issue 17): for workbooks exceljs writes, both must see the same visible sheets and the same cells.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsxSheets, type Cell } from './read-sheets.ts';
import { generatedRegistry } from './test-files.ts';

/** What the importer took from a cell when exceljs loaded the workbook. */
function shown(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return shown((value as ExcelJS.CellFormulaValue).result ?? null);
  if ('error' in value) return String(value.error);
  if ('text' in value) return shown(value.text as ExcelJS.CellValue);
  return null;
}

async function byExcelJs(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook.worksheets
    .filter((sheet) => sheet.state === 'visible' || sheet.state === undefined)
    .map((sheet) => {
      const rows: { number: number; cells: Cell[] }[] = [];
      sheet.eachRow({ includeEmpty: false }, (row, number) => {
        const cells: Cell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          // a merged cell whose top-left cell is empty was a null cell, the reader leaves a hole: the same to the importer
          const value = shown(cell.value);
          if (value !== null) cells[column - 1] = value;
        });
        if (cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === ''))) rows.push({ number, cells });
      });
      return { name: sheet.name, rows };
    });
}

async function byImporter(content: Buffer) {
  return (await readXlsxSheets(content)).map((sheet) => ({ name: sheet.name, rows: sheet.rows() }));
}

const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'HTX Chè Đồng <&>"\' 01\n'), maxLength: 12 }),
  fc.integer({ min: -1e6, max: 1e9 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }),
  fc.constantFrom('#N/A', '#DIV/0!').map((error) => ({ error }) as ExcelJS.CellErrorValue),
  fc.array(fc.string({ unit: fc.constantFrom(...'ab Ệ&'), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }).map((parts) => ({ richText: parts.map((text, i) => ({ text, font: { bold: i % 2 === 0 } })) })),
  fc.string({ unit: fc.constantFrom(...'xyz'), minLength: 1, maxLength: 5 }).map((text) => ({ text, hyperlink: 'https://example.invalid/' + text })),
  fc.oneof(fc.string({ unit: fc.constantFrom(...'HTX Chè'), minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 1e6 }), fc.constant(true)).map((result) => ({ formula: 'A1', result }) as ExcelJS.CellFormulaValue),
);

describe('reading an .xlsx without exceljs loading it', () => {
  it('sees the same visible sheets, rows and cells as exceljs did, whatever the cells hold', async () => {
    const sheetSpec = fc.record({
      hidden: fc.boolean(),
      rows: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.array(fc.option(cellValue, { nil: undefined }), { maxLength: 6 })), { maxLength: 8, selector: ([number]) => number }),
      dateFormat: fc.constantFrom(undefined, 'dd/mm/yyyy', '#,##0', 'd-mmm-yy'),
      merge: fc.option(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(sheetSpec, { minLength: 1, maxLength: 3 }), fc.boolean(), async (specs, date1904) => {
        const workbook = new ExcelJS.Workbook();
        workbook.properties.date1904 = date1904;
        specs.forEach((spec, index) => {
          const sheet = workbook.addWorksheet(`Trang ${index + 1}`, { state: spec.hidden ? 'hidden' : 'visible' });
          for (const [number, values] of spec.rows) {
            values.forEach((value, i) => {
              if (value === undefined) return;
              const cell = sheet.getCell(number, i + 1);
              cell.value = value;
              // exceljs made a date of a boolean, or of a formula's text or boolean result, in a date-formatted cell (see below)
              const notNumber = typeof value === 'boolean' || (typeof value === 'object' && value !== null && 'formula' in value && typeof value.result !== 'number');
              if (spec.dateFormat && !notNumber) cell.numFmt = spec.dateFormat;
            });
          }
          if (spec.merge) {
            const [top, left, height, width] = spec.merge;
            sheet.mergeCells(top, left, top + height, left + width);
          }
        });
        if (specs.every((s) => s.hidden)) workbook.worksheets[0]!.state = 'visible';
        const content = Buffer.from(await workbook.xlsx.writeBuffer());
        expect(await byImporter(content)).toEqual(await byExcelJs(content));
      }),
      { numRuns: 60 },
    );
  });

  it('reads the sample registry and a generated one of 300 rows as exceljs did', async () => {
    for (const content of [readFileSync(new URL('./fixtures/sample-registry.xlsx', import.meta.url)), await generatedRegistry(300)]) {
      const sheets = await byImporter(content);
      expect(sheets[0]!.rows.length).toBeGreaterThan(5);
      expect(sheets).toEqual(await byExcelJs(content));
    }
  });

  it("reads dates by their number format (a formula's text or boolean result stays so), a sheet's order from workbook.xml, and skips hidden sheets", async () => {
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('Ẩn', { state: 'hidden' });
    hidden.getCell('A1').value = 'không đọc';
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.getCell('A1').value = new Date('2010-02-01T00:00:00Z');
    sheet.getCell('B1').value = 40210;
    sheet.getCell('C1').value = { formula: 'DATE(2010,2,1)', result: 40210 } as ExcelJS.CellFormulaValue;
    sheet.getCell('C1').numFmt = 'dd/mm/yyyy';
    sheet.getCell('D1').value = { formula: 'A2', result: 'HTX Chè' } as ExcelJS.CellFormulaValue;
    sheet.getCell('D1').numFmt = 'dd/mm/yyyy';
    sheet.getCell('E1').value = { formula: 'A3', result: true } as ExcelJS.CellFormulaValue;
    sheet.getCell('E1').numFmt = 'dd/mm/yyyy';
    workbook.addWorksheet('Cuối').getCell('B2').value = { richText: [{ text: 'HTX ' }, { text: 'Chè', font: { bold: true } }] };
    const sheets = await byImporter(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(sheets).toEqual([
      { name: 'Danh sách', rows: [{ number: 1, cells: [new Date('2010-02-01T00:00:00Z'), 40210, new Date('2010-02-01T00:00:00Z'), 'HTX Chè', true] }] },
      { name: 'Cuối', rows: [{ number: 2, cells: [undefined, 'HTX Chè'].slice(0) }] },
    ].map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r, cells: sparse(r.cells) })) })));
  });
});

/** [undefined, x] as the reader builds it: a hole, not an undefined element. */
function sparse(cells: (Cell | undefined)[]): Cell[] {
  const out: Cell[] = [];
  cells.forEach((c, i) => {
    if (c !== undefined) out[i] = c;
  });
  return out;
}
