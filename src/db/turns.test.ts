import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from './client.ts';
import { asBackgroundWork } from './turns.ts';

// The embedded engine only: on PostgreSQL a pool runs statements side by side and no turns are taken.
describe('turns on the embedded engine', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({});
  });
  afterAll(() => database.close());

  it("lets a request's statements pass a report's waiting ones: the search waits for one report statement, not one per statement of its own", async () => {
    const order: string[] = [];
    const statement = async (label: string) => {
      await database.db.execute(sql`select pg_sleep(0.005)`);
      order.push(label);
    };
    const report = asBackgroundWork(async () => {
      for (let i = 0; i < 12; i++) await statement(`report ${i}`);
    });
    // The search arrives while the report's first statements run.
    await new Promise((resolve) => setTimeout(resolve, 12));
    const search = (async () => {
      for (const step of ['session', 'page', 'count']) await statement(step);
    })();
    await Promise.all([report, search]);
    const first = order.indexOf('session');
    expect(first).toBeGreaterThan(0);
    expect(order.slice(first, first + 3)).toEqual(['session', 'page', 'count']);
    expect(order.filter((o) => o.startsWith('report'))).toHaveLength(12);
  });

  it('does not starve a report behind a stream of interactive statements', async () => {
    let reportDone = false;
    const report = asBackgroundWork(async () => {
      await database.db.execute(sql`select 1`);
      reportDone = true;
    });
    let stream = 0;
    while (!reportDone && stream < 500) {
      await database.db.execute(sql`select pg_sleep(0.002)`);
      stream++;
    }
    await report;
    expect(reportDone).toBe(true);
    expect(stream).toBeLessThan(500);
  });
});
