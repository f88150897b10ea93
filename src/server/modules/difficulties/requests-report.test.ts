/**
 * The report's figures against the fixture of requests-report.test-support.ts, counted by hand for 2025 (a past
 * year: the report date is 31/12/2025):
 *   received (raised in 2025): d1 d2 d3 d4 d5 d8 d9 d10 d11 d12 d13 = 11 (d6, d7 are of 2024; d14 of 2026)
 *   answeredDirectly: d1 (d5's answer is dated 2026) = 1
 *   forwarded: d2 d3 (R1), d4 (R2), d8 (R3, letter 29/12), d10, d12, d13 = 7 (d11's R5 is a draft)
 *   answered: d1 + by an agency d2 d3 d10 d12 d13 (R3's answer was received in 2026) = 6
 *   resolved: d1 d10 d13 = 3 (d5 closed in 2026); unresolved: d2 (not resolved), d9 (rejected) = 2
 *   carriedOver (open at 31/12/2025): d3 d4 d5 d6 d8 d11 d12 = 7
 *   overdue at 31/12/2025: d4 (R2 due 20/6, no answer), d6 (2024, due 15/11/2024), d11 (due 15/9) = 3
 * Working days from the letter to the answer's letter (the law's days off, Labour Code art. 112):
 *   R1 3/4 → 10/4/2025: 4, 7/4 (Hùng Kings' day) off, 8, 9, 10 = 4
 *   R4 4/8 → 15/8/2025: 5–8, 11–15 = 9
 *   R6 2/10 → 16/10/2025: 3, 6–10, 13–16 = 10
 *   R7 21/1 → 5/2/2025: 22, 23, 24, 27; Tết 28/1–1/2 and its substitute 3/2 off; 4, 5 = 6
 *   Sở Tài chính: [4] → median 4, p90 4. The bank: [6, 9, 10] → median (rank ⌈1.5⌉ = 2) 9, p90 (rank ⌈2.7⌉ = 3) 10.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { pdfText } from '../reports/reports.test-support.ts';
import { computeRequestsReport, nearestRank, reportDate } from './requests-report.ts';
import { AGENCY_S, AGENCY_T, insertRequestsFixture, type Fixture } from './requests-report.test-support.ts';

let t: TestApp;
let f: Fixture;
const scope = { kind: 'tenant', tenantId: TENANT } as const;

beforeAll(async () => {
  t = await createTestApp();
  f = await insertRequestsFixture(t.database.db, TENANT, OTHER_TENANT);
}, 120_000);
afterAll(() => t.close());

describe('nearest rank', () => {
  it('takes the value at rank ⌈p·n⌉, always one of the values', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });
  it('reports as of today for this year, as of 31/12 for a past one', () => {
    expect(reportDate(2025, '2026-03-01')).toBe('2025-12-31');
    expect(reportDate(2026, '2026-03-01')).toBe('2026-03-01');
  });
});

describe('the report of a past year', () => {
  it('counts as worked out by hand', async () => {
    const r = await computeRequestsReport(t.database.db, scope, 2025);
    expect(r).toMatchObject({ year: 2025, received: 11, answeredDirectly: 1, forwarded: 7, answered: 6, resolved: 3, unresolved: 2, carriedOver: 7, overdue: 3 });
    const cat = Object.fromEntries(r.byCategory.map(({ category, ...rest }) => [category, rest]));
    expect(r.byCategory).toHaveLength(9);
    expect(cat.capital_credit).toEqual({ received: 4, forwarded: 3, answered: 3, resolved: 2, overdue: 0 });
    expect(cat.land).toEqual({ received: 2, forwarded: 2, answered: 2, resolved: 0, overdue: 0 });
    expect(cat.tax).toEqual({ received: 2, forwarded: 1, answered: 0, resolved: 0, overdue: 2 });
    expect(cat.digital).toEqual({ received: 0, forwarded: 0, answered: 0, resolved: 0, overdue: 1 });
    expect(cat.infrastructure).toEqual({ received: 1, forwarded: 1, answered: 1, resolved: 1, overdue: 0 });
    expect(cat.registration_legal).toEqual({ received: 0, forwarded: 0, answered: 0, resolved: 0, overdue: 0 });
    expect(r.byAgency).toEqual([
      { agency: AGENCY_T, forwarded: 4, answered: 3, medianWorkingDays: 9, p90WorkingDays: 10, overdue: 0 },
      { agency: AGENCY_S, forwarded: 3, answered: 2, medianWorkingDays: 4, p90WorkingDays: 4, overdue: 1 },
    ]);
    const [c1, c2] = f.communes;
    expect(r.byCommune).toEqual(
      expect.arrayContaining([
        { communeCode: c1!.code, commune: c1!.name, received: 8, resolved: 2, overdue: 2 },
        { communeCode: c2!.code, commune: c2!.name, received: 2, resolved: 1, overdue: 1 },
        { communeCode: null, commune: 'Chưa xác định xã/phường', received: 1, resolved: 0, overdue: 0 },
      ]),
    );
    expect(r.byCommune).toHaveLength(3);
    expect(r.byCommune.at(-1)!.communeCode).toBeNull();
  });

  it('gives the same figures whenever a past year is printed, and 2024 on its own dates', async () => {
    expect(await computeRequestsReport(t.database.db, scope, 2025, '2030-06-01')).toEqual(await computeRequestsReport(t.database.db, scope, 2025));
    const r = await computeRequestsReport(t.database.db, scope, 2024);
    // d6 open at 31/12/2024 and overdue since 15/11; d7 resolved in June.
    expect(r).toMatchObject({ received: 2, answeredDirectly: 1, answered: 1, resolved: 1, unresolved: 0, carriedOver: 1, overdue: 1, forwarded: 0 });
  });

  it('counts this year as of today', async () => {
    // On 8/1/2026: d14 (due 7/1) overdue; d4, d11 still overdue, d6 not closed until 10/1; d8's answer came on 6/1.
    const r = await computeRequestsReport(t.database.db, scope, 2026, '2026-01-08');
    expect(r).toMatchObject({ year: 2026, received: 1, answered: 0, overdue: 4, carriedOver: 6 });
  });

  it('counts the whole country for the national viewer, and one alliance with tenant', async () => {
    const national = await computeRequestsReport(t.database.db, { kind: 'national' }, 2025);
    expect(national.received).toBe(12);
    const viewer = await t.signIn('national_viewer');
    const one = await t.request({ url: `/api/reports/requests?year=2025&tenant=${TENANT}`, cookie: viewer.cookie });
    expect(one.json()).toMatchObject({ received: 11 });
    const all = await t.request({ url: '/api/reports/requests?year=2025', cookie: viewer.cookie });
    expect(all.json()).toMatchObject({ received: 12 });
  });
});

describe('the report over HTTP', () => {
  it('answers exactly the keys of decision 008', async () => {
    const staff = await t.signIn('alliance_staff');
    const res = await t.request({ url: '/api/reports/requests?year=2025', cookie: staff.cookie });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['year', 'received', 'answeredDirectly', 'forwarded', 'answered', 'resolved', 'unresolved', 'carriedOver', 'overdue', 'byCategory', 'byAgency', 'byCommune']);
    expect(Object.keys(body.byAgency[0])).toEqual(['agency', 'forwarded', 'answered', 'medianWorkingDays', 'p90WorkingDays', 'overdue']);
    expect(Object.keys(body.byCommune[0])).toEqual(['communeCode', 'commune', 'received', 'resolved', 'overdue']);
    const other = await t.request({ url: `/api/reports/requests?year=2025&tenant=${OTHER_TENANT}`, cookie: staff.cookie });
    expect(other.statusCode).toBe(403);
  });

  it('refuses a bad year with a Vietnamese message naming the field', async () => {
    const staff = await t.signIn('alliance_admin');
    const res = await t.request({ url: '/api/reports/requests?year=abc', cookie: staff.cookie });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toMatch(/Năm|year/);
  });

  it('writes a workbook that opens, with its four sheets and Vietnamese headers', async () => {
    const staff = await t.signIn('alliance_staff');
    const res = await t.request({ url: '/api/reports/requests.xlsx?year=2025', cookie: staff.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('kien-nghi-2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo lĩnh vực', 'Theo cơ quan', 'Theo xã, phường']);
    const values = (name: string) => workbook.getWorksheet(name)!.getSheetValues().flat().filter((v) => v !== undefined && v !== null);
    expect(values('Tổng hợp')).toEqual(expect.arrayContaining(['Tiếp nhận trong năm', 11, 'Chuyển sang năm sau', 7, 'Quá hạn trả lời', 3]));
    expect(values('Theo lĩnh vực')).toEqual(expect.arrayContaining(['Lĩnh vực', 'Vốn, tín dụng', 'Cộng']));
    expect(values('Theo cơ quan')).toEqual(expect.arrayContaining(['Trung vị ngày làm việc để trả lời', AGENCY_T, 9, 10]));
    expect(values('Theo xã, phường')).toEqual(expect.arrayContaining([f.communes[0]!.name]));
  });

  it('writes a PDF with the figures in its text', async () => {
    const staff = await t.signIn('alliance_staff');
    const res = await t.request({ url: '/api/reports/requests.pdf?year=2025', cookie: staff.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Sở Tài chính');
    expect(text).toContain('Chuyển sang năm sau');
  });
});
