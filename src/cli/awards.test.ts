/**
 * `coop awards report` and `coop awards import` in a child process, on the engine of the run (the test's own
 * PostgreSQL database when DATABASE_URL is set, else an embedded database in a directory of its own), over the
 * demo province: the seed's 2023 figures and sentence exactly; an import's row-level report, nothing written on
 * an error or a dry run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../db/client.ts';
import { generateDemoProvince } from '../server/modules/demo/demo.generator.ts';
import { DEFAULT_ALLIANCE, ensureAlliance, loadReferenceData } from '../server/modules/tenants/tenants.service.ts';
import { openTestDatabase, TENANT } from '../test/harness.ts';
import { runCoop } from './cli-process.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'coop-awards-cli-'));
let env: NodeJS.ProcessEnv;
let drop: () => Promise<void> = async () => {};

const SEED_SENTENCE =
  'trao Cờ thi đua của Ban chấp hành Liên minh HTX Việt Nam cho 01 HTX; trao Cờ thi đua của UBND tỉnh cho 01 HTX; 11 cá nhân được tặng kỷ niệm chương “Vì sự nghiệp phát triển HTX”; 07 tập thể và 06 cá nhân được tặng Bằng khen của Liên minh HTX Việt Nam; 04 tập thể và 05 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh và nhiều tập thể, cá nhân được tặng Giấy khen của Liên minh HTX tỉnh';

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const database = await openTestDatabase();
    await generateDemoProvince(database.db, { tenantId: TENANT });
    await database.close();
    drop = database.drop;
    env = { DATABASE_URL: database.url, LOG_LEVEL: 'silent' };
  } else {
    const dataDir = path.join(dir, 'data');
    const database = await openDatabase({ dataDir, holder: 'awards cli test' });
    await migrateDatabase(database);
    await loadReferenceData(database.db);
    await ensureAlliance(database.db, DEFAULT_ALLIANCE);
    await generateDemoProvince(database.db, { tenantId: TENANT });
    await database.close();
    env = { DATABASE_URL: '', COOP_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  }
}, 400_000);
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

async function workbook(rows: (string | number | Date | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('So khen thuong');
  sheet.addRow(['Năm', 'Hình thức', 'Cấp', 'Đối tượng (Tập thể/Cá nhân)', 'Tên', 'Chức vụ', 'Đơn vị (tên hoặc mã số HTX)', 'Số quyết định', 'Ngày quyết định', 'Số tiền']);
  for (const r of rows) sheet.addRow(r);
  const file = path.join(dir, `import-${Math.random().toString(16).slice(2)}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

describe('coop awards report', () => {
  it("gives the seed's 2023 awards exactly, and its sentence", async () => {
    const result = await runCoop(['awards', 'report', '--year', '2023', '--json', '--tenant', String(TENANT)], env);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['year', 'byForm', 'totalCash', 'revoked', 'narrative']);
    expect(report.byForm).toEqual([
      { form: 'flag', level: 'province', collectives: 1, individuals: 0 },
      { form: 'flag', level: 'vca', collectives: 1, individuals: 0 },
      { form: 'certificate_of_merit', level: 'province', collectives: 4, individuals: 5 },
      { form: 'certificate_of_merit', level: 'vca', collectives: 7, individuals: 6 },
      { form: 'medal', level: 'vca', collectives: 0, individuals: 11 },
      { form: 'certificate_of_commendation', level: 'alliance', collectives: 15, individuals: 10 },
    ]);
    expect(report.totalCash).toBe(3_000_000 + 4_680_000 + 4 * 2_340_000 + 5 * 1_170_000 + 7 * 2_000_000 + 6 * 1_000_000 + 15 * 500_000 + 10 * 300_000);
    expect(report.revoked).toBe(0);
    expect(report.narrative).toBe(SEED_SENTENCE);
  }, 120_000);

  it('prints readable Vietnamese lines without --json, and explains a bad year', async () => {
    const text = await runCoop(['awards', 'report', '--year', '2023', '--tenant', String(TENANT)], env);
    expect(text.stdout).toContain('Khen thưởng năm 2023');
    expect(text.stdout).toContain('Kỷ niệm chương — Liên minh HTX Việt Nam:');
    expect(text.stdout).toContain(SEED_SENTENCE);
    const bad = await runCoop(['awards', 'report', '--year', '23'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--year: năm có 4 chữ số');
  }, 120_000);
});

describe('coop awards import', () => {
  it('reports every bad row by row and column in Vietnamese and writes nothing', async () => {
    const file = await workbook([
      [2019, 'Bằng khen', 'UBND tỉnh', 'Tập thể', 'HTX Không Có Trong Sổ', null, 'HTX Không Có Trong Sổ', '100/QĐ-UBND', '12/03/2020', 2_340_000],
      [2019, 'Huân chương', 'Chính phủ', 'Cá nhân', 'Ngô Văn Tâm', 'Giám đốc', null, '5/QĐ-TTg', '2020-01-05', 0],
      ['2019', 'Giấy khen', 'Liên minh HTX tỉnh', 'Hộ gia đình', 'Nhà ông Tâm', null, null, '3/QĐ-LMHTX', '31/02/2020', '-5'],
      [2019, 'Kỷ niệm chương', 'Liên minh HTX Việt Nam', 'Cá nhân', 'Đặng Thu Hà', 'Kế toán', null, '7/QĐ-LMHTXVN', '2020-02-02', 0],
    ]);
    const result = await runCoop(['awards', 'import', file, '--json', '--tenant', String(TENANT)], env);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ rows: 4, valid: 1, imported: 0, dryRun: false });
    expect(report.errors).toEqual([
      { row: 2, column: 'Đơn vị', message: 'Không tìm thấy đơn vị "HTX Không Có Trong Sổ" (tên hoặc mã số HTX) trong sổ đăng ký.' },
      { row: 3, column: 'Hình thức', message: 'Không nhận ra hình thức "Huân chương" cấp "Chính phủ".' },
      { row: 4, column: 'Đối tượng', message: 'Đối tượng phải là "Tập thể" hoặc "Cá nhân" (nhận được "Hộ gia đình").' },
      { row: 4, column: 'Ngày quyết định', message: 'Ngày không tồn tại: "31/02/2020"' },
      { row: 4, column: 'Số tiền', message: 'Số tiền "-5" không hợp lệ (số đồng, không âm, không có số lẻ).' },
    ]);
    const after = await runCoop(['awards', 'report', '--year', '2019', '--json', '--tenant', String(TENANT)], env);
    expect(JSON.parse(after.stdout).byForm).toEqual([]);
  }, 120_000);

  it('checks without writing on --dry-run, then imports in one go; a second medal to the same person is refused', async () => {
    const rows: (string | number | null)[][] = [
      [2018, 'Bằng khen', 'UBND tỉnh', 'Cá nhân', 'Vũ Văn Lâm', 'Giám đốc', null, '88/QĐ-UBND', '15/03/2019', '1.170.000'],
      [2018, 'Giấy khen', 'Liên minh HTX tỉnh', 'Cá nhân', 'Lý Thị Mai', 'Kế toán', null, '4/QĐ-LMHTX', '2019-03-01', 300_000],
      [2018, 'Kỷ niệm chương', 'Liên minh HTX Việt Nam', 'Cá nhân', 'Dương Minh Sơn', 'Chủ tịch HĐQT', null, '9/QĐ-LMHTXVN', '2019-01-10', null],
    ];
    const file = await workbook(rows);
    const dry = await runCoop(['awards', 'import', file, '--dry-run', '--json', '--tenant', String(TENANT)], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ rows: 3, valid: 3, imported: 0, dryRun: true, errors: [], byYear: [{ year: 2018, awards: 3 }] });
    expect(JSON.parse((await runCoop(['awards', 'report', '--year', '2018', '--json', '--tenant', String(TENANT)], env)).stdout).byForm).toEqual([]);
    const real = await runCoop(['awards', 'import', file, '--tenant', String(TENANT)], env);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain('Đã ghi 3 khen thưởng vào sổ (năm 2018: 3).');
    const report = JSON.parse((await runCoop(['awards', 'report', '--year', '2018', '--json', '--tenant', String(TENANT)], env)).stdout);
    expect(report).toMatchObject({ totalCash: 1_470_000, byForm: [{ form: 'certificate_of_merit', level: 'province', individuals: 1 }, { form: 'medal', individuals: 1 }, { form: 'certificate_of_commendation', individuals: 1 }] });
    const again = await workbook([[2020, 'Kỷ niệm chương', 'Liên minh HTX Việt Nam', 'Cá nhân', 'Dương Minh Sơn', 'Chủ tịch HĐQT', null, '19/QĐ-LMHTXVN', '2021-01-10', null]]);
    const refused = await runCoop(['awards', 'import', again, '--tenant', String(TENANT)], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Dòng 2, cột "Tên": Dương Minh Sơn đã được tặng Kỷ niệm chương "Vì sự nghiệp phát triển HTX" theo Quyết định số 9/QĐ-LMHTXVN ngày 10/01/2019; hình thức này chỉ tặng một lần.');
    expect(refused.stdout).toContain('Có lỗi: không ghi gì vào sổ.');
  }, 180_000);
});
