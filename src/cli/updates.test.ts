/**
 * `coop updates template|import|status` end to end in child processes, on an embedded database of their own:
 * import the sample registry, export the year's template, fill some rows, import them, print the status.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCoop } from './cli-process.ts';
import { SAMPLE_PATH } from '../server/modules/imports/test-files.ts';
import { FIRST_DATA_ROW, KEY_ROW } from '../server/modules/annual-updates/template.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'coop-updates-cli-'));
// Never the server of DATABASE_URL: these commands write.
const env = { DATABASE_URL: '', COOP_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The year whose update is being filed now (Vietnam time), and whether its deadline has passed.
const now = new Date();
const YEAR = new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
const beforeDeadline = now.getTime() < Date.parse(`${YEAR}-12-16T00:00:00+07:00`);

async function coop(...args: string[]) {
  const result = await runCoop(args, env);
  expect(result.code, `coop ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

const HTX_VALUES: Record<string, ExcelJS.CellValue> = {
  membersOfficial: 10, membersAssociatedCapital: 0, membersAssociatedNoCapital: 0, membersTotal: 10, membersJoined: 0, membersLeft: 0,
  workers: 4, workersMembers: 4, averageIncomeVnd: '5.500.000', charterCapitalVnd: 100_000_000, totalCapitalVnd: 100_000_000, totalAssetsVnd: 200_000_000,
  revenueVnd: '1.300.000.000', revenueFromMembersVnd: 0, profitBeforeTaxVnd: 50_000_000, taxesPaidVnd: 0,
  managerTraining: 'Trung cấp', ocopProducts: 0, digitalWebsite: 'Không', digitalEInvoice: 'Có', digitalAccounting: 'Có', digitalECommerce: 'Không', digitalTraceability: 'Không',
};

describe('coop updates', () => {
  it('exports the template, imports it filled, and prints the status as exactly the JSON of issue 13', async () => {
    await coop('import', 'cooperatives', SAMPLE_PATH);
    const before = JSON.parse(await coop('updates', 'status', '--year', String(YEAR), '--json'));
    expect(before).toMatchObject({ year: YEAR, deadline: `${YEAR}-12-15T23:59:59+07:00`, onTime: 0, late: 0, returned: 0, accepted: 0 });
    expect(before.due).toBeGreaterThan(100);
    expect(before.missing).toBe(before.due);

    const file = path.join(dir, 'mau.xlsx');
    expect(await coop('updates', 'template', '--year', String(YEAR), '--out', file)).toContain('Đã ghi');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('HTX')!;
    const keys = new Map<string, number>();
    sheet.getRow(KEY_ROW).eachCell((cell, column) => keys.set(String(cell.value), column));
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + 5; r++) {
      for (const [key, value] of Object.entries(HTX_VALUES)) sheet.getRow(r).getCell(keys.get(key)!).value = value;
    }
    sheet.getRow(FIRST_DATA_ROW + 4).getCell(keys.get('membersTotal')!).value = 11;
    const filled = path.join(dir, 'da-dien.xlsx');
    writeFileSync(filled, Buffer.from(await workbook.xlsx.writeBuffer()));

    const dry = JSON.parse(await coop('updates', 'import', filled, '--dry-run', '--json'));
    expect(dry).toMatchObject({ dryRun: true, submitted: 4, unchanged: 0 });
    expect(dry.rejected).toEqual([expect.objectContaining({ sheet: 'HTX', row: FIRST_DATA_ROW + 4, reasons: [expect.stringContaining('Tổng số thành viên')] })]);
    const text = await coop('updates', 'import', filled);
    expect(text).toMatch(/Đã nộp: +4\n/);
    expect(text).toContain(`Trang HTX, dòng ${FIRST_DATA_ROW + 4}`);

    const after = JSON.parse(await coop('updates', 'status', '--year', String(YEAR), '--json'));
    expect(Object.keys(after)).toEqual(['year', 'deadline', 'due', 'onTime', 'late', 'missing', 'returned', 'accepted', 'byCommune']);
    expect(after).toMatchObject({ due: before.due, onTime: beforeDeadline ? 4 : 0, late: beforeDeadline ? 0 : 4, missing: before.due - 4, returned: 0, accepted: 0 });
    expect(after.byCommune.length).toBeGreaterThan(1);
    for (const row of after.byCommune) expect(Object.keys(row)).toEqual(['code', 'name', 'due', 'onTime', 'late', 'missing']);
    expect(after.byCommune.reduce((sum: number, r: { due: number }) => sum + r.due, 0)).toBe(after.due);

    const readable = await coop('updates', 'status', '--year', String(YEAR));
    expect(readable).toContain(`Cập nhật thông tin năm ${YEAR}`);
    expect(readable).toMatch(/Phải cập nhật: +\d/);
  }, 300_000);

  it('explains a wrong option in Vietnamese', async () => {
    const bad = await runCoop(['updates', 'status', '--year', '26'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--year: năm có 4 chữ số');
    const out = await runCoop(['updates', 'template', '--year', String(YEAR), '--out', path.join(dir, 'x.pdf')], env);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('--out: tệp .xlsx');
  }, 60_000);
});
