/**
 * The national figures are the alliances' query over every alliance (decision 005), and the dashboard and annual
 * report are answered from a cache keyed by the data version. Here: through the real routes, after random writes,
 * closes, reopens and restores, every answer (cached or not) equals a count from scratch, and the nation's figures
 * are the sum of the alliances' own.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../accounts/roles.ts';
import { seededRandom } from '../demo/random.ts';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { aggregateYear, readAnnualReport, presentPublicReport } from './annual-report.service.ts';
import { closeYearForTenant } from './closing.service.ts';
import { buildDashboard, presentPublicDashboard } from './dashboard.service.ts';
import { setPlanForTenant } from './plans.service.ts';
import { CACHED_ANSWERS, MOVE_ALL_VERSIONS } from './report-cache.ts';
import { queryRows, type TenantScope } from './reports.queries.ts';
import { DashboardQuery } from './reports.schemas.ts';
import { addTestAlliances, edgeCaseSpecs, insertOrganisations, threeCommunes } from './reports.test-support.ts';

let t: TestApp;
let communes: Awaited<ReturnType<typeof threeCommunes>>;
let alliances: number[];
let viewer: string;
let staff: string;
const db = () => t.database.db;
const national: TenantScope = { kind: 'national' };
const QUERIES = [{ year: 2023 }, { year: 2024, kind: 'HTX' as const, sectorGroup: 'agriculture' as const }];
// The portal's rate limit is per client: each request of the test comes from another address.
let requests = 0;
const nextAddress = () => `10.${(requests += 1) >> 16}.${(requests >> 8) & 255}.${requests & 255}`;
const qs = (query: object) => new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
// A live report says when it was computed: the only field a kept answer may differ in.
const withoutTime = (body: unknown) => JSON.parse(JSON.stringify(body, (k, v: unknown) => (k === 'generatedAt' ? undefined : v))) as unknown;

/** Every cached route against the same figures counted from scratch (no cache), each asked twice. */
async function expectEveryAnswerToMatchACountFromScratch(what: string) {
  for (const query of QUERIES) {
    const expected: [string, string | undefined, unknown][] = [
      [`/api/reports/dashboard?${qs(query)}`, viewer, await buildDashboard(db(), national, query)],
      [`/api/reports/dashboard?${qs(query)}`, staff, await buildDashboard(db(), { kind: 'tenant', tenantId: TENANT }, query)],
      [`/api/public/reports/dashboard?${qs({ ...query, tenant: OTHER_TENANT })}`, undefined, presentPublicDashboard(await buildDashboard(db(), { kind: 'tenant', tenantId: OTHER_TENANT }, query))],
      [`/api/reports/annual?year=${query.year}`, viewer, await readAnnualReport(db(), { scope: national, year: query.year })],
      [`/api/reports/annual?year=${query.year}`, staff, await readAnnualReport(db(), { scope: { kind: 'tenant', tenantId: TENANT }, year: query.year })],
      [`/api/public/reports/annual?year=${query.year}&tenant=${TENANT}`, undefined, presentPublicReport(await readAnnualReport(db(), { scope: { kind: 'tenant', tenantId: TENANT }, year: query.year }))],
    ];
    for (const [url, cookie, fromScratch] of expected) {
      for (const time of ['first', 'again']) {
        const res = await t.request({ url, cookie, remoteAddress: nextAddress() });
        expect(res.statusCode, `${what}: ${url} ${res.body.slice(0, 200)}`).toBe(200);
        expect(withoutTime(res.json()), `${what}: ${url} (${time})`).toEqual(withoutTime(fromScratch));
      }
    }
  }
  // The nation is the sum of its alliances.
  const total = async (scope: TenantScope) => (await aggregateYear(db(), scope, 2023, '2023-12-31')).find((r) => r.dimension === 'all')?.counted ?? 0;
  let sum = 0;
  for (const id of alliances) sum += await total({ kind: 'tenant', tenantId: id });
  expect(await total(national), what).toBe(sum);
}

/** The organisation, the data and the versions, copied aside: what a backup holds. */
const COPIED = ['organisations', 'organisation_statuses', 'report_closures', 'report_closure_organisations', 'report_plans', 'report_revisions'];
async function backUp(name: string) {
  for (const table of COPIED) {
    await db().execute(sql.raw(`drop table if exists ${name}_${table}`));
    await db().execute(sql.raw(`create table ${name}_${table} as select * from ${table}`));
  }
}

/** Puts the copied data back as a restore does (no trigger fires), then moves every version as `coop restore` does. */
async function restore(name: string, { moveVersions }: { moveVersions: boolean }) {
  await db().transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const table of COPIED) {
      await tx.execute(sql.raw(`delete from ${table}`));
      const columns = await queryRows<{ name: string }>(tx, sql`select column_name as name from information_schema.columns where table_name = ${table} and is_generated = 'NEVER' and table_schema = current_schema()`);
      const list = columns.map((c) => `"${c.name}"`).join(', ');
      await tx.execute(sql.raw(`insert into ${table} (${list}) select ${list} from ${name}_${table}`));
    }
  });
  if (moveVersions) await db().execute(sql.raw(MOVE_ALL_VERSIONS));
}

/** The random steps may have closed years, whose figures are frozen: the tests of changes start from open years. */
async function reopenEveryYear() {
  await db().execute(sql`delete from report_closure_organisations`);
  await db().execute(sql`delete from report_closures`);
}

beforeAll(async () => {
  t = await createTestApp();
  communes = await threeCommunes(db());
  await insertOrganisations(db(), TENANT, edgeCaseSpecs(communes));
  await insertOrganisations(db(), OTHER_TENANT, [{ key: 'Q', kind: 'LHHTX', sectorCode: 'environment', foundedOn: '2005-05-05', registeredDistrict: 'Ba Vì', currentCommuneCode: null, charterCapitalVnd: '1000000000', membersOfficial: 40, workers: 3 }]);
  await addTestAlliances(db(), communes, 3);
  alliances = (await queryRows<{ id: number }>(db(), sql`select id from alliances order by id`)).map((a) => a.id);
  viewer = (await t.signIn('national_viewer')).cookie;
  staff = (await t.signIn('alliance_staff')).cookie;
});
afterAll(() => t.close());

describe('national figures and the report cache', () => {
  it('answer as a count from scratch after random writes, closes, reopens and restores', async () => {
    const random = seededRandom(2026);
    const pick = <T,>(items: readonly T[]) => random.pick(items);
    const organisationOf = async (tenantId: number) =>
      (await queryRows<{ id: string }>(db(), sql`select id from organisations where tenant_id = ${tenantId} order by id`)).map((r) => r.id);
    let serial = 0;
    let backedUp = false;
    const steps: [string, () => Promise<unknown>][] = [
      ['an organisation added', async () => {
        serial += 1;
        await insertOrganisations(db(), pick(alliances), [{ key: `N${serial}`, registrationNumber: `77${String(serial).padStart(8, '0')}`, sectorCode: pick(['agriculture', 'transport', 'fishery']), foundedOn: pick(['2019-02-02', '2023-04-04', '2024-06-06']), registeredDistrict: pick(['Lục Nam', 'Tân Yên']), currentCommuneCode: pick(communes).code }]);
      }],
      ['an organisation edited', async () => {
        const ids = await organisationOf(pick(alliances));
        if (ids.length) await db().execute(sql`update organisations set workers = workers + 1, kind = ${pick(['HTX', 'THT'])} where id = ${pick(ids)}`);
      }],
      ['a status recorded', async () => {
        const tenantId = pick(alliances);
        const ids = await organisationOf(tenantId);
        if (ids.length) await db().execute(sql`insert into organisation_statuses (tenant_id, organisation_id, status, valid_from) values (${tenantId}, ${pick(ids)}, ${pick(['dissolved', 'suspended'])}, ${pick(['2023-07-01', '2024-03-03'])})`);
      }],
      ['a year closed', async () => {
        const tenantId = pick(alliances);
        const [closed] = await queryRows(db(), sql`select 1 from report_closures where tenant_id = ${tenantId} and year = 2023`);
        if (!closed) await closeYearForTenant(db(), { actor: systemActor(tenantId), tenantId, year: 2023 });
      }],
      ['a closed year reopened', async () => {
        const tenantId = pick(alliances);
        await db().execute(sql`delete from report_closure_organisations where tenant_id = ${tenantId}`);
        await db().execute(sql`delete from report_closures where tenant_id = ${tenantId}`);
      }],
      ['a plan set', () => setPlanForTenant(db(), { actor: systemActor(TENANT), tenantId: TENANT, input: { year: 2023, indicator: 'newly_established', target: random.int(0, 20) } })],
      ['a sector moved', () => db().execute(sql`update sectors set group_key = ${pick(['agriculture', 'non_agriculture'])} where code = 'fishery'`)],
      ['a commune renamed', () => db().execute(sql`update admin_units set name = ${`Xã Thử ${serial}`} where version = '2025' and code = ${pick(communes).code}`)],
      ['backed up', async () => {
        await backUp('snapshot');
        backedUp = true;
      }],
      ['restored', async () => {
        if (backedUp) await restore('snapshot', { moveVersions: true });
      }],
    ];
    await expectEveryAnswerToMatchACountFromScratch('at start');
    for (let i = 0; i < 14; i++) {
      const [what, step] = pick(steps);
      await step();
      await expectEveryAnswerToMatchACountFromScratch(`step ${i}: ${what}`);
    }
  }, 300_000);

  it('misses after each kind of write, and answers 304 to a request that holds the current answer', async () => {
    const url = `/api/reports/dashboard?year=2023`;
    await reopenEveryYear();
    // An organisation active all through 2023 (the random steps may have ended or suspended some).
    const org = (await queryRows<{ id: string }>(db(), sql`
      select o.id from organisations o
      where o.tenant_id = ${TENANT} and o.sector_code = 'agriculture' and o.dissolved_on is null and o.founded_on < '2023-01-01'
        and not exists (select 1 from organisation_statuses s where s.organisation_id = o.id and s.status <> 'active')
      order by o.id limit 1`))[0]!.id;
    type Dashboard = Awaited<ReturnType<typeof buildDashboard>>;
    const writes: [string, () => Promise<unknown>, (before: Dashboard, after: Dashboard) => void, string?][] = [
      ['organisation inserted', () => insertOrganisations(db(), TENANT, [{ key: 'W1', registrationNumber: '8800000001', sectorCode: 'agriculture', foundedOn: '2023-02-02', registeredDistrict: 'Lục Nam', currentCommuneCode: communes[0].code }]),
        (b, a) => expect(a.headline.total).toBe(b.headline.total + 1)],
      ['organisation updated', () => db().execute(sql`update organisations set workers = workers + 5 where id = ${org}`),
        (b, a) => expect(a.headline.workers).toBe(b.headline.workers + 5)],
      ['status changed', () => db().execute(sql`insert into organisation_statuses (tenant_id, organisation_id, status, valid_from) values (${TENANT}, ${org}, 'suspended', '2023-06-06')`),
        (b, a) => expect(a.headline.suspended).toBe(b.headline.suspended + 1)],
      ['plan set', () => setPlanForTenant(db(), { actor: systemActor(TENANT), tenantId: TENANT, input: { year: 2023, indicator: 'newly_established', target: 4242 } }),
        (_b, a) => expect(JSON.stringify(a.plans)).toContain('4242')],
      ['sectors changed', () => db().execute(sql`update sectors set group_key = case group_key when 'agriculture' then 'non_agriculture' else 'agriculture' end where code = 'agriculture'`),
        (b, a) => expect(a.headline.total).toBeLessThan(b.headline.total), `${url}&sectorGroup=agriculture`],
      ['communes changed', () => db().execute(sql`update admin_units set name = 'Xã Vừa Đổi Tên' where version = '2025' and code = ${communes[0].code}`),
        (b, a) => {
          expect(JSON.stringify(a.byCurrentCommune)).toContain('Xã Vừa Đổi Tên');
          expect(JSON.stringify(b.byCurrentCommune)).not.toContain('Xã Vừa Đổi Tên');
        }],
      ['year closed', () =>
        closeYearForTenant(db(), { actor: systemActor(TENANT), tenantId: TENANT, year: 2023 }),
        (b, a) => expect([b.frozen, a.frozen]).toEqual([false, true])],
    ];
    for (const [what, write, differs, seen = url] of writes) {
      const before = await t.request({ url: seen, cookie: staff });
      const etag = before.headers.etag as string;
      expect(etag, what).toMatch(/^"[\w-]+"$/);
      expect(before.headers['cache-control']).toBe('private, no-cache');
      const unchanged = await t.request({ url: seen, cookie: staff, headers: { 'if-none-match': etag } });
      expect(unchanged.statusCode, what).toBe(304);
      expect(unchanged.body).toBe('');
      await write();
      const after = await t.request({ url: seen, cookie: staff, headers: { 'if-none-match': etag } });
      expect(after.statusCode, what).toBe(200);
      expect(after.headers.etag, what).not.toBe(etag);
      differs(before.json(), after.json());
      expect(after.json(), what).toEqual(await buildDashboard(db(), { kind: 'tenant', tenantId: TENANT }, DashboardQuery.parse(Object.fromEntries(new URL(seen, 'http://x').searchParams))));
      const again = await t.request({ url: seen, cookie: staff, headers: { 'if-none-match': `W/"other", ${after.headers.etag as string}` } });
      expect(again.statusCode, what).toBe(304);
    }
  });

  it('keeps an answer while nothing counted changed, and a write in one alliance leaves another alliance\'s answer', async () => {
    await reopenEveryYear();
    const url = `/api/public/reports/dashboard?year=2023&tenant=${OTHER_TENANT}`;
    const first = await t.request({ url, remoteAddress: nextAddress() });
    expect(first.headers['cache-control']).toBe('public, no-cache');
    // A write behind the triggers' back (as logical replication would): the version stays, so the answer is kept.
    await db().transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update organisations set workers = workers + 1000 where tenant_id = ${OTHER_TENANT}`);
    });
    const kept = await t.request({ url, remoteAddress: nextAddress() });
    expect(kept.json()).toEqual(first.json());
    expect(kept.headers.etag).toBe(first.headers.etag);
    // A write to another alliance moves only that alliance's version.
    await db().execute(sql`update organisations set workers = workers + 1 where tenant_id = ${TENANT}`);
    expect((await t.request({ url, remoteAddress: nextAddress(), headers: { 'if-none-match': first.headers.etag as string } })).statusCode).toBe(304);
    // Moving every version (what `coop restore` does) makes the next answer a count again.
    await db().execute(sql.raw(MOVE_ALL_VERSIONS));
    const counted = await t.request({ url, remoteAddress: nextAddress(), headers: { 'if-none-match': first.headers.etag as string } });
    expect(counted.statusCode).toBe(200);
    expect(counted.json().headline.workers).toBe(first.json().headline.workers + 1000);
    expect((await t.request({ url: '/api/public/reports/annual?year=2023', remoteAddress: nextAddress() })).statusCode).toBe(400); // several alliances: name one
  });

  it('after a restore, answers the restored data whether or not the versions were moved yet', async () => {
    await reopenEveryYear();
    const url = `/api/reports/dashboard?year=2023`;
    await backUp('before');
    const backedUp = await t.request({ url, cookie: viewer });
    await insertOrganisations(db(), OTHER_TENANT, [{ key: 'R1', registrationNumber: '8800000002', sectorCode: 'transport', foundedOn: '2023-09-09', registeredDistrict: 'Ba Vì', currentCommuneCode: null }]);
    const changed = await t.request({ url, cookie: viewer });
    expect(changed.json().headline.total).toBe(backedUp.json().headline.total + 1);
    // The restored versions are those the backed-up data had: an answer kept under them is that data's.
    await restore('before', { moveVersions: false });
    expect((await t.request({ url, cookie: viewer })).json()).toEqual(await buildDashboard(db(), national, { year: 2023 }));
    await db().execute(sql.raw(MOVE_ALL_VERSIONS));
    const restored = await t.request({ url, cookie: viewer, headers: { 'if-none-match': backedUp.headers.etag as string } });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toEqual(backedUp.json());
    expect(restored.json()).toEqual(await buildDashboard(db(), national, { year: 2023 }));
  });

  it(`forgets the least recently used answer beyond ${CACHED_ANSWERS}`, async () => {
    await reopenEveryYear();
    const day = (n: number) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10);
    const url = (n: number) => `/api/reports/annual?year=2023&asOf=${day(n)}`;
    const first = (await t.request({ url: url(0), cookie: staff })).json();
    // Behind the triggers' back: a kept answer does not see it, a counted one does.
    await db().transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update organisations set workers = workers + 1000 where tenant_id = ${TENANT}`);
    });
    expect(withoutTime((await t.request({ url: url(0), cookie: staff })).json())).toEqual(withoutTime(first));
    for (let n = 1; n <= CACHED_ANSWERS; n++) expect((await t.request({ url: url(n), cookie: staff })).statusCode).toBe(200);
    expect((await t.request({ url: url(0), cookie: staff })).json().workers).toBeGreaterThanOrEqual(first.workers + 1000);
    await db().execute(sql.raw(MOVE_ALL_VERSIONS));
  }, 300_000);
});
