/**
 * `coop requests report` in a child process, on the engine of the run: the test's own PostgreSQL database when
 * DATABASE_URL is set, else an embedded database in a directory of its own. The figures are those counted by hand
 * in src/server/modules/difficulties/requests-report.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/client.ts';
import { insertRequestsFixture } from '../server/modules/difficulties/requests-report.test-support.ts';
import { DEFAULT_ALLIANCE, ensureAlliance, loadReferenceData } from '../server/modules/tenants/tenants.service.ts';
import { openTestDatabase, OTHER_TENANT, TENANT } from '../test/harness.ts';
import { SECOND_ALLIANCE } from '../test/global-setup.ts';
import { runCoop } from './cli-process.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'coop-requests-cli-'));
let env: NodeJS.ProcessEnv;
let drop: () => Promise<void> = async () => {};

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const database = await openTestDatabase();
    await insertRequestsFixture(database.db, TENANT, OTHER_TENANT);
    await database.close();
    drop = database.drop;
    env = { DATABASE_URL: database.url, LOG_LEVEL: 'silent' };
  } else {
    const dataDir = path.join(dir, 'data');
    const database = await openDatabase({ dataDir, holder: 'requests cli test' });
    await migrateDatabase(database);
    await loadReferenceData(database.db);
    await ensureAlliance(database.db, DEFAULT_ALLIANCE);
    await ensureAlliance(database.db, SECOND_ALLIANCE);
    await insertRequestsFixture(database.db, TENANT, OTHER_TENANT);
    await database.close();
    env = { DATABASE_URL: '', COOP_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  }
}, 180_000);
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('coop requests report', () => {
  it('prints exactly the JSON of decision 008', async () => {
    const result = await runCoop(['requests', 'report', '--year', '2025', '--tenant', String(TENANT), '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['year', 'received', 'answeredDirectly', 'forwarded', 'answered', 'resolved', 'unresolved', 'carriedOver', 'overdue', 'byCategory', 'byAgency', 'byCommune']);
    expect(report).toMatchObject({ year: 2025, received: 11, answeredDirectly: 1, forwarded: 7, answered: 6, resolved: 3, unresolved: 2, carriedOver: 7, overdue: 3 });
    expect(report.byAgency).toEqual([
      { agency: 'Ngân hàng Chính sách xã hội tỉnh', forwarded: 4, answered: 3, medianWorkingDays: 9, p90WorkingDays: 10, overdue: 0 },
      { agency: 'Sở Tài chính', forwarded: 3, answered: 2, medianWorkingDays: 4, p90WorkingDays: 4, overdue: 1 },
    ]);
  }, 120_000);

  it('prints readable Vietnamese tables without --json, and explains a bad year', async () => {
    const result = await runCoop(['requests', 'report', '--year', '2025', '--tenant', String(TENANT)], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Khó khăn, kiến nghị năm 2025 — Liên minh HTX tỉnh Bắc Ninh');
    expect(result.stdout).toMatch(/Chuyển sang năm sau: +7/);
    expect(result.stdout).toMatch(/Sở Tài chính +3 +2 +4 +4 +1/);
    expect(result.stdout).not.toMatch(/capital_credit|carriedOver/);
    const bad = await runCoop(['requests', 'report', '--year', '25'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--year: năm có 4 chữ số');
  }, 120_000);
});
