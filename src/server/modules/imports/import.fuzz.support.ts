// Helpers of the importer's fuzz tests (import.fuzz*.test.ts): files built by hand, and checks that hold for
// any file — a report whose rows add up, or an AppError in Vietnamese with nothing written. Test code only.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect } from 'vitest';
import { queryRows, type Database } from '../../../db/client.ts';
import { openTestDatabase, TENANT } from '../../../test/harness.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { importCooperatives, type ImportReport } from './import.service.ts';
import { craftZip, registrationNumberAt } from './test-files.ts';

export const staff: Actor = { kind: 'user', userId: randomUUID(), email: 'fuzz@test.local', role: 'alliance_staff', tenantId: TENANT, organisationId: null, communeCode: null };
export const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự]/i;
export const NOT_A_MESSAGE = /\[object |undefined|TypeError|RangeError|Cannot read/;

let opened: (Database & { drop(): Promise<void> }) | undefined;

/** The test file's database: a fresh copy of the template, opened before its tests and dropped after. */
export function useFuzzDatabase(): void {
  beforeAll(async () => {
    opened = await openTestDatabase();
  });
  afterAll(() => opened?.drop());
}

/** The database opened by useFuzzDatabase. */
export const database = {
  get db() {
    return opened!.db;
  },
};

/** The next distinct registration-number index of this file. */
export function nextSerial(): number {
  return ++serial;
}

export type Counts = { organisations: number; runs: number; audit: number };
export async function counts(): Promise<Counts> {
  const [row] = await queryRows<Counts>(
    database.db,
    sql`select (select count(*)::int from organisations where tenant_id = ${TENANT}) as organisations,
               (select count(*)::int from import_runs) as runs, (select count(*)::int from audit_events) as audit`,
  );
  return row!;
}

export type Outcome = { report: ImportReport; error?: undefined } | { error: AppError; report?: undefined };

/**
 * Imports a file and checks what must hold whatever it holds: a report whose rows add up and land exactly, or an
 * AppError (400/413) in Vietnamese with nothing written at all. Anything else thrown fails the property.
 */
export async function importFile(fileName: string, content: Buffer): Promise<Outcome> {
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

export async function refused(fileName: string, content: Buffer): Promise<AppError> {
  const outcome = await importFile(fileName, content);
  expect(outcome.error, 'the file should have been refused').toBeInstanceOf(AppError);
  return outcome.error!;
}

export async function imported(fileName: string, content: Buffer): Promise<ImportReport> {
  const outcome = await importFile(fileName, content);
  expect(outcome.error?.message).toBeUndefined();
  return outcome.report!;
}

// ---------------------------------------------------------------------------------------------------------------
// Files

export const HEADINGS = ['STT', 'Tên HTX', 'Loại hình', 'Mã số HTX', 'Xã/Phường', 'Huyện/TP', 'Lĩnh vực hoạt động', 'Ngày thành lập', 'Vốn điều lệ (triệu đồng)', 'Số thành viên', 'Tình trạng'];
export const COLUMN = { name: 2, kind: 3, number: 4, sector: 7, founded: 8, capital: 9, members: 10, status: 11 } as const;
let serial = 0;

/** A valid row of the layout above, with a registration number never used before in this file. */
export function validRow(label: string): ExcelJS.CellValue[] {
  serial += 1;
  return [serial, `HTX ${label} ${serial}`, 'HTX', registrationNumberAt(serial, '27'), 'Xã Tân Dĩnh', 'Lạng Giang', 'Nông nghiệp', '1/2/2010', 100, 7, 'Đang hoạt động'];
}

/** A workbook: a merged title, the heading row, then `rows`; `edit` may change the sheet before it is written. */
export async function workbook(rows: ExcelJS.CellValue[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH HỢP TÁC XÃ (thử nghiệm)']);
  sheet.mergeCells(1, 1, 1, HEADINGS.length);
  sheet.addRow(HEADINGS);
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const PACKAGE = {
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
export function rawXlsx(rows: string[] | Buffer, declaredSize?: number): Buffer {
  const xml = Buffer.isBuffer(rows)
    ? rows
    : Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  return craftZip([...Object.entries(PACKAGE).map(([name, text]) => ({ name, data: Buffer.from(text) })), { name: 'xl/worksheets/sheet1.xml', data: xml, declaredSize }]);
}

export const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** Heading row 1 (name, sector, founding date) and data row 2 as raw XML. */
export const RAW_HEAD = [
  `<row r="1">${inline('A1', 'Tên HTX')}${inline('B1', 'Lĩnh vực hoạt động')}${inline('C1', 'Ngày thành lập')}${inline('D1', 'Mã số HTX')}</row>`,
];
export const rawDataRow = (r: number, name: string) => `<row r="${r}">${inline(`A${r}`, name)}${inline(`B${r}`, 'Nông nghiệp')}${inline(`C${r}`, '1/2/2010')}${inline(`D${r}`, registrationNumberAt(++serial, '27'))}</row>`;

// ---------------------------------------------------------------------------------------------------------------
