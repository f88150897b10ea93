import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, type TestApp } from '../../../test/harness.ts';
import { ROLES } from '../accounts/roles.ts';
import { multipartBody, sampleXlsx } from './test-files.ts';

// A small limit for this file, so that the refusal of a too-large upload is cheap to test (read by createTestApp).
process.env.MAX_UPLOAD_BYTES = String(3 * 1024 * 1024);

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
});
afterAll(() => t.close());

function upload(fileName: string, content: Buffer, { cookie = staff, dryRun = false, field = 'file' } = {}) {
  const { payload, headers } = multipartBody(fileName, content, field);
  return t.request({ method: 'POST', url: `/api/imports/cooperatives?dryRun=${dryRun}`, cookie, payload, headers });
}

async function registrySize() {
  const result = (await t.database.db.execute(sql`select (select count(*) from organisations)::int as orgs, (select count(*) from import_runs)::int as runs, (select count(*) from audit_events)::int as audit`)) as unknown as { rows: Record<string, number>[] };
  return result.rows[0]!;
}

async function readXlsx(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const values = (name: string) => workbook.getWorksheet(name)!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
  return { names: workbook.worksheets.map((s) => s.name), values };
}

describe('POST /api/imports/cooperatives', () => {
  it('lets only alliance staff and admins import: others 403, anonymous 401', async () => {
    for (const role of ROLES) {
      const { cookie } = await t.signIn(role);
      const res = await upload('sample-registry.xlsx', sampleXlsx(), { cookie, dryRun: true });
      const allowed = role === 'alliance_admin' || role === 'alliance_staff';
      expect([role, res.statusCode]).toEqual([role, allowed ? 200 : 403]);
      if (allowed) expect(res.json()).toMatchObject({ dryRun: true, imported: 237, rowsInFile: 242 });
      else expect(res.json().message).toBe('Bạn không có quyền thực hiện thao tác này.');
    }
    const anonymous = await upload('sample-registry.xlsx', sampleXlsx(), { cookie: '' });
    expect(anonymous.statusCode).toBe(401);
    expect((await registrySize()).orgs).toBe(0);
  });

  it('imports the sample and returns the report; the report downloads as .xlsx with Vietnamese sheets', async () => {
    const res = await upload('sample-registry.xlsx', sampleXlsx());
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ dryRun: false, imported: 237, updated: 0, unchanged: 0 });
    expect(report.duplicates.map((d: { row: number }) => d.row)).toEqual([243, 244, 245]);
    expect(report.rejected.map((r: { row: number }) => r.row)).toEqual([246, 247]);

    const json = await t.request({ url: `/api/imports/${report.importId}`, cookie: staff });
    expect(json.json()).toMatchObject({ importId: report.importId, imported: 237, actorLabel: expect.stringMatching(/^alliance_staff-/) });
    const file = await t.request({ url: `/api/imports/${report.importId}/report.xlsx`, cookie: staff });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="bao-cao-nhap-.*\.xlsx"$/);
    const xlsx = await readXlsx(file.rawPayload);
    expect(xlsx.names).toEqual(['Tóm tắt', 'Trùng lặp', 'Bị từ chối', 'Cảnh báo']);
    expect(xlsx.values('Tóm tắt')).toContainEqual(['Thêm mới', 237]);
    expect(xlsx.values('Trùng lặp').slice(0, 2)).toEqual([
      ['Dòng', 'Trùng với dòng', 'Mã số HTX', 'Tên'],
      [243, 16, '2401015624', 'HỢP TÁC XÃ LÚA GẠO TÂN DĨNH 120'],
    ]);
    expect(xlsx.values('Bị từ chối')).toEqual([['Dòng', 'Lý do'], [246, 'Thiếu tên tổ chức (cột "Tên HTX").'], [247, expect.stringMatching(/^Ngày thành lập không hợp lệ/)]]);
    expect(xlsx.values('Cảnh báo').length).toBe(report.warnings.length + 1);

    for (const role of ['fund_officer', 'commune_officer', 'coop_manager'] as const) {
      const { cookie } = await t.signIn(role, { communeCode: '07210' });
      expect((await t.request({ url: `/api/imports/${report.importId}/report.xlsx`, cookie })).statusCode).toBe(403);
    }
    const otherAlliance = await t.signIn('alliance_admin', { tenantId: OTHER_TENANT });
    expect((await t.request({ url: `/api/imports/${report.importId}/report.xlsx`, cookie: otherAlliance.cookie })).statusCode).toBe(404);
    expect((await t.request({ url: `/api/imports/${report.importId}/report.xlsx` })).statusCode).toBe(401);
    expect((await t.request({ url: '/api/imports/not-an-id/report.xlsx', cookie: staff })).statusCode).toBe(404);
  });

  it('neutralises cells of the report that a spreadsheet could run as formulas', async () => {
    const csv = [
      'Tên HTX,Mã số HTX,Lĩnh vực hoạt động,Ngày thành lập',
      'HTX Một,2501000014,Nông nghiệp,2010',
      '"=HYPERLINK(""http://x"",""bấm"")",2501000014,Nông nghiệp,2010',
      '@SUM(1),2501000014,Nông nghiệp,2010',
      '-2+3,2501000014,Nông nghiệp,2010',
    ].join('\n');
    const res = await upload('+cmd.csv', Buffer.from(csv), { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const file = await t.request({ url: `/api/imports/${res.json().importId}/report.xlsx`, cookie: staff });
    const xlsx = await readXlsx(file.rawPayload);
    expect(xlsx.values('Tóm tắt')).toContainEqual(['Tệp', "'+cmd.csv"]);
    expect(xlsx.values('Trùng lặp').slice(1).map((row) => row[3])).toEqual([`'=HYPERLINK("http://x","bấm")`, "'@SUM(1)", "'-2+3"]);
  });

  it('refuses files that are not workbooks with 400 and a Vietnamese message, writing nothing', async () => {
    const before = await registrySize();
    const sample = sampleXlsx();
    const cases: [string, Buffer, RegExp][] = [
      ['ngau-nhien.xlsx', randomBytes(20_000), /không phải bảng tính \.xlsx hợp lệ/],
      ['rong.xlsx', Buffer.alloc(0), /^Tệp rỗng/],
      ['cut.xlsx', sample.subarray(0, Math.floor(sample.length * 0.6)), /không phải bảng tính \.xlsx hợp lệ/],
    ];
    for (const [name, content, message] of cases) {
      const res = await upload(name, content);
      expect([name, res.statusCode]).toEqual([name, 400]);
      expect(res.json().message).toMatch(message);
    }
    expect(await registrySize()).toEqual(before);
  });

  it('takes uploads beyond the JSON body limit up to the upload limit, refuses larger ones with 413', async () => {
    const rows = (n: number) => ['Tên HTX,Lĩnh vực hoạt động,Ngày thành lập,Ghi chú', ...Array.from({ length: n }, (_, i) => `HTX Lớn ${i},Vận tải,2012,${'g'.repeat(8_000)}`)].join('\n');
    const ok = await upload('lon.csv', Buffer.from(rows(250)), { dryRun: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().imported).toBe(250);
    const tooBig = await upload('qua-lon.csv', Buffer.from(rows(500)));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().message).toBe('Tệp vượt quá giới hạn 3 MB một lần nhập; hãy chia thành nhiều tệp nhỏ hơn.');
  });

  it('asks for a multipart upload with a "file" field', async () => {
    const json = await t.request({ method: 'POST', url: '/api/imports/cooperatives', cookie: staff, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const wrongField = await upload('a.csv', Buffer.from('x'), { field: 'tep' });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json()).toMatchObject({ field: 'file', message: 'Thiếu tệp bảng tính (trường "file").' });
    const badQuery = await upload('a.xlsx', sampleXlsx(), { dryRun: 'yes' as unknown as boolean });
    expect(badQuery.statusCode).toBe(400);
  });
});
