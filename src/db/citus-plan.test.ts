import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.ts';
import { DISTRIBUTION_COLUMN, LOCAL_TABLES, REFERENCE_TABLES } from './citus-plan.ts';
import { queryRows } from './client.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

type Constraint = { table: string; type: 'p' | 'f' | 'u'; name: string; columns: string[]; refColumns: string[] | null };

describe('the schema follows the Citus plan', () => {
  it('every table is a reference table, a local table, or distributed by tenant_id in all its keys', async () => {
    const tables = (await queryRows<{ table: string }>(database.db, sql`select table_name as "table" from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)).map((r) => r.table);
    const constraints = await queryRows<Constraint>(database.db, sql`
      select c.conrelid::regclass::text as "table", c.contype as type, c.conname as name,
             array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
             case when c.contype = 'f' then array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) end as "refColumns",
             c.confrelid::regclass::text as ref
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = 'public' and c.contype in ('p', 'f', 'u')`);
    const reference = new Set<string>(REFERENCE_TABLES);
    const distributed = tables.filter((t) => !reference.has(t) && !(LOCAL_TABLES as readonly string[]).includes(t));
    expect(distributed.length).toBeGreaterThanOrEqual(4);
    for (const table of REFERENCE_TABLES) expect(tables, `reference table ${table} exists`).toContain(table);
    for (const table of distributed) {
      const own = constraints.filter((c) => c.table === table);
      const pk = own.find((c) => c.type === 'p');
      expect(pk?.columns[0], `${table}: primary key starts with ${DISTRIBUTION_COLUMN}`).toBe(DISTRIBUTION_COLUMN);
      for (const c of own.filter((c) => c.type === 'u')) expect(c.columns, `${table}.${c.name} includes ${DISTRIBUTION_COLUMN}`).toContain(DISTRIBUTION_COLUMN);
      for (const fk of own.filter((c) => c.type === 'f')) {
        const target = (fk as Constraint & { ref: string }).ref;
        if (reference.has(target)) continue;
        expect(fk.columns, `${table}.${fk.name} references ${target} through ${DISTRIBUTION_COLUMN}`).toContain(DISTRIBUTION_COLUMN);
        expect(fk.refColumns).toContain(DISTRIBUTION_COLUMN);
      }
    }
  });
});
