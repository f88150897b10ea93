/**
 * Benchmarks at national scale (see bench/README.md). `npm run bench [-- --quick] [-- --json]`; on PostgreSQL
 * when DATABASE_URL is set, else on PGlite. Figures are printed and written to bench/results/, never asserted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import Fastify from 'fastify';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { sessions, users } from '../src/server/modules/accounts/accounts.sql.ts';
import { systemActor, type Actor } from '../src/server/modules/accounts/roles.ts';
import { findOrganisations, findPublicDirectory } from '../src/server/modules/cooperatives/cooperatives.search.ts';
import { importCooperatives } from '../src/server/modules/imports/import.service.ts';
import { generatedRegistry } from '../src/server/modules/imports/test-files.ts';
import { computeAnnualReport } from '../src/server/modules/reports/annual-report.service.ts';
import { buildDashboard } from '../src/server/modules/reports/dashboard.service.ts';
import { loadReferenceData } from '../src/server/modules/tenants/tenants.service.ts';
import { SearchQuery } from '../src/shared/organisation.ts';
import { buildNationalDataset, searchTerms } from './national-dataset.ts';
import { buildLoans } from './loans-dataset.ts';
import { benchDashboardQueries } from './dashboard-queries.ts';
import { benchReportCache } from './report-cache.ts';
import { benchDemoAsLoaded } from './db-holds.ts';
import { getPortfolio } from '../src/server/modules/loans/portfolio.service.ts';
import { peakMemory, percentile, ratio, round, throughput, timeEach, type Result } from './measure.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const json = args.has('--json');
const log = (s: string) => (json ? process.stderr : process.stdout).write(`${s}\n`);
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

async function openBenchDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ inMemory: true });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists coop_bench with (force)');
  await admin.query('create database coop_bench');
  await admin.end();
  const u = new URL(url);
  u.pathname = '/coop_bench';
  return openDatabase({ databaseUrl: u.toString() });
}

async function signInNationalViewer(database: Database): Promise<{ cookie: string; actor: Actor }> {
  const [viewer] = await database.db.insert(users).values({ email: 'bench@coop', passwordHash: 'x', role: 'national_viewer' }).returning();
  const token = randomBytes(32).toString('base64url');
  await database.db.insert(sessions).values({ id: createHash('sha256').update(token).digest('hex'), userId: viewer!.id, expiresAt: new Date(Date.now() + 3_600_000) });
  return { cookie: `coop_session=${token}`, actor: { kind: 'user', userId: viewer!.id, email: 'bench@coop', role: 'national_viewer', tenantId: null, organisationId: null, communeCode: null } };
}

async function benchImport(database: Database, rows: number): Promise<Result> {
  const tenantId = 24; // last step: the new rows (prefix 25) land beside the alliance's own
  const file = await generatedRegistry(rows);
  const [seconds] = await timeEach(1, () => importCooperatives(database.db, { actor: systemActor(tenantId), tenantId, fileName: 'bench.xlsx', content: file, dryRun: false }));
  // Baseline: the same number of rows written straight through the driver with multi-row INSERTs.
  await database.exec('create temporary table bench_rows (tenant_id int, name text, registration_number text, search_text text, charter_capital_vnd bigint, founded_on date)');
  const [baselineMs] = await timeEach(1, async () => {
    for (let start = 0; start < rows; start += 500) {
      const values = Array.from({ length: Math.min(500, rows - start) }, (_, i) => sql`(${tenantId}, ${`HTX ${start + i}`}, ${String(start + i)}, ${`htx ${start + i}`}, ${1_000_000}, ${'2020-01-01'})`);
      await database.db.execute(sql`insert into bench_rows values ${sql.join(values, sql`, `)}`);
    }
  });
  const value = round(rows / (seconds! / 1000));
  const baseline = round(rows / (baselineMs! / 1000));
  return { name: 'import_rows_per_s', value, unit: 'rows/s', baseline, ratio: ratio(baseline, value), note: `${rows}-row .xlsx through importCooperatives; baseline: plain INSERTs of the same row count (ratio = baseline/value)` };
}

async function main() {
  const results: Result[] = [];
  // The demo province as `npm start` and an import leave it (never analysed: PGlite runs no autovacuum), then
  // after `coop db maintain`; everything below runs on a dataset analysed once it is built.
  results.push(...(await benchDemoAsLoaded({ rounds: quick ? 1 : 5 })));
  const database = await openBenchDatabase();
  await migrateDatabase(database);
  await loadReferenceData(database.db);
  // Quick (CI): a fifth of the country, to check that every benchmark runs; the figures are a full run's.
  const built = await peakMemory(() => buildNationalDataset(database.db, { total: quick ? 7_000 : 35_000 }));
  const loanCount = quick ? 340 : 5_000;
  const loanStart = performance.now();
  const { loans } = await buildLoans(database.db, { count: loanCount });
  log(`dataset: ${built.result.organisations} organisations in ${built.result.tenants} tenants, ${loans} loans (${Math.round((performance.now() - loanStart) / 1000)} s)`);

  // Behind a proxy as in production: the report benchmarks come from many clients (the portal's limit is per client).
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', TRUST_PROXY: 'true' });
  const app = await buildApp({ config, database, logger: false, webRoot: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { cookie, actor } = await signInNationalViewer(database);
  const staffTenant = 24;
  const staff: Actor = { kind: 'user', userId: null, email: 'staff@bench', role: 'alliance_staff', tenantId: staffTenant, organisationId: null, communeCode: null };
  const [staffUser] = await database.db.insert(users).values({ email: 'staff@bench', passwordHash: 'x', role: 'alliance_staff', tenantId: staffTenant }).returning();
  const staffToken = randomBytes(32).toString('base64url');
  await database.db.insert(sessions).values({ id: createHash('sha256').update(staffToken).digest('hex'), userId: staffUser!.id, expiresAt: new Date(Date.now() + 3_600_000) });
  const staffCookie = `coop_session=${staffToken}`;

  const terms = searchTerms();
  const rounds = quick ? 4 : 20;
  for (const [who, c, a] of [['staff', staffCookie, staff], ['national', cookie, actor]] as const) {
    const http: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < rounds; i++) {
      for (const q of terms) {
        http.push(...(await timeEach(1, async () => (await fetch(`${base}/api/cooperatives?q=${encodeURIComponent(q)}`, { headers: { cookie: c } })).json())));
        direct.push(...(await timeEach(1, () => findOrganisations(database.db, { actor: a, query: SearchQuery.parse({ q }) }))));
      }
    }
    const suffix = who === 'staff' ? '' : '_national';
    results.push({ name: `search_p50_ms${suffix}`, value: round(percentile(http, 50)), unit: 'ms', baseline: round(percentile(direct, 50)), ratio: ratio(percentile(http, 50), percentile(direct, 50)) });
    results.push({ name: `search_p95_ms${suffix}`, value: round(percentile(http, 95)), unit: 'ms', baseline: round(percentile(direct, 95)), ratio: ratio(percentile(http, 95), percentile(direct, 95)), note: `${who === 'staff' ? 'an alliance’s staff' : 'national_viewer'}, ${http.length} searches over ${built.result.organisations} organisations; baseline: the same service call without HTTP` });
  }

  const tenantScope = { kind: 'tenant' as const, tenantId: staffTenant };
  const reportTimes = await timeEach(quick ? 3 : 10, () => computeAnnualReport(database.db, { scope: tenantScope, year: 2023, asOf: '2023-12-31' }));
  const countBaseline = await timeEach(quick ? 3 : 10, () => queryRows(database.db, sql`select sector_code, count(*) from organisations where tenant_id = ${staffTenant} and founded_on <= '2023-12-31' group by 1`));
  results.push({ name: 'annual_report_ms', value: round(percentile(reportTimes, 50)), unit: 'ms', baseline: round(percentile(countBaseline, 50)), ratio: ratio(percentile(reportTimes, 50), percentile(countBaseline, 50)), note: 'one alliance; baseline: a single GROUP BY count of the same rows' });
  const dashboardTimes = await timeEach(quick ? 3 : 10, () => buildDashboard(database.db, tenantScope, { year: 2023 } as Parameters<typeof buildDashboard>[2]));
  results.push({ name: 'dashboard_ms', value: round(percentile(dashboardTimes, 50)), unit: 'ms', baseline: round(percentile(countBaseline, 50)), ratio: ratio(percentile(dashboardTimes, 50), percentile(countBaseline, 50)), note: 'every query the dashboard draws (incl. ten-year trend), one alliance' });
  results.push(...(await benchDashboardQueries(database.db, staffTenant, quick ? 3 : 10)));
  results.push(...(await benchReportCache(database.db, { base, cookie, tenantId: staffTenant, times: quick ? 3 : 10 })));

  const fundOfficer: Actor = { ...staff, role: 'fund_officer' };
  const portfolioTimes = await timeEach(quick ? 3 : 10, () => getPortfolio(database.db, { actor: fundOfficer, asOf: '2025-06-30' }));
  const portfolioNational = await timeEach(quick ? 2 : 5, () => getPortfolio(database.db, { actor, asOf: '2025-06-30' }));
  results.push({ name: 'portfolio_ms', value: round(percentile(portfolioTimes, 50)), unit: 'ms', note: `one alliance's loans as of a date (${Math.round(loans / built.result.tenants)} loans)` });
  results.push({ name: 'portfolio_national_ms', value: round(percentile(portfolioNational, 50)), unit: 'ms', note: `all ${loans} loans, national viewer` });

  // HTTP throughput, beside a bare Fastify route returning the same JSON.
  const sample = await findOrganisations(database.db, { actor: staff, query: SearchQuery.parse({ q: 'vai thieu' }) });
  const publicSample = await findPublicDirectory(database.db, { tenantId: staffTenant, query: SearchQuery.parse({ q: 'vai thieu' }) });
  const bare = Fastify();
  bare.get('/search', async () => sample);
  bare.get('/public', async () => publicSample);
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareAddress = bare.server.address();
  const bareBase = `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}`;
  const seconds = quick ? 3 : 20;
  const served = await peakMemory(async () => {
    const api = await throughput(`${base}/api/cooperatives?q=vai%20thieu`, { connections: 50, seconds, headers: { cookie: staffCookie } });
    const pub = await throughput(`${base}/api/public/directory?tenant=${staffTenant}&q=vai%20thieu`, { connections: 50, seconds });
    return { api, pub };
  });
  const bareSearch = await throughput(`${bareBase}/search`, { connections: 50, seconds });
  const barePublic = await throughput(`${bareBase}/public`, { connections: 50, seconds });
  await bare.close();
  results.push({ name: 'api_search_rps', value: served.result.api.rps, unit: 'req/s', baseline: bareSearch.rps, ratio: ratio(bareSearch.rps, served.result.api.rps), note: `autocannon 50 connections ${seconds} s, errors ${served.result.api.errors}; baseline: bare Fastify route, same JSON (ratio = baseline/value)` });
  results.push({ name: 'api_public_directory_rps', value: served.result.pub.rps, unit: 'req/s', baseline: barePublic.rps, ratio: ratio(barePublic.rps, served.result.pub.rps), note: `errors ${served.result.pub.errors}` });
  results.push({ name: 'server_peak_rss_mib', value: served.peakMiB, unit: 'MiB', note: 'server and database in one process, under load' });
  await app.close();

  results.push(await benchImport(database, quick ? 5_000 : 30_000));
  results.push({ name: 'dataset_build_peak_rss_mib', value: built.peakMiB, unit: 'MiB' });
  await database.close();

  const output = { engine, quick, machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, date: new Date().toISOString(), dataset: { ...built.result, loans }, results };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${engine}${quick ? '-quick' : ''}.json`, `${JSON.stringify(output, null, 2)}\n`);
  if (json) process.stdout.write(`${JSON.stringify({ engine, results })}\n`);
  else for (const r of results) log(`${r.name.padEnd(28)} ${String(r.value).padStart(10)} ${r.unit.padEnd(6)} ${r.baseline !== undefined ? `baseline ${r.baseline}, ratio ${r.ratio}` : ''}`);
}

await main();
process.exit(0);
