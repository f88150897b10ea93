import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { openTestDatabase, TENANT } from '../../../test/harness.ts';
import type { Actor, Role } from '../accounts/roles.ts';
import { placeInCurrentCommune } from '../admin-units/admin-units.service.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { organisations, organisationStatuses } from '../cooperatives/cooperatives.sql.ts';
import { importRuns } from '../cooperatives/imports.sql.ts';
import { importCooperatives, type ImportReport } from './import.service.ts';
import { editedSample, sampleExpected, sampleXlsx, xlsxToCsv } from './test-files.ts';

const actorOf = (role: Role, tenantId: number | null = TENANT): Actor => ({
  kind: 'user', userId: randomUUID(), email: `${role}@test.local`, role, tenantId, organisationId: null, communeCode: null,
});
const staff = actorOf('alliance_staff');
const expected = sampleExpected();

async function count(database: Database, query: SQL): Promise<number> {
  const result = (await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return Number(Object.values(result.rows[0]!)[0]);
}
const countOrganisations = (database: Database) => count(database, sql`select count(*) from organisations where tenant_id = ${TENANT}`);
const countAudit = (database: Database) => count(database, sql`select count(*) from audit_events`);

/** What must be the same whatever the file's format or whether it is a dry run. */
const outcome = (r: ImportReport) => ({
  rowsInFile: r.rowsInFile, imported: r.imported, updated: r.updated, unchanged: r.unchanged,
  duplicates: r.duplicates, rejected: r.rejected, warnings: r.warnings,
});

describe('importing the sample registry', () => {
  let database: Database & { drop(): Promise<void> };
  let first: ImportReport;
  beforeAll(async () => {
    database = await openTestDatabase();
    first = await importCooperatives(database.db, { actor: staff, fileName: 'sample-registry.xlsx', content: sampleXlsx(), dryRun: false });
  });
  afterAll(() => database.drop());

  it('lands exactly the expected rows, duplicates and rejections, with their spreadsheet row numbers', async () => {
    expect(first.rowsInFile).toBe(expected.rowsInFile);
    expect(first.imported).toBe(expected.distinctCooperatives);
    expect(first).toMatchObject({ updated: 0, unchanged: 0, headerRow: 4, sheetName: 'Danh sách HTX', format: 'xlsx' });
    expect(first.duplicates.map((d) => d.row)).toEqual(expected.duplicateRows);
    expect(first.duplicates.map(({ row, firstRow, registrationNumber }) => ({ row, firstRow, registrationNumber }))).toEqual([
      { row: 243, firstRow: 16, registrationNumber: '2401015624' },
      { row: 244, firstRow: 45, registrationNumber: '2401014356' },
      { row: 245, firstRow: 183, registrationNumber: '2401015737' },
    ]);
    expect(first.rejected).toEqual([
      { row: 246, reason: 'Thiếu tên tổ chức (cột "Tên HTX").' },
      { row: 247, reason: 'Ngày thành lập không hợp lệ: Ngày không tồn tại: "31/02/2020".' },
    ]);
    expect(first.rejected.map((r) => r.row)).toEqual(expected.rejectedRows);
    // A bare year is read as 1 January, and said so.
    expect(first.warnings).toContainEqual({ row: 55, message: 'Cột "Ngày thành lập" chỉ ghi năm: lấy ngày 01/01/2023.' });
  });

  it('stores 237 distinct organisations, NFC and trimmed, money in whole đồng, each with history and an audit event', async () => {
    expect(await countOrganisations(database)).toBe(expected.distinctCooperatives);
    expect(await count(database, sql`select count(distinct registration_number) from organisations where tenant_id = ${TENANT}`)).toBe(237);
    expect(await count(database, sql`select count(*) from organisations where status = 'dissolved'`)).toBe(expected.dissolvedEver);
    expect(await count(database, sql`select count(*) from audit_events where action = 'organisation.created'`)).toBe(237);
    expect(await count(database, sql`select count(distinct organisation_id) from organisation_statuses`)).toBe(237);
    expect(await count(database, sql`select count(*) from organisations where name <> btrim(name) or name <> normalize(name, NFC)`)).toBe(0);
    const [honey] = await database.db.select().from(organisations).where(eq(organisations.registrationNumber, '2401008137'));
    expect(honey!.name).toBe('Hợp tác xã Mật ong Nếnh 62');
    const [pigs] = await database.db.select().from(organisations).where(eq(organisations.registrationNumber, '2401009691'));
    expect(pigs).toMatchObject({ charterCapitalVnd: 2_200_500_000n, membersOfficial: 15, sectorCode: 'fishery', foundedOn: '2014-07-15', kind: 'HTX' });
    const [fund] = await database.db.select().from(organisations).where(eq(organisations.registrationNumber, '2401025125'));
    expect(fund).toMatchObject({ kind: 'QTDND', sectorCode: 'credit_fund', registeredCommune: 'Xã Tân Dĩnh', registeredDistrict: 'Lạng Giang' });
    expect(fund!.currentCommuneCode).toMatch(/^\d{5}$/);
    // Its old commune has no code in the package, but its name, district and province place it all the same.
    expect(pigs!.currentCommuneCode).toMatch(/^\d{5}$/);
    // Every organisation whose old commune the package lists is placed; what is left is unknown to the package
    // or ambiguous without a district, and its row's warning says which.
    const unplaced = await database.db.select().from(organisations).where(and(eq(organisations.tenantId, TENANT), isNull(organisations.currentCommuneCode)));
    for (const org of unplaced) {
      const placement = await placeInCurrentCommune(database.db, '24', { commune: org.registeredCommune, district: org.registeredDistrict });
      expect(placement.ok ? 'placed' : placement.reason, `${org.name}: ${org.registeredCommune}, ${org.registeredDistrict}`).toMatch(/Không tìm thấy|có ở nhiều nơi|Không có tên/);
    }
    // A dissolved organisation keeps its active years in its history.
    const [gone] = await database.db.select().from(organisations).where(eq(organisations.registrationNumber, '2401029666'));
    const history = await database.db.select().from(organisationStatuses).where(eq(organisationStatuses.organisationId, gone!.id)).orderBy(organisationStatuses.validFrom);
    expect(history.map((h) => [h.status, h.validFrom])).toEqual([['active', '2007-08-21'], ['dissolved', '2023-05-22']]);
  });

  it('gives the registry the sample\'s 2023 totals (counted directly in SQL)', async () => {
    const alive = sql.raw(`tenant_id = 24 and founded_on <= '2023-12-31' and not (status in ('dissolved','bankrupt','revoked','converted') and dissolved_on <= '2023-12-31')`);
    const at = (what: string) => count(database, sql`select ${sql.raw(what)} from organisations where ${alive}`);
    expect(await at('count(*)')).toBe(expected.report2023.total);
    expect(String(await at('sum(charter_capital_vnd)'))).toBe(expected.report2023.charterCapitalVnd);
    expect(await at('sum(members_official)')).toBe(expected.report2023.members);
    expect(await count(database, sql`select count(*) from organisations where founded_on between '2023-01-01' and '2023-12-31'`)).toBe(expected.report2023.newlyEstablished);
  });

  it('keeps the run and its report', async () => {
    const [run] = await database.db.select().from(importRuns).where(eq(importRuns.id, first.importId));
    expect(run).toMatchObject({ tenantId: TENANT, dryRun: false, fileName: 'sample-registry.xlsx', actorLabel: staff.kind === 'user' ? staff.email : '' });
    expect((run!.report as ImportReport).imported).toBe(237);
  });

  it('changes nothing when the same file is imported again', async () => {
    const auditBefore = await countAudit(database);
    const again = await importCooperatives(database.db, { actor: staff, fileName: 'sample-registry.xlsx', content: sampleXlsx(), dryRun: false });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 237 });
    expect(again.duplicates).toEqual(first.duplicates);
    expect(again.rejected).toEqual(first.rejected);
    expect(await countOrganisations(database)).toBe(237);
    expect(await countAudit(database)).toBe(auditBefore + 1); // the run itself, nothing about organisations
  });

  it('updates only what differs, with an audit event and a dated status change', async () => {
    // Row 233: "Ngừng hoạt động" → dissolved on 15/03/2024; row 7: capital 2.200,5 → 3.000 million.
    const content = await editedSample({ '233:11': 'Đã giải thể', '233:12': '15/03/2024', '7:9': '3.000' });
    const dry = await importCooperatives(database.db, { actor: staff, fileName: 'edited.xlsx', content, dryRun: true });
    const report = await importCooperatives(database.db, { actor: staff, fileName: 'edited.xlsx', content, dryRun: false });
    expect(outcome(dry)).toEqual(outcome(report));
    expect(report).toMatchObject({ imported: 0, updated: 2, unchanged: 235 });
    const [pigs] = await database.db.select().from(organisations).where(eq(organisations.registrationNumber, '2401009691'));
    expect(pigs).toMatchObject({ charterCapitalVnd: 3_000_000_000n, version: 2 });
    const [water] = await database.db.select().from(organisations).where(eq(organisations.registrationNumber, '2401025703'));
    expect(water).toMatchObject({ status: 'dissolved', dissolvedOn: '2024-03-15', statusSince: '2024-03-15' });
    const history = await database.db.select().from(organisationStatuses).where(eq(organisationStatuses.organisationId, water!.id)).orderBy(organisationStatuses.validFrom);
    expect(history.map((h) => [h.status, h.validFrom])).toEqual([['stopped', '2009-09-25'], ['dissolved', '2024-03-15']]);
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, pigs!.id), eq(auditEvents.action, 'organisation.updated')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorLabel: 'alliance_staff@test.local', before: { charterCapitalVnd: '2200500000' }, after: { charterCapitalVnd: '3000000000' } });
    const twice = await importCooperatives(database.db, { actor: staff, fileName: 'edited.xlsx', content, dryRun: false });
    expect(twice).toMatchObject({ imported: 0, updated: 0, unchanged: 237 });
  });

  it('lets only the registry staff of the alliance import', async () => {
    const file = { fileName: 'sample-registry.xlsx', content: sampleXlsx(), dryRun: true };
    for (const role of ['fund_officer', 'commune_officer', 'coop_manager', 'national_viewer'] as const) {
      await expect(importCooperatives(database.db, { ...file, actor: actorOf(role) })).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(importCooperatives(database.db, { ...file, actor: { kind: 'anonymous' } })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(importCooperatives(database.db, { ...file, actor: staff, tenantId: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    const admin = await importCooperatives(database.db, { ...file, actor: actorOf('alliance_admin') });
    expect(admin.rowsInFile).toBe(242);
  });
});

describe('the same registry as .csv, and dry runs', () => {
  let database: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.drop());

  it('a dry run reports what a real run does and writes nothing to the registry', async () => {
    const csv = await xlsxToCsv(sampleXlsx());
    const dry = await importCooperatives(database.db, { actor: staff, fileName: 'sample-registry.csv', content: csv, dryRun: true });
    expect(await countOrganisations(database)).toBe(0);
    expect(await countAudit(database)).toBe(0);
    expect(await count(database, sql`select count(*) from organisation_statuses`)).toBe(0);
    const [run] = await database.db.select().from(importRuns).where(eq(importRuns.id, dry.importId));
    expect(run!.dryRun).toBe(true);
    const real = await importCooperatives(database.db, { actor: staff, fileName: 'sample-registry.csv', content: csv, dryRun: false });
    expect(outcome(real)).toEqual(outcome(dry));
    expect(real.format).toBe('csv');
  });

  it('gives the same report and the same registry as the .xlsx', async () => {
    const other = await openTestDatabase();
    try {
      const fromXlsx = await importCooperatives(other.db, { actor: staff, fileName: 'sample-registry.xlsx', content: sampleXlsx(), dryRun: false });
      const csvAgain = await importCooperatives(database.db, { actor: staff, fileName: 'x.csv', content: await xlsxToCsv(sampleXlsx(), ';'), dryRun: true });
      expect(csvAgain).toMatchObject({ imported: 0, unchanged: 237 });
      const [csvRun] = await database.db.select().from(importRuns).where(and(eq(importRuns.dryRun, false)));
      expect(outcome(csvRun!.report as ImportReport)).toEqual(outcome(fromXlsx));
      const snapshot = (db: Database) =>
        db.exec(`select registration_number, name, kind, status, status_since, founded_on, dissolved_on, sector_code, charter_capital_vnd::text,
                 members_official, registered_commune, registered_district, current_commune_code, representative, phone
                 from organisations order by registration_number`);
      expect(await snapshot(database)).toEqual(await snapshot(other));
    } finally {
      await other.drop();
    }
  });
});
