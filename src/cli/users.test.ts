/** `coop users invite` prints a one-time link that works; `coop users create` still takes a password on stdin. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { describeToken } from '../server/modules/accounts/one-time-tokens.service.ts';
import { login } from '../server/modules/accounts/accounts.service.ts';
import { openTestDatabase } from '../test/harness.ts';
import { runCoop } from './cli-process.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'coop-users-'));
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A database for the child process: a copy of the migrated template on PostgreSQL, a new data directory on PGlite. */
async function target() {
  if (process.env.DATABASE_URL) {
    const database = await openTestDatabase();
    await database.close();
    cleanups.push(() => database.drop());
    return { env: { DATABASE_URL: database.url! }, open: () => openDatabase({ databaseUrl: database.url }) };
  }
  const dataDir = path.join(dir, 'data');
  return { env: { COOP_DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir, holder: 'test' }) };
}

// The PostgreSQL template holds two alliances (name one); a new embedded database has only its own.
const tenant = process.env.DATABASE_URL ? ['--tenant', '24'] : [];

describe('coop users', { timeout: 240_000 }, () => {
  it('invite prints a link that sets the password; create takes it from stdin; both log in by phone or email', async () => {
    const db = await target();
    const env = { ...db.env, PUBLIC_ORIGIN: 'https://lienminh.example.vn', LOG_LEVEL: 'silent' };
    const invited = await runCoop(['users', 'invite', '--phone', '+84 916 000 111', '--role', 'national_viewer', '--json'], env);
    expect(invited.code, invited.stderr).toBe(0);
    const { link, account } = JSON.parse(invited.stdout);
    expect(account).toMatchObject({ phone: '0916000111', role: 'national_viewer' });
    expect(link).toMatch(/^https:\/\/lienminh\.example\.vn\/account\/set-password\?token=[\w-]{43}$/);
    const text = await runCoop(['users', 'invite', '--email', 'xa@lienminh.vn', '--role', 'alliance_staff', ...tenant], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Liên kết đặt mật khẩu');
    const refused = await runCoop(['users', 'invite', '--role', 'alliance_staff', ...tenant], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('email hoặc số điện thoại');
    const created = await runCoop(['users', 'create', '--email', 'cu@lienminh.vn', '--role', 'alliance_staff', ...tenant, '--password-stdin'], env, 'mat-khau-dong-lenh\n');
    expect(created.code, created.stderr).toBe(0);

    const database = await db.open();
    try {
      const described = await describeToken(database.db, new URL(link).searchParams.get('token')!);
      expect(described).toMatchObject({ purpose: 'invite', state: 'valid', account: { phone: '0916000111', hasPassword: false } });
      expect((await login(database.db, 'cu@lienminh.vn', 'mat-khau-dong-lenh')).actor).toMatchObject({ role: 'alliance_staff' });
    } finally {
      await database.close();
    }
  });
});
