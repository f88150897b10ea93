// Graceful shutdown of `coop serve`: on SIGTERM it stops taking connections, finishes the request in flight
// (whose write is committed), exits 0 and releases the embedded data directory. A child process on its own
// embedded data directory, whatever DATABASE_URL the suite runs with.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCoop } from '../../cli/cli-process.ts';
import { migrateDatabase, openDatabase, type Database } from '../../db/client.ts';
import { createUser } from '../modules/accounts/accounts.service.ts';
import { DEFAULT_ALLIANCE, ensureAlliance, loadReferenceData } from '../modules/tenants/tenants.service.ts';
import { SESSION_COOKIE } from './session.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'coop-shutdown-'));
const dataDir = path.join(dir, 'data');
const credentials = { email: 'can-bo@lienminh.vn', password: 'mat-khau-du-dai-123' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An embedded data directory ready for the CLI: from the run's template when it is a PGlite dump, else migrated. */
async function openDataDir(): Promise<Database> {
  const template = inject('templateDatabase');
  const dump = template.endsWith('.tar') && existsSync(template) ? new Blob([readFileSync(template)]) : undefined;
  const database = await openDatabase({ dataDir, holder: 'shutdown.test', loadDataDir: dump });
  if (!dump) {
    await migrateDatabase(database);
    await loadReferenceData(database.db);
    await ensureAlliance(database.db, DEFAULT_ALLIANCE);
  }
  return database;
}

beforeAll(async () => {
  const database = await openDataDir();
  try {
    await createUser(database.db, { ...credentials, role: 'alliance_staff', tenantId: DEFAULT_ALLIANCE.id });
  } finally {
    await database.close();
  }
}, 120_000);

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request whose body is sent in two halves: it is in flight until `finish()` sends the rest. */
function slowPost(url: string, payload: object) {
  const body = Buffer.from(JSON.stringify(payload));
  // Kept alive as a browser keeps it: the server must not wait for the client to let the connection go.
  const agent = new http.Agent({ keepAlive: true, timeout: 120_000 });
  const request = http.request(url, { agent, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    request.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  const started = new Promise<void>((resolve) => request.write(body.subarray(0, half), () => resolve()));
  return { started, answer, finish: () => request.end(body.subarray(half)) };
}

/** One request on its own connection: the status, or the network error's code. */
function probe(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    http
      .get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      })
      .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('coop serve on SIGTERM', () => {
  it('finishes the request in flight, refuses new ones, exits 0 and leaves no lock file', async () => {
    // PORT=0: the system picks a free port, which the server prints once it listens.
    const ready = /đang chạy: http:\/\/localhost:(\d+) /;
    const server = await startCoop(['serve'], { COOP_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', PORT: '0' }, ready);
    const base = `http://127.0.0.1:${ready.exec(server.output())![1]}`;
    const lockFile = path.join(dataDir, 'coop.lock');
    expect(existsSync(lockFile)).toBe(true);

    const login = slowPost(`${base}/api/auth/login`, credentials);
    await login.started;
    // A full round trip on another connection: by then the server has read the login's headers.
    expect(await probe(`${base}/api/health`)).toBe(200);
    const exit = exited(server.child);
    server.child.kill('SIGTERM');
    await sleep(500);
    expect(server.child.exitCode, 'the server must wait for the request in flight').toBeNull();
    expect(await probe(`${base}/api/health`)).not.toBe(200);

    login.finish();
    const answer = await login.answer;
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ user: { email: credentials.email } });
    expect(String(answer.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=`);

    const timeout = sleep(5_000).then(() => 'still running 5 s after the last response');
    expect(await Promise.race([exit, timeout])).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile)).toBe(false);

    // The login's session was committed before the process went away.
    const database = await openDatabase({ dataDir, holder: 'shutdown.test' });
    try {
      const [row] = await database.exec(`select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.email = '${credentials.email}'`);
      expect(row).toEqual({ n: 1 });
    } finally {
      await database.close();
    }
  }, 120_000);
});
