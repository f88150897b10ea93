/**
 * `coop updates status` on the national dataset (issue 13: ≤ 1 s): `npx tsx bench/updates-status.ts [--quick]`, on
 * PostgreSQL when DATABASE_URL is set (database coop_bench_updates, dropped first), else on an embedded data
 * directory in a temporary folder. Builds the 34 alliances' 35,000 organisations (7,000 quick), files the 2026
 * update of most of those due (on time, late, returned, accepted, drafts), then times:
 *   - updates_status_ms / _national_ms: the command's work in process (computeCompliance: one statement), for the
 *     largest alliance and for the whole country;
 *   - updates_status_process_ms / _national_process_ms: `coop updates status --year 2026 --json` as a child process,
 *     wall clock from spawn to exit (Node and tsx start, the database opened and checked, the count, the JSON).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { runCoop } from '../src/cli/cli-process.ts';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/db/client.ts';
import { computeCompliance } from '../src/server/modules/annual-updates/compliance.service.ts';
import { dueUpdates } from '../src/server/modules/annual-updates/compliance.ts';
import { builtInForm } from '../src/server/modules/annual-updates/forms/index.ts';
import { loadReferenceData } from '../src/server/modules/tenants/tenants.service.ts';
import { buildNationalDataset } from './national-dataset.ts';
import { percentile, round, timeEach, type Result } from './measure.ts';

const quick = process.argv.includes('--quick');
const YEAR = 2026;
const times = quick ? 3 : 7;
const dir = mkdtempSync(path.join(os.tmpdir(), 'coop-bench-updates-'));

async function openBenchDatabase(): Promise<{ database: Database; env: NodeJS.ProcessEnv }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = path.join(dir, 'data');
    return { database: await openDatabase({ dataDir, holder: 'bench/updates-status' }), env: { DATABASE_URL: '', COOP_DATA_DIR: dataDir, LOG_LEVEL: 'silent' } };
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists coop_bench_updates with (force)');
  await admin.query('create database coop_bench_updates');
  await admin.end();
  const u = new URL(url);
  u.pathname = '/coop_bench_updates';
  return { database: await openDatabase({ databaseUrl: u.toString() }), env: { DATABASE_URL: u.toString(), LOG_LEVEL: 'silent' } };
}

/** Files the year's update of four in five organisations due: a tenth drafts, the rest spread around the deadline. */
async function fileUpdates(database: Database): Promise<number> {
  const db = database.db;
  for (const kind of ['HTX', 'LHHTX', 'THT'] as const) {
    await db.execute(sql`
      insert into update_forms (tenant_id, year, kind, version, definition)
      select a.id, ${YEAR}, ${kind}, 1, ${JSON.stringify(builtInForm(kind))}::jsonb from alliances a
      on conflict do nothing`);
  }
  await db.execute(sql`
    insert into annual_updates (tenant_id, organisation_id, year, form_id, state, values, channel, first_submitted_at, submitted_at, accepted_at)
    select d.tenant_id, d.organisation_id, ${YEAR}, f.id,
           case when x.h % 10 = 0 then 'draft' when x.h % 10 = 1 then 'returned' when x.h % 10 in (2, 3, 4) then 'accepted' else 'submitted' end,
           jsonb_build_object('revenueVnd', 100000000 + x.h % 5000 * 1000000, 'profitBeforeTaxVnd', x.h % 300 * 1000000, 'workers', 2 + x.h % 40,
                              'averageIncomeVnd', 4000000 + x.h % 40 * 100000, 'membersOfficial', 7 + x.h % 90, 'membersTotal', 7 + x.h % 90),
           'online', s.at, s.at, case when x.h % 10 in (2, 3, 4) then s.at + interval '3 days' end
    from (${dueUpdates({ scope: { kind: 'national' } }, YEAR)}) d
    join update_forms f on f.tenant_id = d.tenant_id and f.year = ${YEAR} and f.kind = d.kind and f.version = 1
    cross join lateral (select abs(hashtext(d.organisation_id::text)::bigint) as h) x
    cross join lateral (select case when x.h % 10 = 0 then null
                                    else ${`${YEAR}-12-15T23:59:59+07:00`}::timestamptz - ((x.h % 60) - 8) * interval '1 day' end as at) s
    where x.h % 5 <> 4`);
  await db.execute(sql`analyze annual_updates`);
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from annual_updates where year = ${YEAR}`);
  return row!.n;
}

const { database, env } = await openBenchDatabase();
await migrateDatabase(database);
await loadReferenceData(database.db);
const built = await buildNationalDataset(database.db, { total: quick ? 7_000 : 35_000 });
const filed = await fileUpdates(database);
const [largest] = await queryRows<{ tenant_id: number; n: number }>(database.db, sql`select tenant_id, count(*)::int as n from organisations group by tenant_id order by 2 desc, 1 limit 1`);
const tenantId = largest!.tenant_id;

const results: Result[] = [];
const tenantScope = { scope: { kind: 'tenant' as const, tenantId } };
const national = { scope: { kind: 'national' as const } };
const one = await computeCompliance(database.db, tenantScope, YEAR);
const all = await computeCompliance(database.db, national, YEAR);
const inTenant = await timeEach(times, () => computeCompliance(database.db, tenantScope, YEAR));
const inNation = await timeEach(times, () => computeCompliance(database.db, national, YEAR));
results.push({ name: 'updates_status_ms', value: round(percentile(inTenant, 50)), unit: 'ms', note: `alliance ${tenantId} (${one.due} due), in process; p95 ${round(percentile(inTenant, 95))} ms` });
results.push({ name: 'updates_status_national_ms', value: round(percentile(inNation, 50)), unit: 'ms', note: `34 alliances (${all.due} due), in process; p95 ${round(percentile(inNation, 95))} ms` });
await database.close();

const args = ['updates', 'status', '--year', String(YEAR), '--json'];
const run = async (extra: string[], expectedDue: number) => {
  const out = await runCoop([...args, ...extra], env);
  if (out.code !== 0) throw new Error(`coop ${[...args, ...extra].join(' ')}: ${out.stderr}`);
  const due = JSON.parse(out.stdout).due;
  if (due !== expectedDue) throw new Error(`coop updates status counted ${due} due, in process ${expectedDue}`);
};
const processTenant = await timeEach(times, () => run(['--tenant', String(tenantId)], one.due));
const processNation = await timeEach(times, () => run(['--national'], all.due));
results.push({ name: 'updates_status_process_ms', value: round(percentile(processTenant, 50)), unit: 'ms', note: `coop ${args.join(' ')} --tenant ${tenantId}: spawn to exit; p95 ${round(percentile(processTenant, 95))} ms` });
results.push({ name: 'updates_status_national_process_ms', value: round(percentile(processNation, 50)), unit: 'ms', note: `coop ${args.join(' ')} --national: spawn to exit; p95 ${round(percentile(processNation, 95))} ms` });
const idle = await timeEach(times, async () => {
  const out = await runCoop(['--help'], env);
  if (out.code !== 0) throw new Error(out.stderr);
});
results.push({ name: 'coop_help_process_ms', value: round(percentile(idle, 50)), unit: 'ms', note: 'coop --help: what starting Node and tsx costs, no database' });
rmSync(dir, { recursive: true, force: true });

process.stdout.write(`${process.env.DATABASE_URL ? 'postgres' : 'pglite'}: ${built.organisations} organisations in ${built.tenants} alliances, ${filed} updates of ${YEAR}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
for (const r of results) process.stdout.write(`${r.name.padEnd(36)} ${String(r.value).padStart(9)} ${r.unit}  ${r.note ?? ''}\n`);
process.exit(0);
