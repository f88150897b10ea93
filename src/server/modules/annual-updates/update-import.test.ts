/**
 * Excel both ways: the template of 1,000 cooperatives (and a few groups) exported over HTTP, filled by a script
 * the way an alliance would (numbers as numbers, and as Vietnamese text "1.300.000"), with wrong rows among them,
 * imported: the report names exactly the wrong rows, the rest lands as submitted updates (channel 'excel'), an
 * accepted update is never overwritten, and importing the same file again files nothing twice.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client.ts';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { multipartBody } from '../imports/test-files.ts';
import { insertOrganisations, threeCommunes, workbookToCsv } from '../reports/reports.test-support.ts';
import { insertUpdates } from './compliance.test-support.ts';
import { FIRST_DATA_ROW, KEY_ROW } from './template.ts';

const YEAR = 2026;
const COOPS = 1_000;
let t: TestApp;
let staff: string;
let template: Buffer;
let ids: Record<string, string>;
let otherAlliance: Record<string, string>;

const goodHtx: Record<string, unknown> = {
  membersOfficial: 10, membersAssociatedCapital: 2, membersAssociatedNoCapital: 3, membersTotal: 15, membersJoined: 1, membersLeft: 0,
  workers: 8, workersMembers: 5, averageIncomeVnd: 6_500_000, charterCapitalVnd: 500_000_000, totalCapitalVnd: 800_000_000, totalAssetsVnd: 900_000_000,
  revenueVnd: 2_000_000_000, revenueFromMembersVnd: 500_000_000, profitBeforeTaxVnd: 100_000_000, taxesPaidVnd: 20_000_000,
  managerTraining: 'Đại học', ocopProducts: 1, digitalWebsite: 'Có', digitalEInvoice: 'Không', digitalAccounting: 'Có', digitalECommerce: 'Không', digitalTraceability: 'Không',
};
const goodTht: Record<string, unknown> = { membersTotal: 12, membersJoined: 0, membersLeft: 1, workers: 6, averageIncomeVnd: '4.200.000', totalAssetsVnd: '300.000.000', revenueVnd: '1.300.000', profitBeforeTaxVnd: 0, ocopProducts: 0, digitalEInvoice: 'Không', digitalECommerce: 'Có' };

beforeAll(async () => {
  t = await createTestApp();
  const [c1] = await threeCommunes(t.database.db);
  const specs = Array.from({ length: COOPS }, (_, i) => ({ key: `C${String(i).padStart(4, '0')}`, currentCommuneCode: c1.code, foundedOn: '2015-01-01' }));
  ids = await insertOrganisations(t.database.db, TENANT, [
    ...specs,
    { key: 'T1', kind: 'THT', currentCommuneCode: c1.code, foundedOn: '2018-01-01' },
    { key: 'T2', kind: 'THT', currentCommuneCode: c1.code, foundedOn: '2018-01-01' },
    { key: 'FUND', kind: 'QTDND', sectorCode: 'credit_fund', registrationNumber: '2400000019', currentCommuneCode: c1.code },
  ]);
  // Another alliance's cooperative: its number and its id are unknown here (guessing them files nothing).
  otherAlliance = await insertOrganisations(t.database.db, OTHER_TENANT, [{ key: 'OTHER', registrationNumber: '0100000001', currentCommuneCode: c1.code, foundedOn: '2015-01-01' }]);
  await insertUpdates(t.database.db, TENANT, YEAR, [{ organisationId: ids.C0007!, state: 'accepted', firstSubmittedAt: `${YEAR}-12-01T08:00:00+07:00`, values: { revenueVnd: 1 } }]);
  staff = (await t.signIn('alliance_staff')).cookie;
  const res = await t.request({ url: `/api/annual-updates/template.xlsx?year=${YEAR}`, cookie: staff });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  template = res.rawPayload;
}, 300_000);
afterAll(() => t.close());

type Filled = { workbook: ExcelJS.Workbook; rowOf: (sheet: string, name: string) => number };

async function openTemplate(): Promise<Filled & { keys: (sheet: string) => Map<string, number> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const keys = (sheet: string) => {
    const map = new Map<string, number>();
    workbook.getWorksheet(sheet)!.getRow(KEY_ROW).eachCell((cell, column) => map.set(String(cell.value), column));
    return map;
  };
  const rows = new Map<string, number>();
  for (const ws of workbook.worksheets.slice(1)) {
    const nameColumn = keys(ws.name).get('name')!;
    for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) rows.set(`${ws.name}/${String(ws.getRow(r).getCell(nameColumn).value)}`, r);
  }
  const rowOf = (sheet: string, name: string) => {
    const row = rows.get(`${sheet}/${name}`);
    if (!row) throw new Error(`${name} not in ${sheet}`);
    return row;
  };
  return { workbook, keys, rowOf };
}

function fill(workbook: ExcelJS.Workbook, keys: Map<string, number>, sheet: string, row: number, values: Record<string, unknown>) {
  const r = workbook.getWorksheet(sheet)!.getRow(row);
  for (const [key, value] of Object.entries(values)) r.getCell(keys.get(key)!).value = value as ExcelJS.CellValue;
}

async function importFile(file: Buffer, dryRun: boolean) {
  const upload = multipartBody('mau-da-dien.xlsx', file);
  const res = await t.request({ method: 'POST', url: `/api/annual-updates/import?dryRun=${dryRun}`, cookie: staff, payload: upload.payload, headers: upload.headers });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json();
}

const excelUpdates = async () =>
  (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from annual_updates where year = ${YEAR} and channel = 'excel' and state = 'submitted'`))[0]!.n;

describe('the template', () => {
  it('has one row per organisation due, by kind, identifying columns locked and the form fields with units', async () => {
    const { workbook, keys } = await openTemplate();
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'HTX', 'THT']);
    const htx = workbook.getWorksheet('HTX')!;
    expect(htx.rowCount - FIRST_DATA_ROW + 1).toBe(COOPS);
    const header = htx.getRow(FIRST_DATA_ROW - 1);
    expect(header.getCell(keys('HTX').get('revenueVnd')!).value).toBe('Doanh thu (đồng)');
    expect(header.getCell(keys('HTX').get('membersOfficial')!).value).toBe('Thành viên chính thức (người)');
    expect(header.getCell(keys('HTX').get('digitalWebsite')!).value).toBe('Có trang thông tin điện tử (website) (Có/Không)');
    const first = htx.getRow(FIRST_DATA_ROW);
    expect(first.getCell(keys('HTX').get('name')!).protection?.locked).not.toBe(false);
    expect(first.getCell(keys('HTX').get('revenueVnd')!).protection?.locked).toBe(false);
    const stateCell = htx.getRow((await openTemplate()).rowOf('HTX', 'HTX C0007')).getCell(keys('HTX').get('state')!);
    expect(String(stateCell.value)).toContain('không nhập lại');
    expect(workbook.getWorksheet('THT')!.rowCount - FIRST_DATA_ROW + 1).toBe(2);
  });

  it('opens in LibreOffice (converted headless to CSV)', () => {
    const sheets = workbookToCsv(template);
    const csv = [...sheets.values()].join('\n');
    expect(csv).toContain('HTX C0999');
    expect(csv).toContain('Doanh thu (đồng)');
  }, 180_000);

  it('is for staff only', async () => {
    const manager = await t.signIn('coop_manager', { organisationId: ids.C0001 });
    expect((await t.request({ url: `/api/annual-updates/template.xlsx?year=${YEAR}`, cookie: manager.cookie })).statusCode).toBe(403);
  });
});

describe('importing the filled template', () => {
  let filled: Buffer;
  const wrong = new Map<string, string>();

  beforeAll(async () => {
    const { workbook, keys, rowOf } = await openTemplate();
    const htxKeys = keys('HTX');
    for (let i = 0; i < COOPS; i++) {
      // Every tenth row left blank: not filed on paper.
      if (i % 10 === 9) continue;
      const name = `HTX C${String(i).padStart(4, '0')}`;
      const values = i % 2 ? { ...goodHtx, revenueVnd: 2_000_000_000 + i } : { ...goodHtx, revenueVnd: `${(2_000 + i).toLocaleString('de-DE')}.000.000` };
      fill(workbook, htxKeys, 'HTX', rowOf('HTX', name), values);
    }
    const row = (name: string) => rowOf('HTX', name);
    fill(workbook, htxKeys, 'HTX', row('HTX C0003'), { revenueVnd: 'hai tỷ' });
    wrong.set('HTX C0003', 'Doanh thu (đồng)');
    fill(workbook, htxKeys, 'HTX', row('HTX C0004'), { membersTotal: 16 });
    wrong.set('HTX C0004', 'phải bằng tổng thành viên chính thức và thành viên liên kết');
    fill(workbook, htxKeys, 'HTX', row('HTX C0005'), { registrationNumber: '0109999998', organisationId: null });
    wrong.set('HTX C0005', 'Mã số 0109999998 không có trong sổ đăng ký');
    wrong.set('HTX C0007', 'đã được chấp nhận');
    fill(workbook, htxKeys, 'HTX', row('HTX C0008'), { profitBeforeTaxVnd: 3_000_000_000 });
    wrong.set('HTX C0008', 'Lợi nhuận trước thuế');
    // A people's credit fund typed in by hand under the last row: not due.
    const ws = workbook.getWorksheet('HTX')!;
    fill(workbook, htxKeys, 'HTX', ws.rowCount + 1, { ...goodHtx, registrationNumber: '2400000019', name: 'Quỹ tín dụng nhân dân Tân Dĩnh' });
    wrong.set('HTX FUND', 'không thuộc diện cập nhật');
    fill(workbook, htxKeys, 'HTX', ws.rowCount + 1, { ...goodHtx, registrationNumber: '0100000001', name: 'HTX OTHER' });
    wrong.set('HTX OTHER', 'Mã số 0100000001 không có trong sổ đăng ký');
    fill(workbook, htxKeys, 'HTX', ws.rowCount + 1, { ...goodHtx, organisationId: otherAlliance.OTHER!, name: 'HTX OTHER by id' });
    wrong.set('HTX OTHER by id', 'Dòng không có mã số tổ chức');
    fill(workbook, keys('THT'), 'THT', rowOf('THT', 'HTX T1'), goodTht);
    filled = Buffer.from(await workbook.xlsx.writeBuffer());
  }, 120_000);

  it('reports exactly the wrong rows in a dry run and writes nothing', async () => {
    const report = await importFile(filled, true);
    expect(report).toMatchObject({ year: YEAR, dryRun: true, rowsInFile: COOPS + 5, blank: 101, unchanged: 0 });
    expect(report.rejected.map((r: { name: string }) => r.name).sort()).toEqual([...wrong.keys()].sort());
    for (const rejected of report.rejected as { name: string; reasons: string[] }[]) expect(rejected.reasons.join(' ')).toContain(wrong.get(rejected.name));
    expect(report.submitted).toBe(COOPS - 100 - 5 + 1);
    expect(await excelUpdates()).toBe(0);
  }, 300_000);

  it('lands the rest as submitted updates, reads "1.300.000" as a number, and files nothing twice', async () => {
    const report = await importFile(filled, false);
    expect(report.submitted).toBe(COOPS - 100 - 5 + 1);
    expect(report.rejected).toHaveLength(wrong.size);
    expect(await excelUpdates()).toBe(report.submitted);
    const [tht] = await queryRows<{ values: Record<string, unknown> }>(t.database.db, sql`select values from annual_updates where organisation_id = ${ids.T1!} and year = ${YEAR}`);
    expect(tht!.values).toMatchObject({ revenueVnd: 1_300_000, averageIncomeVnd: 4_200_000, totalAssetsVnd: 300_000_000, digitalECommerce: true });
    const [even] = await queryRows<{ values: Record<string, unknown> }>(t.database.db, sql`select values from annual_updates where organisation_id = ${ids.C0010!} and year = ${YEAR}`);
    expect(even!.values).toMatchObject({ revenueVnd: 2_010_000_000, managerTraining: 'university', digitalWebsite: true });
    const [accepted] = await queryRows<{ values: Record<string, unknown>; state: string }>(t.database.db, sql`select state, values from annual_updates where organisation_id = ${ids.C0007!} and year = ${YEAR}`);
    expect(accepted).toEqual({ state: 'accepted', values: { revenueVnd: 1 } });

    const again = await importFile(filled, false);
    expect(again).toMatchObject({ submitted: 0, unchanged: report.submitted });
    expect(again.rejected).toHaveLength(wrong.size);
    expect(await excelUpdates()).toBe(report.submitted);
  }, 600_000);

  it('refuses a file that is not the template, and anyone but staff', async () => {
    const upload = multipartBody('registry.xlsx', Buffer.from('not a workbook'));
    const res = await t.request({ method: 'POST', url: '/api/annual-updates/import?dryRun=true', cookie: staff, payload: upload.payload, headers: upload.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('không phải bảng tính .xlsx');
    const manager = await t.signIn('coop_manager', { organisationId: ids.C0001 });
    const denied = await t.request({ method: 'POST', url: '/api/annual-updates/import?dryRun=true', cookie: manager.cookie, payload: multipartBody('x.xlsx', filled).payload, headers: multipartBody('x.xlsx', filled).headers });
    expect(denied.statusCode).toBe(403);
  });
});
