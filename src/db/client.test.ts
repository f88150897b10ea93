/** How the database client sets up its sessions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

describe('database sessions', () => {
  it('never JIT-compile a costly plan (the compiling took longer than the national trend itself)', async () => {
    // Estimated far above jit_above_cost (100,000): PostgreSQL with JIT on plans to compile it and says so.
    const [row] = await database.exec(`explain (format json) select count(*) from generate_series(1, 100000000) a cross join generate_series(1, 1000) b where a + b > 5`);
    const plan = JSON.stringify(row);
    expect(plan).toContain('"Total Cost"');
    expect(plan).not.toContain('"JIT"');
  });
});
