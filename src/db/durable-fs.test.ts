import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'coop-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('durable embedded database', () => {
  it('fsyncs the WAL when a transaction commits, not while it is open, and the data files after a checkpoint', async () => {
    const database = await openDatabase({ dataDir: dir, holder: 'test' });
    try {
      const stats = database.durability!;
      const pglite = database.pglite!;
      await pglite.exec('create table t (x int)');
      const afterCreate = stats.walSyncs;
      expect(afterCreate).toBeGreaterThan(0);
      await pglite.transaction(async (tx) => {
        await tx.query('insert into t values (1)');
        await tx.query('insert into t values (2)');
        expect(stats.walSyncs).toBe(afterCreate);
      });
      expect(stats.walSyncs).toBe(afterCreate + 1);
      const checkpoints = stats.checkpointSyncs;
      await pglite.exec('checkpoint');
      expect(stats.checkpointSyncs).toBe(checkpoints + 1);
    } finally {
      await database.close();
    }
    const reopened = await openDatabase({ dataDir: dir, holder: 'test' });
    const rows = await reopened.exec('select count(*)::int as n from t');
    expect(rows[0]).toEqual({ n: 2 });
    await reopened.close();
  });
});
