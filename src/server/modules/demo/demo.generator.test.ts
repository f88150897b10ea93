import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRegistrationNumber } from '../../../shared/registration-number.ts';
import { openTestDatabase, TENANT } from '../../../test/harness.ts';
import { queryRows } from '../../../db/client.ts';
import { apportion, buildDemoRows, DEMO_TARGETS, generateDemoProvince } from './demo.generator.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
  await generateDemoProvince(database.db, { tenantId: TENANT });
});
afterAll(() => database.drop());

describe('demo province', () => {
  it("reproduces the seed article's figures on 31/12/2023 (counted straight in SQL)", async () => {
    const rows = await queryRows<{ group: string; n: number; capital: string; members: number; new2023: number }>(database.db, sql`
      select s.group_key as "group", count(*)::int as n,
             sum(o.charter_capital_vnd)::text as capital,
             sum(o.members_official + o.members_associated_capital + o.members_associated_no_capital)::int as members,
             count(*) filter (where extract(year from o.founded_on) = 2023)::int as new2023
      from organisations o join sectors s on s.code = o.sector_code
      where o.tenant_id = ${TENANT} and o.founded_on <= '2023-12-31' and (o.dissolved_on is null or o.dissolved_on > '2023-12-31')
      group by s.group_key order by s.group_key`);
    const by = Object.fromEntries(rows.map((r) => [r.group, r]));
    expect(by.agriculture!.n).toBe(DEMO_TARGETS.agriculture);
    expect(by.non_agriculture!.n).toBe(DEMO_TARGETS.nonAgriculture);
    expect(by.credit_fund!.n).toBe(DEMO_TARGETS.creditFunds);
    expect(rows.reduce((a, r) => a + r.n, 0)).toBe(1116);
    expect(rows.reduce((a, r) => a + r.new2023, 0)).toBe(101);
    expect(rows.reduce((a, r) => a + BigInt(r.capital), 0n)).toBe(2_772_000_000_000n);
    expect(rows.reduce((a, r) => a + r.members, 0)).toBe(42_153);
  });

  it('has dissolved organisations in every year of the last ten and new ones since', async () => {
    const result = await queryRows<{ y: number }>(database.db, sql`
      select extract(year from dissolved_on)::int as y, count(*)::int as n from organisations
      where tenant_id = ${TENANT} and dissolved_on is not null group by 1 order by 1`);
    const years = result.map((r) => r.y);
    for (let y = 2014; y <= 2025; y++) expect(years).toContain(y);
  });

  it('is deterministic and issues valid, unique registration numbers', () => {
    const communes = [{ name: 'Xã Tân Dĩnh', district: 'Lạng Giang', currentCode: '07000' }, { name: 'Xã Cao Xá', district: 'Tân Yên', currentCode: '07001' }];
    const a = buildDemoRows(communes, 7);
    const b = buildDemoRows(communes, 7);
    expect(a).toEqual(b);
    expect(buildDemoRows(communes, 8)).not.toEqual(a);
    const numbers = a.map((o) => o.registrationNumber!);
    expect(numbers.every((n) => checkRegistrationNumber(n).ok)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('apportions a total exactly', () => {
    const parts = apportion(100n, [1, 1, 1]);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(100n);
    expect(parts).toEqual([34n, 33n, 33n]);
  });
});
