import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../db/client.ts';
import { systemActor } from '../server/modules/accounts/roles.ts';
import { createOrganisation } from '../server/modules/cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../server/modules/demo/factories.ts';
import { openTestDatabase, TENANT } from '../test/harness.ts';
import { runCoop } from './cli-process.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'coop-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// An attached file (a difficulty's photo): files live in the database, so the backup carries them byte for byte.
const photo = randomBytes(300_000);
const fileId = randomUUID();
const attachPhoto = (db: Parameters<typeof queryRows>[0]) =>
  db.execute(sql`insert into request_files (tenant_id, id, owner_kind, owner_id, file_name, content_type, size_bytes, sha256, content)
    values (${TENANT}, ${fileId}, 'difficulty', ${randomUUID()}, 'anh-kho-khan.jpg', 'image/jpeg', ${photo.length}, 'x', ${photo})`);

const count = async (db: Parameters<typeof queryRows>[0]) =>
  (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from organisations`))[0]!.n;

describe('coop backup and coop restore', { timeout: 180_000 }, () => {
  it('round-trips the database: a change made after the backup is gone after the restore', async () => {
    let env: NodeJS.ProcessEnv;
    let reopen: () => Promise<{ db: Parameters<typeof queryRows>[0]; close(): Promise<void> }>;
    let cleanup: () => Promise<void> = async () => {};
    if (process.env.DATABASE_URL) {
      const database = await openTestDatabase();
      await createOrganisation(database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX trước sao lưu' }) });
      await attachPhoto(database.db);
      await database.close();
      env = { DATABASE_URL: database.url };
      reopen = () => openDatabase({ databaseUrl: database.url });
      cleanup = () => database.drop();
    } else {
      env = { COOP_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
      expect((await runCoop(['db', 'migrate'], env)).code).toBe(0);
      const database = await openDatabase({ dataDir: env.COOP_DATA_DIR!, holder: 'test' });
      await database.db.execute(sql`insert into alliances (id, province_code, name) values (24, '24', 'LM') on conflict do nothing`);
      await createOrganisation(database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX trước sao lưu' }) });
      await attachPhoto(database.db);
      await database.close();
      reopen = () => openDatabase({ dataDir: env.COOP_DATA_DIR!, holder: 'test' });
    }
    const file = path.join(dir, 'backup.bin');
    const backup = await runCoop(['backup', file], env);
    expect(backup.code, backup.stderr).toBe(0);

    let database = await reopen();
    await createOrganisation(database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX sau sao lưu' }) });
    expect(await count(database.db)).toBe(2);
    const version = async (db: Parameters<typeof queryRows>[0]) =>
      Number((await queryRows<{ v: string }>(db, sql`select revision::text as v from report_revisions where tenant_id = ${TENANT}`))[0]!.v);
    const versionBefore = await version(database.db);
    await database.close();

    const restore = await runCoop(['restore', file], env);
    expect(restore.code, restore.stderr).toBe(0);
    database = await reopen();
    const names = await queryRows<{ name: string }>(database.db, sql`select name from organisations`);
    expect(names.map((r) => r.name)).toEqual(['HTX trước sao lưu']);
    const [restored] = await database.db.execute(sql`select content from request_files where id = ${fileId}`).then((r) => (r as unknown as { rows: { content: Uint8Array }[] }).rows);
    expect(Buffer.from(restored!.content).equals(photo)).toBe(true);
    // Every data version moved past any handed out before the restore: no server keeps figures of other data.
    expect(await version(database.db)).toBeGreaterThan(versionBefore);
    const audit = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_events`);
    expect(audit[0]!.n).toBe(1);
    // The restore analysed what it restored: the planner knows the one organisation (the backup's estimate said 0 or none).
    const estimate = await queryRows<{ n: number }>(database.db, sql`select reltuples::float8 as n from pg_class where oid = 'organisations'::regclass`);
    expect(Number(estimate[0]!.n)).toBe(1);
    await database.close();
    await cleanup();
  });
});
