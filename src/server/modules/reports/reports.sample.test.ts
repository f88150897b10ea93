/**
 * The alliance's own workbook, imported, gives the 2023 report of sample-registry.expected.json with a
 * plan of 12 new organisations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { importCooperatives } from '../imports/import.service.ts';
import { sampleExpected, sampleXlsx } from '../imports/test-files.ts';
import type { AnnualReport } from './annual-report.build.ts';
import { readAnnualReport } from './annual-report.service.ts';
import { setPlanForTenant } from './plans.service.ts';

let t: TestApp;
let report: AnnualReport;
const expected = sampleExpected();

beforeAll(async () => {
  t = await createTestApp();
  const actor = systemActor(TENANT);
  const imported = await importCooperatives(t.database.db, { actor, fileName: 'sample-registry.xlsx', content: sampleXlsx(), dryRun: false });
  expect(imported.imported).toBe(expected.distinctCooperatives);
  await setPlanForTenant(t.database.db, { actor, tenantId: TENANT, input: { year: 2023, indicator: 'newly_established', target: expected.report2023.plan.newlyEstablished } });
  report = await readAnnualReport(t.database.db, { scope: { kind: 'tenant', tenantId: TENANT }, year: 2023 });
});
afterAll(() => t.close());

describe('the sample registry\'s 2023 report', () => {
  it('counts as the alliance\'s answers say', () => {
    const e = expected.report2023;
    expect(report).toMatchObject({ year: e.year, asOf: e.asOf, total: e.total, newlyEstablished: e.newlyEstablished, dissolved: e.dissolved, charterCapitalVnd: e.charterCapitalVnd, members: e.members, suspended: e.suspended });
    expect(report.plan).toEqual(e.plan);
  });

  it('splits by sector group with the expected shares', () => {
    const e = expected.report2023;
    for (const g of report.bySectorGroup) {
      expect(g.count).toBe(e.bySectorGroup[g.group]);
      expect(g.percent).toBe(e.percent[g.group]);
    }
  });

  it('groups by the districts of 2023 as registered', () => {
    expect(Object.fromEntries(report.byArea.filter((a) => a.count > 0).map((a) => [a.area, a.count]))).toEqual(expected.byDistrict2023);
  });
});
