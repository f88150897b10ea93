import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCoop, startCoop } from './cli-process.ts';

// These tests are about the embedded database's single-process rule; PostgreSQL has its own locking.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'coop-serve-'));
const env = { COOP_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', PORT: '0' };
const portOf = (output: string) => Number(/localhost:(\d+)/.exec(output)![1]);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('coop serve on the embedded database', { timeout: 180_000 }, () => {
  it('serves health, then refuses a second process on the same data directory, naming the holder', async () => {
    const server = await startCoop(['serve'], env, /đang chạy: \S+ /);
    try {
      const health = await fetch(`http://127.0.0.1:${portOf(server.output())}/api/health`).then((r) => r.json());
      expect(health).toMatchObject({ status: 'ok', database: { engine: 'pglite', ok: true } });
      const second = await runCoop(['db', 'migrate'], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`tiến trình ${server.child.pid}`);
      expect(second.stderr).toContain('coop serve');
      const secondServer = await runCoop(['serve', '--port', '0'], env);
      expect(secondServer.code).toBe(1);
      expect(secondServer.stderr).toContain('đang được mở bởi');
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
    // After a clean shutdown the lock is gone and another process may open the database.
    const after = await runCoop(['db', 'migrate'], env);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
  });

  it('releases the database when the port is taken', async () => {
    const server = await startCoop(['serve'], env, /đang chạy: \S+ /);
    try {
      const clash = await runCoop(['serve', '--port', String(portOf(server.output()))], { ...env, COOP_DATA_DIR: `${dataDir}-second` });
      expect(clash.code).toBe(1);
      expect(clash.stderr).toContain('EADDRINUSE');
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
    const after = await runCoop(['db', 'migrate'], { ...env, COOP_DATA_DIR: `${dataDir}-second` });
    expect(after.code, after.stderr).toBe(0);
    rmSync(`${dataDir}-second`, { recursive: true, force: true });
  });

  it('takes over a lock left by a process that died', async () => {
    const server = await startCoop(['serve'], env, /đang chạy/);
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));
    const after = await runCoop(['db', 'migrate'], env);
    expect(after.code).toBe(0);
  });

  it('creates a user from the command line, with the password on stdin', async () => {
    const created = await runCoop(['users', 'create', '--email', 'Staff@LienMinh.vn', '--role', 'alliance_staff', '--password-stdin'], env, 'mat-khau-du-dai-123\n');
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ email: 'staff@lienminh.vn', role: 'alliance_staff' });
    const weak = await runCoop(['users', 'create', '--email', 'x@y.vn', '--role', 'alliance_staff', '--password-stdin'], env, 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('Mật khẩu cần ít nhất 10 ký tự');
    const badRole = await runCoop(['users', 'create', '--email', 'x@y.vn', '--role', 'boss', '--password-stdin'], env, 'mat-khau-du-dai-123\n');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('Vai trò');
  });
});
