/** After a committed import the planner knows the registry's new size (the embedded engine has no autovacuum). */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TENANT } from '../../../test/harness.ts';
import type { Actor } from '../accounts/roles.ts';
import { importCooperatives } from './import.service.ts';
import { generatedRegistry } from './test-files.ts';

const staff: Actor = { kind: 'user', userId: randomUUID(), email: 'staff@test.local', role: 'alliance_staff', tenantId: TENANT, organisationId: null, communeCode: null };

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

const estimate = async (table: string) => Number((await database.exec(`select reltuples::float8 as n from pg_class where oid = '${table}'::regclass`))[0]!.n);
const count = async (table: string) => Number((await database.exec(`select count(*)::int as n from ${table}`))[0]!.n);

describe('statistics after an import', { timeout: 120_000 }, () => {
  it('a dry run leaves them; a committed import analyses the tables it wrote', async () => {
    const content = await generatedRegistry(300);
    await importCooperatives(database.db, { actor: staff, fileName: 'registry.xlsx', content, dryRun: true });
    expect(await estimate('organisations')).toBeLessThanOrEqual(0);

    const report = await importCooperatives(database.db, { actor: staff, fileName: 'registry.xlsx', content, dryRun: false });
    expect(report.imported).toBe(300);
    for (const table of ['organisations', 'organisation_statuses', 'audit_events', 'import_runs']) {
      expect(await estimate(table), table).toBe(await count(table));
    }
    expect(Number((await database.exec(`select count(*)::int as n from pg_stats where tablename = 'organisations'`))[0]!.n)).toBeGreaterThan(5);
  });
});
