/**
 * The difficulties report (issue 14: ≤ 300 ms for 20,000 difficulties over 5 years): `npx tsx bench/requests.ts`,
 * on PostgreSQL when DATABASE_URL is set (database coop_bench_requests, dropped first), else on an embedded data
 * directory in a temporary folder. Builds the demo province (the one `npm start` loads), 30 agencies, and 20,000
 * difficulties raised 2022–2026 (the last year up to 2 December): a quarter answered directly, about 40 % grouped
 * three by three into recommendations forwarded by letter, four in five letters answered; nine in ten of a past
 * year's closed (some 20 to 220 days after they were raised), half of this year's. Then
 * the maintenance `npm start` would run (on the embedded engine the maintainer's first pass; on PostgreSQL nothing:
 * autovacuum's business), and times computeRequestsReport in process, `--runs` times (default 15) after one warm-up:
 *   - requests_report_current_ms: the current year (as of today: 2026);
 *   - requests_report_past_ms: a past year (2024, as of 31/12/2024).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/db/client.ts';
import { maintainChangedTables } from '../src/db/maintenance.ts';
import { generateDemoProvince } from '../src/server/modules/demo/demo.generator.ts';
import { seededRandom } from '../src/server/modules/demo/random.ts';
import { agencies, agencyAnswerRecommendations, agencyAnswers, difficulties, recommendations } from '../src/server/modules/difficulties/difficulties.sql.ts';
import { DIFFICULTY_CATEGORIES } from '../src/server/modules/difficulties/public-difficulties.words.ts';
import { computeRequestsReport } from '../src/server/modules/difficulties/requests-report.ts';
import { DEFAULT_ALLIANCE, ensureAlliance, loadReferenceData } from '../src/server/modules/tenants/tenants.service.ts';
import { percentile, round, timeEach, type Result } from './measure.ts';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 15;
const TOTAL = 20_000;
const YEARS = [2022, 2023, 2024, 2025, 2026];
const TODAY = '2026-12-02';
const tenantId = DEFAULT_ALLIANCE.id;
const dir = mkdtempSync(path.join(os.tmpdir(), 'coop-bench-requests-'));

async function openBenchDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openDatabase({ dataDir: path.join(dir, 'data'), holder: 'bench/requests' });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists coop_bench_requests with (force)');
  await admin.query('create database coop_bench_requests');
  await admin.end();
  const u = new URL(url);
  u.pathname = '/coop_bench_requests';
  return openDatabase({ databaseUrl: u.toString() });
}

const day = (iso: string, plus: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
const min = (a: string, b: string) => (a < b ? a : b);

async function insertBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

/** The 20,000 difficulties with their recommendations, letters and answers; returns how many of each. */
async function buildRequests(database: Database) {
  const db = database.db;
  const r = seededRandom(14);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r.next() * xs.length)]!;
  const orgIds = (await queryRows<{ id: string }>(db, sql`select id from organisations where tenant_id = ${tenantId}`)).map((o) => o.id);
  const agencyRows = Array.from({ length: 30 }, (_, i) => ({ tenantId, name: `Cơ quan ${i + 1}`, kind: i < 20 ? 'department' : i < 25 ? 'commune_committee' : 'bank' }));
  const agencyIds = (await db.insert(agencies).values(agencyRows).returning({ id: agencies.id })).map((a) => a.id);

  type Diff = typeof difficulties.$inferInsert;
  const diffs: Diff[] = [];
  const recs: (typeof recommendations.$inferInsert & { members: number[] })[] = [];
  let open: { rec: (typeof recs)[number]; left: number } | undefined;
  for (let i = 0; i < TOTAL; i++) {
    const year = YEARS[i % YEARS.length]!;
    const last = year === 2026 ? TODAY : `${year}-12-31`;
    const raisedOn = min(day(`${year}-01-01`, Math.floor(r.next() * 365)), last);
    const d: Diff = {
      tenantId,
      year,
      seq: Math.floor(i / YEARS.length) + 1,
      organisationId: pick(orgIds),
      raisedOn,
      channel: pick(['online', 'conference', 'visit', 'phone', 'staff']),
      category: pick(DIFFICULTY_CATEGORIES),
      title: `Khó khăn ${i + 1}`,
      description: 'Mô tả khó khăn của hợp tác xã.',
      publicConsent: pick(['no', 'anonymous', 'named']),
      state: 'received',
      dueOn: day(raisedOn, 14),
    };
    const fate = r.next();
    if (fate < 0.25) {
      d.directAnswer = 'Liên minh đã trả lời.';
      d.answeredOn = min(day(raisedOn, 3 + Math.floor(r.next() * 20)), TODAY);
      d.state = 'answered';
    } else if (fate < 0.65) {
      if (!open || open.left === 0 || open.rec.letterYear !== year) {
        const letterDate = min(day(raisedOn, 2 + Math.floor(r.next() * 10)), TODAY);
        const rec = { tenantId, subject: `Kiến nghị ${recs.length + 1}`, category: d.category, agencyId: pick(agencyIds), state: 'forwarded', letterYear: year, letterSeq: recs.length + 1, letterNumber: `${recs.length + 1}/LMHTX-VP`, letterDate, dueOn: day(letterDate, 21), members: [] as number[] };
        recs.push(rec);
        open = { rec, left: 3 };
      }
      open.rec.members.push(diffs.length);
      open.left -= 1;
      d.dueOn = open.rec.dueOn;
      d.state = 'forwarded';
    } else if (fate < 0.75) d.state = 'handling';
    // Most of a past year's are closed by now; this year's about half.
    if (r.next() < (year < 2026 ? 0.9 : 0.5)) {
      const closedOn = day(raisedOn, 20 + Math.floor(r.next() * 200));
      if (closedOn <= TODAY) Object.assign(d, { state: 'closed', closedOn, outcome: pick(['resolved', 'resolved', 'not_resolved', 'rejected']) });
    }
    diffs.push(d);
  }
  const recIds: string[] = [];
  await insertBatches(recs, async (batch) => recIds.push(...(await db.insert(recommendations).values(batch.map(({ members: _, ...rec }) => rec)).returning({ id: recommendations.id })).map((x) => x.id)));
  recs.forEach((rec, i) => rec.members.forEach((m) => (diffs[m]!.recommendationId = recIds[i])));
  await insertBatches(diffs, (batch) => db.insert(difficulties).values(batch));

  const answers: (typeof agencyAnswers.$inferInsert)[] = [];
  const answeredRecs: string[] = [];
  recs.forEach((rec, i) => {
    if (r.next() >= 0.8) return;
    const letterDate = day(rec.letterDate!, 3 + Math.floor(r.next() * 40));
    if (letterDate > TODAY) return;
    answers.push({ tenantId, agencyId: rec.agencyId!, letterNumber: `${i + 1}/CQ`, letterDate, receivedOn: min(day(letterDate, 2), TODAY), content: 'Cơ quan đã trả lời.' });
    answeredRecs.push(recIds[i]!);
  });
  const answerIds: string[] = [];
  await insertBatches(answers, async (batch) => answerIds.push(...(await db.insert(agencyAnswers).values(batch).returning({ id: agencyAnswers.id })).map((x) => x.id)));
  await insertBatches(
    answerIds.map((answerId, i) => ({ tenantId, answerId, recommendationId: answeredRecs[i]! })),
    (batch) => db.insert(agencyAnswerRecommendations).values(batch),
  );
  return { organisations: orgIds.length, difficulties: diffs.length, recommendations: recs.length, answers: answers.length };
}

const database = await openBenchDatabase();
await migrateDatabase(database);
await loadReferenceData(database.db);
await ensureAlliance(database.db, DEFAULT_ALLIANCE);
await generateDemoProvince(database.db, { tenantId });
const built = await buildRequests(database);
// What `npm start` does next: on the embedded engine its maintainer's first pass (the thresholds of autovacuum,
// after a restart); on PostgreSQL nothing (autovacuum's own business, whenever it wakes).
const maintained = database.engine === 'pglite' ? await maintainChangedTables(database.exec, { afterRestart: true }) : undefined;

const scope = { kind: 'tenant' as const, tenantId };
const results: Result[] = [];
for (const [name, year] of [['requests_report_current_ms', 2026], ['requests_report_past_ms', 2024]] as const) {
  const report = await computeRequestsReport(database.db, scope, year, TODAY);
  // The embedded engine runs in this process: its CPU time is the report's cost whatever else the machine runs.
  const cpu: number[] = [];
  const times = await timeEach(runs, async () => {
    const before = process.cpuUsage();
    await computeRequestsReport(database.db, scope, year, TODAY);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  });
  const cpuNote = database.engine === 'pglite' ? `; CPU of the process p50 ${round(percentile(cpu, 50))} ms, p95 ${round(percentile(cpu, 95))} ms` : '';
  results.push({
    name,
    value: round(percentile(times, 50)),
    unit: 'ms',
    note: `p95 ${round(percentile(times, 95))} ms over ${runs} runs${cpuNote}; year ${year}: ${report.received} received, ${report.carriedOver} carried over, ${report.overdue} overdue, ${report.byAgency.length} agencies`,
  });
}
if (database.engine === 'postgres') {
  // The same once autovacuum has analysed the tables (it wakes within a minute of the load).
  await database.exec('analyze');
  const times = await timeEach(runs, () => computeRequestsReport(database.db, scope, 2026, TODAY));
  results.push({ name: 'requests_report_current_analyzed_ms', value: round(percentile(times, 50)), unit: 'ms', note: `p95 ${round(percentile(times, 95))} ms over ${runs} runs, after ANALYZE` });
}
await database.close();
rmSync(dir, { recursive: true, force: true });

process.stdout.write(
  `${process.env.DATABASE_URL ? 'postgres' : 'pglite'}: ${built.difficulties} difficulties, ${built.recommendations} letters, ${built.answers} answers, ${built.organisations} organisations` +
    `${maintained ? `; maintenance ${maintained.tables.filter((t) => t.analyzed).length} tables analysed in ${maintained.ms} ms` : ''}` +
    `; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`,
);
for (const r of results) process.stdout.write(`${r.name.padEnd(30)} ${String(r.value).padStart(9)} ${r.unit}  ${r.note ?? ''}\n`);
process.exit(0);
