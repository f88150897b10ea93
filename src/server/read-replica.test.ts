import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { classifyStandbyFailure, parseLsn, stalenessMs } from '../db/read-replica.ts';
import { openTestDatabase, TENANT } from '../test/harness.ts';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { READ_PRIMARY_COOKIE, READ_URL_IGNORED } from './http/read-routing.ts';
import { SESSION_COOKIE } from './http/session.ts';
import { sessions, users } from './modules/accounts/accounts.sql.ts';
import type { Role } from './modules/accounts/roles.ts';
import { buildOrganisation } from './modules/demo/factories.ts';

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const YEAR = new Date().getFullYear();
const primaryUrl = process.env.DATABASE_URL;
const standbyPort = Number(process.env.STANDBY_PORT ?? 5433);

type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;

function configWith(env: Record<string, string>): Config {
  return loadConfig({ ...process.env, LOG_LEVEL: 'silent', ...env });
}

/** A user and a session written straight to the primary; returns the session cookie. */
async function signIn(database: TestDatabase, role: Role): Promise<string> {
  const [user] = await database.db
    .insert(users)
    .values({ email: `${role}-${randomUUID().slice(0, 8)}@test.local`, passwordHash: 'not-used', role, tenantId: role === 'national_viewer' ? null : TENANT })
    .returning();
  const token = randomBytes(32).toString('base64url');
  await database.db.insert(sessions).values({ id: createHash('sha256').update(token).digest('hex'), userId: user!.id, expiresAt: new Date(Date.now() + 86_400_000) });
  return `${SESSION_COOKIE}=${token}`;
}

/** An answer without the moment it was computed at (a report's generatedAt), to compare two answers' data. */
function withoutClock(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === 'generatedAt' ? undefined : v));
}

function get(app: FastifyInstance, url: string, cookie?: string) {
  return app.inject({ method: 'GET', url, headers: { host: 'localhost:80', ...(cookie ? { cookie } : {}) } });
}

function send(app: FastifyInstance, options: InjectOptions & { cookie: string }) {
  const { cookie, ...rest } = options;
  return app.inject({ ...rest, headers: { host: 'localhost:80', origin: 'http://localhost:80', cookie } });
}

describe('read replica: pure parts', () => {
  it('orders WAL positions and measures staleness against the primary samples the standby has replayed', () => {
    expect(parseLsn('0/30074E8')).toBe(0x30074e8n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    const samples = [
      { lsn: 100n, at: 1_000 },
      { lsn: 200n, at: 2_000 },
      { lsn: 200n, at: 3_000 }, // an idle primary: the position stays, and a standby at it is not behind
    ];
    expect(stalenessMs(samples, 200n, 3_050)).toBe(50);
    expect(stalenessMs(samples, 150n, 3_050)).toBe(2_050);
    expect(stalenessMs(samples, 99n, 3_050)).toBeNull();
  });

  it('tells an outage from a recovery conflict, a write attempt and an ordinary error', () => {
    const serverError = (code: string) => Object.assign(new pg.DatabaseError('x', 1, 'error'), { severity: 'FATAL', code });
    expect(classifyStandbyFailure(new Error('Connection terminated unexpectedly'))).toBe('outage');
    expect(classifyStandbyFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('outage');
    expect(classifyStandbyFailure(serverError('57P01'))).toBe('outage');
    expect(classifyStandbyFailure(serverError('57P03'))).toBe('outage');
    expect(classifyStandbyFailure(serverError('08006'))).toBe('outage');
    expect(classifyStandbyFailure(serverError('40001'))).toBe('recovery-conflict');
    expect(classifyStandbyFailure(serverError('25006'))).toBe('write');
    expect(classifyStandbyFailure(serverError('22P02'))).toBe('other');
  });

  it('refuses a read URL that is not PostgreSQL and a bad lag limit, naming the variable in Vietnamese', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'mysql://db/coop' })).toThrow(/DATABASE_READ_URL phải là địa chỉ PostgreSQL/);
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://h/db', DATABASE_READ_MAX_LAG_MS: 'nhanh' })).toThrow(/DATABASE_READ_MAX_LAG_MS phải là một số/);
    expect(() => loadConfig({ DATABASE_READ_MAX_LAG_MS: '10' })).toThrow(/DATABASE_READ_MAX_LAG_MS ít nhất 100/);
    const config = loadConfig({ DATABASE_READ_URL: 'postgresql://u:p@127.0.0.1:5433/coop' });
    expect(config.databaseReadUrl).toBe('postgresql://u:p@127.0.0.1:5433/coop');
    expect(config.readMaxLagMs).toBe(2000);
  });
});

// One of the two below per pass (both count, neither is skipped): PGlite ignores the standby, PostgreSQL uses it.
if (!primaryUrl) describe('read replica on the embedded database', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase();
    app = await buildApp({ config: configWith({ DATABASE_READ_URL: 'postgres://postgres:postgres@127.0.0.1:5433/coop' }), database, logger: false, webRoot: '/nonexistent' });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('ignores DATABASE_READ_URL with a Vietnamese and English warning, and serves reads and writes from PGlite', async () => {
    expect(app.readRouting.warning).toBe(READ_URL_IGNORED);
    expect(app.readRouting.warning).toMatch(/^DATABASE_READ_URL bị bỏ qua: CSDL nhúng \(PGlite\).* DATABASE_READ_URL ignored/);
    expect(app.readRouting.replica).toBeUndefined();
    const staff = await signIn(database, 'alliance_admin');
    const created = await send(app, { method: 'POST', url: '/api/cooperatives', cookie: staff, payload: buildOrganisation({ name: 'Hợp tác xã Chè Bản Sao' }) });
    expect(created.statusCode, created.body).toBe(201);
    expect(String(created.headers['set-cookie'] ?? '')).not.toContain(READ_PRIMARY_COOKIE);
    const found = await get(app, '/api/public/directory?q=che%20ban%20sao');
    expect(found.statusCode).toBe(200);
    expect(found.json().total).toBe(1);
  });
});

if (primaryUrl) describe('read replica on a PostgreSQL hot standby', () => {
  let database: TestDatabase;
  let dbName: string;
  let primaryApp: FastifyInstance; // no DATABASE_READ_URL: the reference answers
  let replicaApp: FastifyInstance; // lag limit of ten minutes: only an outage or a fresh write moves its reads
  let national: string;
  let staff: string;

  const standbyUrl = (name: string) => {
    const u = new URL(primaryUrl!);
    u.port = String(standbyPort);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const standbyScript = (...args: string[]) => run('bash', [path.join(root, 'scripts/standby.sh'), ...args], { env: { ...process.env, STANDBY_PORT: String(standbyPort) } });
  // A fresh connection each time: the standby is stopped and started under the test.
  async function onStandby<T extends pg.QueryResultRow>(statement: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: standbyUrl('postgres') });
    await client.connect();
    try {
      return (await client.query<T>(statement, params)).rows;
    } finally {
      await client.end();
    }
  }

  /** When a connection of the app's read pool last finished a statement on the standby (its pg_stat_activity). */
  async function lastReadOnStandby(): Promise<number> {
    const [row] = await onStandby<{ at: number | null }>(
      `select extract(epoch from max(state_change))::float8 as at from pg_stat_activity where application_name = 'coop-read' and datname = $1`,
      [dbName],
    );
    return row?.at ?? 0;
  }
  async function servedByStandby(work: () => Promise<void>): Promise<boolean> {
    const before = await lastReadOnStandby();
    await work();
    return (await lastReadOnStandby()) > before;
  }
  async function buildReplicaApp(maxLagMs: number): Promise<FastifyInstance> {
    const app = await buildApp({
      config: configWith({ DATABASE_URL: database.url!, DATABASE_READ_URL: standbyUrl(dbName), DATABASE_READ_MAX_LAG_MS: String(maxLagMs) }),
      database,
      logger: false,
      webRoot: '/nonexistent',
    });
    await app.ready();
    await vi.waitFor(() => expect(app.readRouting.replica!.state().status).toBe('up'), { timeout: 30_000, interval: 100 });
    return app;
  }
  async function waitForReplay() {
    const [{ lsn }] = (await database.pool!.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn')).rows as [{ lsn: string }];
    await vi.waitFor(
      async () => {
        const [row] = await onStandby<{ replayed: string }>('select pg_last_wal_replay_lsn()::text as replayed');
        expect(parseLsn(row!.replayed) >= parseLsn(lsn)).toBe(true);
      },
      { timeout: 30_000, interval: 100 },
    );
  }
  const organisationScans = async () => {
    const client = new pg.Client({ connectionString: standbyUrl(dbName) });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(`select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as n from pg_stat_user_tables where relname = 'organisations'`);
      return Number(rows[0]?.n ?? 0);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    const reachable = await onStandby<{ r: boolean }>('select pg_is_in_recovery() as r').then((rows) => rows[0]?.r === true, () => false);
    // Run by hand: start the standby of the local PostgreSQL 15 (CI starts it before the PostgreSQL pass).
    if (!reachable) await standbyScript('start');
    database = await openTestDatabase();
    dbName = new URL(database.url!).pathname.slice(1);
    primaryApp = await buildApp({ config: configWith({ DATABASE_URL: database.url! }), database, logger: false, webRoot: '/nonexistent' });
    await primaryApp.ready();
    staff = await signIn(database, 'alliance_admin');
    national = await signIn(database, 'national_viewer');
    for (const [i, name] of ['Hợp tác xã Vải thiều Lục Ngạn', 'Hợp tác xã Chè Hồng Giang', 'Hợp tác xã Rau an toàn Dĩnh Trì'].entries()) {
      const res = await send(primaryApp, { method: 'POST', url: '/api/cooperatives', cookie: staff, payload: buildOrganisation({ name, foundedOn: `201${i}-04-0${i + 1}` }) });
      expect(res.statusCode, res.body).toBe(201);
    }
    // The test database is created on the primary and reaches the standby through replication.
    await waitForReplay();
    await vi.waitFor(async () => expect(await onStandby('select 1 from pg_database where datname = $1', [dbName])).toHaveLength(1), { timeout: 30_000 });
    replicaApp = await buildReplicaApp(600_000);
  });

  afterAll(async () => {
    await onStandby('select pg_wal_replay_resume()').catch(() => {});
    await standbyScript('start').catch(() => {}); // left running for the rest of the run
    await replicaApp?.close();
    await primaryApp?.close();
    await database?.drop();
  });

  const publicHome = [
    '/api/reference/sectors',
    '/api/reference/alliances',
    `/api/reference/communes?tenant=${TENANT}`,
    `/api/public/reports/dashboard?year=${YEAR}&tenant=${TENANT}`,
    `/api/public/boundaries?tenant=${TENANT}`,
    `/api/public/reports/annual?year=${YEAR}&tenant=${TENANT}`,
  ];

  it('serves the public home, the directory search and the national dashboard from the standby, with the primary\'s answers', async () => {
    const scansBefore = await organisationScans();
    const reads: [string, string | undefined][] = [
      ...publicHome.map((url): [string, undefined] => [url, undefined]),
      ['/api/public/directory?q=vai%20thieu', undefined],
      [`/api/reports/dashboard?year=${YEAR}`, national],
      [`/api/reports/annual?year=${YEAR}`, national],
    ];
    for (const [url, cookie] of reads) {
      let body: unknown;
      expect(await servedByStandby(async () => {
        const res = await get(replicaApp, url, cookie);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        body = res.json();
      }), url).toBe(true);
      const reference = await get(primaryApp, url, cookie);
      expect(withoutClock(body), url).toEqual(withoutClock(reference.json()));
    }
    const directory = await get(replicaApp, '/api/public/directory?q=vai%20thieu');
    expect(directory.json().items.map((i: { name: string }) => i.name)).toEqual(['Hợp tác xã Vải thiều Lục Ngạn']);
    // The standby's cumulative statistics: the registry table was scanned there (counters flush within seconds).
    await vi.waitFor(async () => expect(await organisationScans()).toBeGreaterThan(scansBefore), { timeout: 30_000, interval: 500 });
  });

  it('reads from the primary for the client that just wrote, while the standby has not replayed the write', async () => {
    await onStandby('select pg_wal_replay_pause()');
    try {
      await vi.waitFor(async () => expect((await onStandby<{ s: string }>('select pg_get_wal_replay_pause_state() as s'))[0]!.s).toBe('paused'));
      const created = await send(replicaApp, { method: 'POST', url: '/api/cooperatives', cookie: staff, payload: buildOrganisation({ name: 'Hợp tác xã Nấm Vừa Ghi' }) });
      expect(created.statusCode, created.body).toBe(201);
      const setCookie = [created.headers['set-cookie']].flat().find((c) => c?.startsWith(`${READ_PRIMARY_COOKIE}=`));
      expect(setCookie).toMatch(/HttpOnly/);
      const writer = `${staff}; ${setCookie!.split(';')[0]}`;
      const search = '/api/public/directory?q=nam%20vua%20ghi';

      let ownRead: { total: number } | undefined;
      expect(await servedByStandby(async () => { ownRead = (await get(replicaApp, search, writer)).json(); })).toBe(false);
      expect(ownRead!.total).toBe(1);
      let othersRead: { total: number } | undefined;
      expect(await servedByStandby(async () => { othersRead = (await get(replicaApp, search)).json(); })).toBe(true);
      expect(othersRead!.total).toBe(0); // the paused standby: what the writer alone must not be shown
    } finally {
      await onStandby('select pg_wal_replay_resume()');
    }
    await vi.waitFor(async () => expect((await get(replicaApp, '/api/public/directory?q=nam%20vua%20ghi')).json().total).toBe(1), { timeout: 30_000 });
  });

  it('reads from the primary while the standby lags beyond the limit, and from the standby again once it catches up', async () => {
    const lagApp = await buildReplicaApp(1000);
    try {
      await onStandby('select pg_wal_replay_pause()');
      try {
        const created = await send(primaryApp, { method: 'POST', url: '/api/cooperatives', cookie: staff, payload: buildOrganisation({ name: 'Hợp tác xã Bưởi Chậm Trễ' }) });
        expect(created.statusCode, created.body).toBe(201);
        await vi.waitFor(() => expect(lagApp.readRouting.replica!.state().status).toBe('lagging'), { timeout: 30_000, interval: 100 });
        let read: { total: number } | undefined;
        expect(await servedByStandby(async () => { read = (await get(lagApp, '/api/public/directory?q=buoi%20cham%20tre')).json(); })).toBe(false);
        expect(read!.total).toBe(1);
      } finally {
        await onStandby('select pg_wal_replay_resume()');
      }
      // Caught up again (on a busy machine the standby may lag past the limit now and then: wait for a read it serves).
      await vi.waitFor(
        async () => {
          let read: { total: number } | undefined;
          expect(await servedByStandby(async () => { read = (await get(lagApp, '/api/public/directory?q=buoi%20cham%20tre')).json(); })).toBe(true);
          expect(read!.total).toBe(1);
        },
        { timeout: 30_000, interval: 200 },
      );
    } finally {
      await lagApp.close();
    }
  });

  it('leaves reads on the primary when the read URL is no usable standby: a closed port, or the primary itself', async () => {
    const closedPort = new URL(standbyUrl(dbName));
    closedPort.port = '1';
    for (const [readUrl, status] of [[closedPort.toString(), 'down'], [database.url!, 'not-a-standby']] as const) {
      const app = await buildApp({ config: configWith({ DATABASE_URL: database.url!, DATABASE_READ_URL: readUrl }), database, logger: false, webRoot: '/nonexistent' });
      try {
        await vi.waitFor(() => expect(app.readRouting.replica!.state().status).toBe(status), { timeout: 30_000, interval: 100 });
        const res = await get(app, '/api/public/directory?q=vai%20thieu');
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().total).toBe(1);
        expect(app.readRouting.replica!.usable()).toBe(false);
      } finally {
        await app.close();
      }
    }
  });

  it('loses no request when the standby stops mid-run, and serves reads from it again once it is back', async () => {
    // Heavy and light reads, none of them behind the public reports' rate limit.
    const wave: [string, string | undefined][] = [
      [`/api/reports/dashboard?year=${YEAR}`, national],
      [`/api/reports/annual?year=${YEAR}`, national],
      ['/api/public/directory?q=hop%20tac%20xa', undefined],
      ['/api/public/directory?q=che', undefined],
      ['/api/reference/sectors', undefined],
      [`/api/reference/communes?tenant=${TENANT}`, undefined],
      [`/api/public/boundaries?tenant=${TENANT}`, undefined],
    ];
    const expected = new Map<string, unknown>();
    for (const [url, cookie] of wave) expected.set(url, (await get(primaryApp, url, cookie)).json());
    const fire = () => Promise.all([...wave, ...wave, ...wave].map(async ([url, cookie]) => ({ url, res: await get(replicaApp, url, cookie) })));

    let stopped = false;
    const stopping = standbyScript('stop', 'immediate').then(() => {
      stopped = true;
    });
    const answers = [...(await fire())];
    let waves = 1;
    while (!stopped) {
      answers.push(...(await fire()));
      waves++;
    }
    await stopping;
    answers.push(...(await fire())); // with the standby gone
    for (const { url, res } of answers) {
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expect(withoutClock(res.json()), url).toEqual(withoutClock(expected.get(url)));
    }
    expect(answers.length).toBe((waves + 1) * wave.length * 3);
    await vi.waitFor(() => expect(replicaApp.readRouting.replica!.state().status).toBe('down'), { timeout: 30_000, interval: 100 });

    await standbyScript('start');
    await vi.waitFor(() => expect(replicaApp.readRouting.replica!.state().status).toBe('up'), { timeout: 90_000, interval: 200 });
    let read: { total: number } | undefined;
    expect(await servedByStandby(async () => { read = (await get(replicaApp, '/api/public/directory?q=vai%20thieu')).json(); })).toBe(true);
    expect(read!.total).toBe(1);
  }, 180_000);
});
