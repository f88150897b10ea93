/**
 * The national dashboard and the portal's figures at national scale, over HTTP, counted (cache empty or just
 * missed) and cached (decision 005): `npx tsx bench/reports.ts [--quick]`, on PostgreSQL when DATABASE_URL is
 * set. The same measures are part of `npm run bench` (bench/report-cache.ts); this runs them alone, in minutes.
 */
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { sessions, users } from '../src/server/modules/accounts/accounts.sql.ts';
import { buildDashboard } from '../src/server/modules/reports/dashboard.service.ts';
import { loadReferenceData } from '../src/server/modules/tenants/tenants.service.ts';
import { buildNationalDataset } from './national-dataset.ts';
import { benchReportCache } from './report-cache.ts';
import { percentile, round, timeEach, type Result } from './measure.ts';

const quick = process.argv.includes('--quick');

async function openBenchDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ inMemory: true });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists coop_bench_reports with (force)');
  await admin.query('create database coop_bench_reports');
  await admin.end();
  const u = new URL(url);
  u.pathname = '/coop_bench_reports';
  return openDatabase({ databaseUrl: u.toString() });
}

const database = await openBenchDatabase();
await migrateDatabase(database);
await loadReferenceData(database.db);
const built = await buildNationalDataset(database.db, { total: quick ? 7_000 : 35_000 });
const app = await buildApp({ config: loadConfig({ ...process.env, LOG_LEVEL: 'silent', TRUST_PROXY: 'true' }), database, logger: false, webRoot: '/nonexistent' });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const [viewer] = await database.db.insert(users).values({ email: 'bench@coop', passwordHash: 'x', role: 'national_viewer' }).returning();
const token = randomBytes(32).toString('base64url');
await database.db.insert(sessions).values({ id: createHash('sha256').update(token).digest('hex'), userId: viewer!.id, expiresAt: new Date(Date.now() + 3_600_000) });

const times = quick ? 3 : 10;
const results: Result[] = [];
const direct = await timeEach(times, () => buildDashboard(database.db, { kind: 'national' }, { year: 2023 } as Parameters<typeof buildDashboard>[2]));
results.push({ name: 'dashboard_national_ms', value: round(percentile(direct, 50)), unit: 'ms', note: `buildDashboard counted from scratch, no HTTP; p95 ${round(percentile(direct, 95))} ms` });
results.push(...(await benchReportCache(database.db, { base, cookie: `coop_session=${token}`, tenantId: 24, times })));
await app.close();
await database.close();

process.stdout.write(`${process.env.DATABASE_URL ? 'postgres' : 'pglite'}: ${built.organisations} organisations in ${built.tenants} alliances; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
for (const r of results) process.stdout.write(`${r.name.padEnd(36)} ${String(r.value).padStart(9)} ${r.unit}  ${r.note ?? ''}\n`);
process.exit(0);
