/**
 * The counting rules of the annual update (decision 007) on organisations whose answers are worked out by hand,
 * year 2026 (deadline 15/12/2026 23:59:59 +07):
 *   A on time at 23:59:59 +07 on the 15th; B late at 00:00:00 +07 on the 16th; C returned and corrected after the
 *   deadline, first filed before it (on time); D a THT returned, not corrected; E a union accepted; F a draft only;
 *   G nothing; H a credit fund (not due); I founded on 14/12 (due); J founded on 15/12 (not due); K dissolved on
 *   15/12 (not due); L dissolved on 16/12 (due); M revoked in June (not due); N suspended, in no commune (due);
 *   Q in another alliance. Due: A B C D E F G I L N = 10.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { insertOrganisations, pdfText, threeCommunes } from '../reports/reports.test-support.ts';
import { isOnTime, updateDeadline } from './annual-updates.calendar.ts';
import { lateFrom } from './compliance.ts';
import { computeCompliance, computeComplianceList } from './compliance.service.ts';
import { insertUpdates } from './compliance.test-support.ts';

let t: TestApp;
let ids: Record<string, string>;
let c1: { code: string; name: string };
let c2: { code: string; name: string };
const YEAR = 2026;
const scope = { scope: { kind: 'tenant', tenantId: TENANT } as const };

beforeAll(async () => {
  t = await createTestApp();
  const communes = await threeCommunes(t.database.db);
  [c1, c2] = communes;
  const inC1 = { currentCommuneCode: c1.code, foundedOn: '2015-01-01' };
  ids = await insertOrganisations(t.database.db, TENANT, [
    { key: 'A', ...inC1, email: 'a@htx.vn' },
    { key: 'B', ...inC1 },
    { key: 'C', ...inC1 },
    { key: 'D', ...inC1, kind: 'THT' },
    { key: 'E', ...inC1, kind: 'LHHTX', sectorCode: 'transport' },
    { key: 'F', ...inC1, email: 'f@htx.vn' },
    { key: 'G', ...inC1, email: 'khong-phai-email' },
    { key: 'H', ...inC1, kind: 'QTDND', sectorCode: 'credit_fund' },
    { key: 'I', currentCommuneCode: c2.code, foundedOn: `${YEAR}-12-14` },
    { key: 'J', currentCommuneCode: c2.code, foundedOn: `${YEAR}-12-15` },
    { key: 'K', currentCommuneCode: c2.code, foundedOn: '2010-01-01', status: 'dissolved', dissolvedOn: `${YEAR}-12-15`, history: [['active', '2010-01-01'], ['dissolved', `${YEAR}-12-15`]] },
    { key: 'L', currentCommuneCode: c2.code, foundedOn: '2010-01-01', status: 'dissolved', dissolvedOn: `${YEAR}-12-16`, history: [['active', '2010-01-01'], ['dissolved', `${YEAR}-12-16`]] },
    { key: 'M', currentCommuneCode: c2.code, foundedOn: '2010-01-01', status: 'revoked', history: [['active', '2010-01-01'], ['revoked', `${YEAR}-06-01`]] },
    { key: 'N', currentCommuneCode: null, registeredCommune: null, foundedOn: '2012-01-01', status: 'suspended', history: [['active', '2012-01-01'], ['suspended', '2024-01-01']] },
  ]);
  const other = await insertOrganisations(t.database.db, OTHER_TENANT, [{ key: 'Q', registrationNumber: '0100000001', currentCommuneCode: c1.code }]);
  await insertUpdates(t.database.db, TENANT, YEAR, [
    { organisationId: ids.A!, state: 'submitted', firstSubmittedAt: `${YEAR}-12-15T23:59:59+07:00` },
    { organisationId: ids.B!, state: 'submitted', firstSubmittedAt: `${YEAR}-12-16T00:00:00+07:00` },
    { organisationId: ids.C!, state: 'submitted', firstSubmittedAt: `${YEAR}-12-10T09:00:00+07:00`, submittedAt: `${YEAR}-12-20T10:00:00+07:00` },
    { organisationId: ids.D!, state: 'returned', firstSubmittedAt: `${YEAR}-12-01T08:00:00+07:00` },
    { organisationId: ids.E!, state: 'accepted', firstSubmittedAt: `${YEAR}-11-01T08:00:00+07:00` },
    { organisationId: ids.F!, state: 'draft' },
    // Not due: counted nowhere.
    { organisationId: ids.H!, state: 'submitted', firstSubmittedAt: `${YEAR}-12-01T08:00:00+07:00` },
    { organisationId: ids.J!, state: 'submitted', firstSubmittedAt: `${YEAR}-12-15T08:00:00+07:00` },
  ]);
  // Another year's update of G does not count for this year.
  await insertUpdates(t.database.db, TENANT, YEAR - 1, [{ organisationId: ids.G!, state: 'accepted', firstSubmittedAt: `${YEAR - 1}-12-01T08:00:00+07:00` }]);
  await insertUpdates(t.database.db, OTHER_TENANT, YEAR, [{ organisationId: other.Q!, state: 'submitted', firstSubmittedAt: `${YEAR}-12-01T08:00:00+07:00` }]);
}, 120_000);
afterAll(() => t.close());

describe('the deadline', () => {
  it('is 15 December 23:59:59 Vietnam time; the first instant of the 16th is late', () => {
    expect(updateDeadline(YEAR)).toBe('2026-12-15T23:59:59+07:00');
    expect(Date.parse(lateFrom(YEAR)) - Date.parse(updateDeadline(YEAR))).toBe(1000);
    expect(isOnTime(YEAR, new Date('2026-12-15T23:59:59+07:00'))).toBe(true);
    expect(isOnTime(YEAR, new Date('2026-12-15T16:59:59.999Z'))).toBe(true);
    expect(isOnTime(YEAR, new Date('2026-12-16T00:00:00+07:00'))).toBe(false);
    expect(isOnTime(YEAR, new Date('2026-12-15T17:00:00Z'))).toBe(false);
  });
});

describe('compliance counts', () => {
  it('counts due, on time, late, missing, returned and accepted as worked out by hand', async () => {
    const c = await computeCompliance(t.database.db, scope, YEAR);
    expect(c).toMatchObject({ year: YEAR, deadline: '2026-12-15T23:59:59+07:00', due: 10, onTime: 4, late: 1, missing: 5, returned: 1, accepted: 1 });
    expect(c.byCommune).toEqual(
      expect.arrayContaining([
        { code: c1.code, name: c1.name, due: 7, onTime: 4, late: 1, missing: 2, returned: 1, accepted: 1 },
        { code: c2.code, name: c2.name, due: 2, onTime: 0, late: 0, missing: 2, returned: 0, accepted: 0 },
        { code: null, name: 'Chưa xác định xã/phường', due: 1, onTime: 0, late: 0, missing: 1, returned: 0, accepted: 0 },
      ]),
    );
    expect(c.byCommune).toHaveLength(3);
    expect(c.byKind.map((k) => [k.kind, k.due, k.onTime])).toEqual([['HTX', 8, 2], ['LHHTX', 1, 1], ['THT', 1, 1]]);
    expect(c.bySectorGroup.map((g) => [g.group, g.due])).toEqual([['agriculture', 9], ['non_agriculture', 1], ['credit_fund', 0]]);
  });

  it('lists the organisations behind each number, with who to call', async () => {
    const names = async (category: Parameters<typeof computeComplianceList>[3], filters = {}) =>
      (await computeComplianceList(t.database.db, scope, YEAR, category, filters)).items.map((i) => i.name).sort();
    expect(await names('onTime')).toEqual(['HTX A', 'HTX C', 'HTX D', 'HTX E']);
    expect(await names('late')).toEqual(['HTX B']);
    expect(await names('missing')).toEqual(['HTX F', 'HTX G', 'HTX I', 'HTX L', 'HTX N']);
    expect(await names('returned')).toEqual(['HTX D']);
    expect(await names('accepted')).toEqual(['HTX E']);
    expect(await names('missing', { commune: c2.code })).toEqual(['HTX I', 'HTX L']);
    expect(await names('missing', { commune: 'none' })).toEqual(['HTX N']);
    expect(await names('due', { kind: 'THT' })).toEqual(['HTX D']);
    const late = await computeComplianceList(t.database.db, scope, YEAR, 'late');
    expect(late.items[0]).toMatchObject({ organisationId: ids.B, state: 'submitted', onTime: false, firstSubmittedAt: '2026-12-15T17:00:00.000Z', communeName: c1.name, representative: expect.any(String), phone: expect.stringMatching(/^09\d{8}$/) });
    const corrected = (await computeComplianceList(t.database.db, scope, YEAR, 'onTime')).items.find((i) => i.organisationId === ids.C);
    expect(corrected).toMatchObject({ onTime: true, firstSubmittedAt: '2026-12-10T02:00:00.000Z', submittedAt: '2026-12-20T03:00:00.000Z' });
  });
});

describe('compliance over HTTP', () => {
  it('answers staff with the counts and a commune officer with its commune only; refuses a manager', async () => {
    const staff = await t.signIn('alliance_staff');
    const res = await t.request({ url: `/api/annual-updates/compliance?year=${YEAR}`, cookie: staff.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ due: 10, onTime: 4, late: 1, missing: 5 });

    const officer = await t.signIn('commune_officer', { communeCode: c2.code });
    const mine = await t.request({ url: `/api/annual-updates/compliance?year=${YEAR}`, cookie: officer.cookie });
    expect(mine.json()).toMatchObject({ due: 2, missing: 2, onTime: 0 });
    expect(mine.json().byCommune.map((c: { code: string }) => c.code)).toEqual([c2.code]);
    const list = await t.request({ url: `/api/annual-updates/compliance/list?year=${YEAR}&category=missing`, cookie: officer.cookie });
    expect(list.json().items.map((i: { name: string }) => i.name).sort()).toEqual(['HTX I', 'HTX L']);

    const manager = await t.signIn('coop_manager', { organisationId: ids.A });
    expect((await t.request({ url: `/api/annual-updates/compliance?year=${YEAR}`, cookie: manager.cookie })).statusCode).toBe(403);
    const other = await t.signIn('alliance_staff', { tenantId: OTHER_TENANT });
    expect((await t.request({ url: `/api/annual-updates/compliance?year=${YEAR}`, cookie: other.cookie })).json()).toMatchObject({ due: 1, onTime: 1 });
  });

  it('says what is wrong with a query in Vietnamese, naming the field', async () => {
    const staff = await t.signIn('alliance_staff');
    const res = await t.request({ url: `/api/annual-updates/compliance/list?year=${YEAR}&category=sometimes`, cookie: staff.cookie });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('category');
    expect(res.body).toContain('Nhóm');
  });

  it('prints the list as PDF and as a workbook', async () => {
    const staff = await t.signIn('alliance_staff');
    const pdf = await t.request({ url: `/api/annual-updates/compliance/list.pdf?year=${YEAR}&category=missing`, cookie: staff.cookie });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, " ");
    expect(text).toContain('chưa nộp');
    expect(text).toContain('HTX G');
    expect(text).not.toContain('HTX A');
    const xlsx = await t.request({ url: `/api/annual-updates/compliance/list.xlsx?year=${YEAR}&category=late`, cookie: staff.cookie });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
    expect(rows.some((r) => r.includes('HTX B') && r.includes('16/12/2026 00:00') && r.includes('(muộn)'))).toBe(true);
  });

  it('refuses reminders without a mail server, saying so', async () => {
    const staff = await t.signIn('alliance_staff');
    const res = await t.request({ method: 'POST', url: '/api/annual-updates/reminders', cookie: staff.cookie, payload: { year: YEAR } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('SMTP_URL');
  });
});
