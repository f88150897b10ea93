// `coop report close` killed with SIGKILL in the middle of its one transaction: the closed-year tables hold the
// whole snapshot or nothing, and closing again then succeeds exactly once. A child process on its own embedded
// data directory (a demo province, enough work to kill it midway), whatever DATABASE_URL the suite runs with.
//
// "Midway" is observed, not guessed with a timer: the kill comes when a file of the closed-year tables grows,
// that is while the transaction is writing them, long before it commits.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../../../cli/cli-process.ts';
import { migrateDatabase, openDatabase, type Database } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { systemActor } from '../accounts/roles.ts';
import { DEMO_TARGETS, generateDemoProvince } from '../demo/demo.generator.ts';
import { DEFAULT_ALLIANCE, ensureAlliance, loadReferenceData } from '../tenants/tenants.service.ts';
import { findClosedReport } from './annual-report.service.ts';
import { closeYearForTenant } from './closing.service.ts';
import { frozenFactRows, liveFactRows, queryRows, type FactRow } from './reports.queries.ts';

const TENANT = DEFAULT_ALLIANCE.id;
const YEAR = 2023;
const dir = mkdtempSync(path.join(tmpdir(), 'coop-close-crash-'));
const dataDir = path.join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An embedded data directory ready for the CLI: from the run's template when it is a PGlite dump, else migrated. */
async function openDataDir(): Promise<Database> {
  const template = inject('templateDatabase');
  const dump = template.endsWith('.tar') && existsSync(template) ? new Blob([readFileSync(template)]) : undefined;
  const database = await openDatabase({ dataDir, holder: 'reports.crash.test', loadDataDir: dump });
  if (!dump) {
    await migrateDatabase(database);
    await loadReferenceData(database.db);
    await ensureAlliance(database.db, DEFAULT_ALLIANCE);
  }
  return database;
}

/** The files holding the closed-year tables (facts per organisation, the closure row with its report). */
let files: { facts: string; closures: string };

beforeAll(async () => {
  const database = await openDataDir();
  try {
    await generateDemoProvince(database.db, { tenantId: TENANT });
    const [row] = await database.exec(`select pg_relation_filepath('report_closure_organisations') as facts, pg_relation_filepath('report_closures') as closures`);
    files = { facts: path.join(dataDir, 'pg', String(row!.facts)), closures: path.join(dataDir, 'pg', String(row!.closures)) };
  } finally {
    await database.close();
  }
}, 120_000);

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
const sizeOf = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;

/** Runs `coop report close`; with `killWhenGrows`, SIGKILLs it as soon as that file grows (polled every 2 ms). */
function closeYear(killWhenGrows?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/coop.js'), 'report', 'close', '--year', String(YEAR), '--tenant', String(TENANT)], {
      cwd: repoRoot,
      env: { ...process.env, COOP_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const initial = killWhenGrows ? sizeOf(killWhenGrows) : 0;
    const watch = killWhenGrows
      ? setInterval(() => {
          if (sizeOf(killWhenGrows) > initial) {
            clearInterval(watch);
            child.kill('SIGKILL');
          }
        }, 2)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

type ClosedYear = { closures: number; facts: number; audits: number; frozen: FactRow[]; live: FactRow[]; total?: number };

/** Reopens the data directory in this process (the CLI has exited) and reads the closed year. */
async function readClosedYear(database?: Database): Promise<ClosedYear> {
  const own = database ?? (await openDatabase({ dataDir, holder: 'reports.crash.test' }));
  try {
    const [counts] = await own.exec(
      `select (select count(*)::int from report_closures where tenant_id = ${TENANT} and year = ${YEAR}) as closures,
              (select count(*)::int from report_closure_organisations where tenant_id = ${TENANT} and year = ${YEAR}) as facts,
              (select count(*)::int from audit_events where action = 'report_year.closed') as audits`,
    );
    const byId = (a: FactRow, b: FactRow) => a.organisation_id.localeCompare(b.organisation_id);
    const frozen = (await queryRows<FactRow>(own.db, frozenFactRows(TENANT, YEAR))).sort(byId);
    const live = (await queryRows<FactRow>(own.db, liveFactRows(TENANT, YEAR))).sort(byId);
    const report = await findClosedReport(own.db, TENANT, YEAR);
    return { ...(counts as { closures: number; facts: number; audits: number }), frozen, live, total: report?.total };
  } finally {
    if (!database) await own.close();
  }
}

/** Nothing of the closure: no row, no facts, no audit event. */
function expectNothing(state: ClosedYear): void {
  expect({ closures: state.closures, facts: state.facts, audits: state.audits }).toEqual({ closures: 0, facts: 0, audits: 0 });
}

/** The whole closure: one row with its report, one audit event, and the facts of every organisation behind it. */
function expectWhole(state: ClosedYear): void {
  expect({ closures: state.closures, audits: state.audits, total: state.total }).toEqual({ closures: 1, audits: 1, total: DEMO_TARGETS.total });
  expect(state.facts).toBeGreaterThanOrEqual(DEMO_TARGETS.total);
  expect(state.frozen).toEqual(state.live);
}

describe('coop report close killed midway', () => {
  it('killed while writing the facts of each organisation: nothing of the closure is left', async () => {
    const killed = await closeYear(files.facts);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).toBe('');
    const state = await readClosedYear();
    expectNothing(state);
    expect(state.live.length).toBeGreaterThanOrEqual(DEMO_TARGETS.total);
  }, 120_000);

  it('killed again on the recovered data, after the closure row was written: still nothing', async () => {
    const killed = await closeYear(files.closures);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).toBe('');
    expectNothing(await readClosedYear());
  }, 120_000);

  it('then closes exactly once: the whole snapshot, and a second close is refused without touching it', async () => {
    const run = await closeYear();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Đã chốt số liệu năm ${YEAR}: 1.116 tổ chức, 101 thành lập mới.\n`);

    const database = await openDatabase({ dataDir, holder: 'reports.crash.test' });
    try {
      const closed = await readClosedYear(database);
      expectWhole(closed);
      const again = await closeYearForTenant(database.db, { actor: systemActor(TENANT), tenantId: TENANT, year: YEAR }).catch((e: unknown) => e);
      expect(again).toBeInstanceOf(AppError);
      expect((again as AppError).code).toBe('conflict');
      expect((again as AppError).message).toMatch(new RegExp(`^Số liệu năm ${YEAR} đã được chốt ngày`));
      expect(await readClosedYear(database)).toEqual(closed);
    } finally {
      await database.close();
    }
  }, 120_000);
});
