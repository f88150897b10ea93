/**
 * Issue 17 at full size: one alliance whose registry workbook of 35,000 organisations is loaded by `coop import`
 * (importCooperatives, the .xlsx as the alliances write it), then, on the database exactly as that import leaves
 * it: the dashboard cold and its breakdowns, the registry search (single client and 50 connections), the public
 * directory under the same load, and pages of 50 in name order.
 *
 *   npm run bench:national                         # PGlite, 35,000 rows
 *   DATABASE_URL=postgres://… npm run bench:national  # PostgreSQL (database coop_bench_national, dropped first)
 *   npm run bench:national -- --rows=5000          # another size
 *   npm run bench:national -- --growth             # import only: 5,000 / 35,000 / 100,000 rows → seconds
 *   … -- --seconds=5                                # shorter autocannon runs (default 20 s)
 *
 * Times are wall clock; the import also reports the CPU of this process and (PostgreSQL on the same machine)
 * of the database's backends, which moves less than wall time when the machine is shared.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { sessions, users } from '../src/server/modules/accounts/accounts.sql.ts';
import { systemActor } from '../src/server/modules/accounts/roles.ts';
import { buildDemoRows } from '../src/server/modules/demo/demo.generator.ts';
import { importCooperatives } from '../src/server/modules/imports/import.service.ts';
import { registrationNumberAt } from '../src/server/modules/imports/test-files.ts';
import { aggregateYear } from '../src/server/modules/reports/annual-report.service.ts';
import { forgetCachedReports } from '../src/server/modules/reports/report-cache.ts';
import { ensureAlliance, loadReferenceData } from '../src/server/modules/tenants/tenants.service.ts';
import { STATUS_LABELS } from '../src/shared/organisation.ts';
import { sectors } from '../src/server/modules/cooperatives/sectors.sql.ts';
import { communesOf, searchTerms } from './national-dataset.ts';
import { percentile, round, throughput, timeEach, type Result } from './measure.ts';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const rowsWanted = Number(option('rows') ?? 35_000);
const seconds = Number(option('seconds') ?? 20);
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const TENANT = 24; // Bắc Ninh (2025), whose communes the workbook names
const log = (s: string) => process.stdout.write(`${s}\n`);

async function freshDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  let database: Database;
  if (!url) database = await openDatabase({ inMemory: true });
  else {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('drop database if exists coop_bench_national with (force)');
    await admin.query('create database coop_bench_national');
    await admin.end();
    const u = new URL(url);
    u.pathname = '/coop_bench_national';
    database = await openDatabase({ databaseUrl: u.toString() });
  }
  await migrateDatabase(database);
  await loadReferenceData(database.db);
  await ensureAlliance(database.db, { id: TENANT, provinceCode: String(TENANT), name: 'Liên minh HTX tỉnh Bắc Ninh' });
  return database;
}

const HEADINGS = ['STT', 'Tên HTX', 'Loại hình', 'Mã số HTX', 'Xã/Phường', 'Huyện/TP', 'Lĩnh vực hoạt động', 'Ngày thành lập', 'Vốn điều lệ (triệu đồng)', 'Số thành viên', 'Tình trạng', 'Ngày giải thể'];
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** The alliance's own workbook: the demo generator's organisations in the province's communes, numbered afresh. */
async function registryWorkbook(database: Database, count: number): Promise<Buffer> {
  const communes = await communesOf(database.db, String(TENANT));
  const sectorName = new Map((await database.db.select().from(sectors)).map((s) => [s.code, s.name]));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách HTX');
  sheet.addRow(['DANH SÁCH HỢP TÁC XÃ, LIÊN HIỆP HỢP TÁC XÃ TRÊN ĐỊA BÀN TỈNH']);
  sheet.addRow([]);
  sheet.addRow(HEADINGS);
  sheet.addRow(HEADINGS.map((_, i) => `(${i + 1})`));
  let n = 0;
  for (let seed = 1; n < count; seed++) {
    for (const row of buildDemoRows(communes, seed)) {
      if (n >= count) break;
      sheet.addRow([
        n + 1,
        row.name,
        row.kind,
        registrationNumberAt(n, '27'),
        row.registeredCommune,
        row.registeredDistrict,
        sectorName.get(row.sectorCode) ?? row.sectorCode,
        dmy(row.foundedOn),
        Number(BigInt(row.charterCapitalVnd ?? '0') / 1_000_000n),
        row.membersOfficial,
        STATUS_LABELS[row.status as keyof typeof STATUS_LABELS] ?? row.status,
        row.dissolvedOn ? dmy(row.dissolvedOn) : null,
      ]);
      n += 1;
    }
  }
  sheet.addRow([]);
  sheet.addRow([null, 'Người lập biểu', null, null, null, null, null, null, null, 'Chánh Văn phòng']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU time (ms) of the database's backends, read from /proc (PostgreSQL on this machine); 0 on PGlite. */
async function backendCpuMs(database: Database): Promise<number> {
  if (!process.env.DATABASE_URL) return 0;
  const backends = await queryRows<{ pid: number }>(database.db, sql`select pid from pg_stat_activity where datname = current_database()`);
  let total = 0;
  for (const { pid } of backends) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
    } catch {
      // a backend that has gone
    }
  }
  return total;
}

type ImportFigures = { rows: number; seconds: number; rowsPerSecond: number; processCpuS: number; databaseCpuS: number; warnings: number };

async function timeImport(database: Database, rows: number): Promise<ImportFigures> {
  const file = await registryWorkbook(database, rows);
  const cpu = cpuMs();
  const backend = await backendCpuMs(database);
  const start = performance.now();
  const report = await importCooperatives(database.db, { actor: systemActor(TENANT), tenantId: TENANT, fileName: 'danh-sach-htx.xlsx', content: file, dryRun: false });
  const ms = performance.now() - start;
  if (report.imported !== rows) throw new Error(`imported ${report.imported} of ${rows} (${report.rejected.length} rejected, ${report.duplicates.length} duplicates)`);
  return {
    rows,
    seconds: round(ms / 1000),
    rowsPerSecond: Math.round(rows / (ms / 1000)),
    processCpuS: round((cpuMs() - cpu) / 1000),
    databaseCpuS: round(((await backendCpuMs(database)) - backend) / 1000),
    warnings: report.warnings.length,
  };
}

async function staffCookie(database: Database): Promise<string> {
  const [staff] = await database.db.insert(users).values({ email: 'staff@bench', passwordHash: 'x', role: 'alliance_staff', tenantId: TENANT }).returning();
  const token = randomBytes(32).toString('base64url');
  await database.db.insert(sessions).values({ id: createHash('sha256').update(token).digest('hex'), userId: staff!.id, expiresAt: new Date(Date.now() + 3_600_000) });
  return `coop_session=${token}`;
}

const ms = (name: string, values: number[], note: string): Result[] => [
  { name: `${name}_p50_ms`, value: round(percentile(values, 50)), unit: 'ms', note },
  { name: `${name}_p95_ms`, value: round(percentile(values, 95)), unit: 'ms', note },
];

async function growth() {
  const table: ImportFigures[] = [];
  for (const rows of [5_000, 35_000, 100_000]) {
    const database = await freshDatabase();
    const figures = await timeImport(database, rows);
    log(JSON.stringify(figures));
    table.push(figures);
    await database.close();
  }
  return table;
}

async function fullSize(): Promise<Result[]> {
  const results: Result[] = [];
  const database = await freshDatabase();
  const load = await timeImport(database, rowsWanted);
  log(`import: ${JSON.stringify(load)}`);
  results.push({ name: 'import_rows_per_s', value: load.rowsPerSecond, unit: 'rows/s', note: `${rowsWanted}-row .xlsx into an empty alliance: ${load.seconds} s wall, ${load.processCpuS} s CPU of the process, ${load.databaseCpuS} s of the database's backends` });

  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', TRUST_PROXY: 'true' });
  const app = await buildApp({ config, database, logger: false, webRoot: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const cookie = await staffCookie(database);
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  // The dashboard, first call (nothing cached), then its breakdowns alone, on the database as the import left it.
  const [cold] = await timeEach(1, () => get('/api/reports/dashboard?year=2025'));
  results.push({ name: 'dashboard_http_cold_ms', value: round(cold!), unit: 'ms', note: `GET /api/reports/dashboard, first call after the import, ${rowsWanted} organisations in the alliance` });
  const breakdowns = await timeEach(10, () => aggregateYear(database.db, { kind: 'tenant', tenantId: TENANT }, 2025, '2025-12-31'));
  results.push(...ms('dashboard_breakdowns', breakdowns, 'every breakdown of the year in one pass, in process'));

  const terms = [...searchTerms(), 'vải thiều', 'hợp tác xã nông nghiệp'];
  // Searches answer from the data-version cache (issue 17): each is timed counted (the cache forgotten before it,
  // as a search nobody made since the last write) and repeated (from memory, after a version read).
  const searches: number[] = [];
  const repeated: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of terms) {
      forgetCachedReports(database.db);
      searches.push(...(await timeEach(1, () => get(`/api/cooperatives?q=${encodeURIComponent(q)}`))));
      repeated.push(...(await timeEach(1, () => get(`/api/cooperatives?q=${encodeURIComponent(q)}`))));
    }
  }
  results.push(...ms('search', searches, `GET /api/cooperatives?q=…, ${searches.length} searches, one client, each counted (cache forgotten)`));
  results.push(...ms('search_repeated', repeated, `the same ${repeated.length} searches again at once, from the data-version cache`));
  const directory: number[] = [];
  for (const q of terms) {
    for (let i = 0; i < 3; i++) {
      forgetCachedReports(database.db);
      directory.push(...(await timeEach(1, () => get(`/api/public/directory?tenant=${TENANT}&q=${encodeURIComponent(q)}`))));
    }
  }
  results.push(...ms('public_directory', directory, `GET /api/public/directory, ${directory.length} searches, one client, each counted`));

  const pages = Math.floor(Math.min(rowsWanted, 1_000) / 50);
  const sorted: number[] = [];
  for (let i = 0; i < 60; i++) sorted.push(...(await timeEach(1, () => get(`/api/cooperatives?sort=${i % 2 ? '-name' : 'name'}&pageSize=50&page=${1 + ((i * 7) % pages)}`))));
  results.push(...ms('sorted_page', sorted, 'a page of 50 in Vietnamese name order (both ways, pages 1–20)'));

  for (const [name, path] of [
    ['api_search', '/api/cooperatives?q=vai%20thieu'],
    ['api_search_accented', `/api/cooperatives?q=${encodeURIComponent('hợp tác xã nông nghiệp')}`],
    ['api_public_directory', `/api/public/directory?tenant=${TENANT}&q=vai%20thieu`],
  ] as const) {
    const load = await throughput(`${base}${path}`, { connections: 50, seconds, headers: { cookie } });
    results.push({ name: `${name}_rps`, value: load.rps, unit: 'req/s', note: `autocannon 50 connections × ${seconds} s, errors ${load.errors}` });
    results.push({ name: `${name}_p99_ms`, value: load.p99, unit: 'ms', note: 'latency under that load' });
  }
  await app.close();
  await database.close();
  return results;
}

const started = new Date().toISOString();
const load = os.loadavg().map((x) => round(x));
const output = args.includes('--growth') ? { growth: await growth() } : { rows: rowsWanted, results: await fullSize() };
const record = { engine, machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, started, loadAverageAtStart: load, loadAverageAtEnd: os.loadavg().map((x) => round(x)), ...output };
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/national-${engine}${args.includes('--growth') ? '-growth' : ''}.json`, `${JSON.stringify(record, null, 2)}\n`);
if ('results' in output && output.results) for (const r of output.results) log(`${r.name.padEnd(30)} ${String(r.value).padStart(10)} ${r.unit}`);
process.exit(0);
