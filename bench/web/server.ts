/**
 * Starts the product for the browser benchmark: the web app built if stale (as `coop start` does), a fresh
 * embedded database in a temporary COOP_DATA_DIR (or a throwaway PostgreSQL database), the demo province
 * loaded and the real server listening on a free port, in a child process (bench/web/serve-demo.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildWeb, webBuildIsStale } from '../../src/cli/web-build.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export type RunningServer = {
  baseUrl: string;
  engine: 'pglite' | 'postgres';
  staff: { email: string; password: string };
  /** A coop manager of one of the demo's cooperatives. */
  manager: { email: string; password: string };
  /** From spawning the process to its first listening line: migrations, demo load, start. */
  startMs: number;
  stop(): Promise<void>;
};

/** Builds dist/web when it is missing or stale, as `coop start` does (src/cli/web-build.ts). */
export function buildWebIfStale(log: (s: string) => void): void {
  if (!webBuildIsStale()) return;
  log('dist/web is missing or stale: vite build');
  buildWeb({ logLevel: 'warn' });
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Waits for the server's "đang chạy: http://localhost:PORT" line; passes its other plain lines to `log`. */
function listeningPort(child: ChildProcess, log: (s: string) => void, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`the server did not listen within ${timeoutMs / 1000} s`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const port = /đang chạy: http:\/\/[^:]+:(\d+)/.exec(line);
        if (port) {
          clearTimeout(timer);
          resolve(Number(port[1]));
        } else if (line && !line.startsWith('{')) log(`  server: ${line}`); // pino's JSON request log is dropped
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => log(`  server: ${chunk.toString().trimEnd()}`));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (code ${code}) before listening`));
    });
  });
}

export async function startServer(options: { databaseUrl?: string; log: (s: string) => void }): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coop-bench-web-'));
  let databaseUrl = '';
  let dropDatabase = async () => {};
  if (options.databaseUrl) {
    const name = `coop_bench_web_${process.pid}`;
    await withAdmin(options.databaseUrl, (c) => c.query(`drop database if exists ${name} with (force)`).then(() => c.query(`create database ${name}`)));
    const u = new URL(options.databaseUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDatabase = () => withAdmin(options.databaseUrl!, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
  }
  const staff = { email: `bench-staff-${process.pid}@lienminh.local`, password: randomBytes(16).toString('base64url') };
  const manager = { email: `bench-manager-${process.pid}@lienminh.local`, password: randomBytes(16).toString('base64url') };
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/web/serve-demo.ts')], {
    cwd: root,
    env: { ...process.env, COOP_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', TRUST_PROXY: 'true', BENCH_STAFF_EMAIL: staff.email, BENCH_STAFF_PASSWORD: staff.password, BENCH_MANAGER_EMAIL: manager.email, BENCH_MANAGER_PASSWORD: manager.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase();
  };
  try {
    const port = await listeningPort(child, options.log, 240_000);
    return { baseUrl: `http://127.0.0.1:${port}`, engine: databaseUrl ? 'postgres' : 'pglite', staff, manager, startMs: Math.round(performance.now() - started), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
