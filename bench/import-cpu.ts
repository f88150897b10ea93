import { readFileSync } from 'node:fs';
// The import alone, CPU as well as wall time (issue 17): `npx tsx bench/import-cpu.ts 35000`, with DATABASE_URL for
// PostgreSQL (database coop_bench_import_cpu, dropped first; its backends' CPU read from /proc on this machine).
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/db/client.ts';
import { systemActor } from '../src/server/modules/accounts/roles.ts';
import { importCooperatives } from '../src/server/modules/imports/import.service.ts';
import { readRegistryTable } from '../src/server/modules/imports/parse-workbook.ts';
import { generatedRegistry } from '../src/server/modules/imports/test-files.ts';
import { loadReferenceData, ensureAlliance } from '../src/server/modules/tenants/tenants.service.ts';
const n = Number(process.argv[2] ?? 5000);
let database: Database;
if (process.env.DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL }); await admin.connect();
  await admin.query('drop database if exists coop_bench_import_cpu with (force)'); await admin.query('create database coop_bench_import_cpu'); await admin.end();
  const u = new URL(process.env.DATABASE_URL); u.pathname = '/coop_bench_import_cpu';
  database = await openDatabase({ databaseUrl: u.toString() });
} else database = await openDatabase({ inMemory: true });
await migrateDatabase(database); await loadReferenceData(database.db);
await ensureAlliance(database.db, { id: 24, provinceCode: '24', name: 'LM 24' });
const file = await generatedRegistry(n);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
// CPU of every PostgreSQL backend of this database (same machine), ms
async function backendCpu() {
  if (!process.env.DATABASE_URL) return 0;
  const pids = await queryRows<{ pid: number }>(database.db, sql`select pid from pg_stat_activity where datname = current_database()`);
  let total = 0;
  for (const { pid } of pids) { try { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); total += (Number(f[11]) + Number(f[12])) * 10; } catch { /* a backend that has gone */ } }
  return total;
}
let t = performance.now(); let c = cpu();
await readRegistryTable('b.xlsx', file); console.log('read', Math.round(performance.now() - t), 'cpu', Math.round(cpu() - c));
const b0 = await backendCpu();
t = performance.now(); c = cpu();
const r = await importCooperatives(database.db, { actor: systemActor(24), tenantId: 24, fileName: 'b.xlsx', content: file, dryRun: false });
const ms = performance.now() - t; const nodeCpu = cpu() - c; const pgCpu = (await backendCpu()) - b0;
console.log(JSON.stringify({ rows: n, wallMs: Math.round(ms), nodeCpuMs: Math.round(nodeCpu), pgCpuMs: pgCpu, rowsPerWallS: Math.round(n / (ms / 1000)), rowsPerCpuS: Math.round(n / ((nodeCpu + pgCpu) / 1000)), imported: r.imported }));
await database.close(); process.exit(0);
