// A new installation without the demo: its alliances' portals start with the default categories (`coop serve`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { SECOND_ALLIANCE } from '../../../test/global-setup.ts';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { DEFAULT_CATEGORIES, ensureCategoriesOfNewAlliances } from './categories.service.ts';
import { readPortalVersion } from './portal-version.ts';
import { portalCategories } from './portal.sql.ts';
import { alliances as allianceTable } from '../tenants/tenants.sql.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const slugsOf = async (tenantId: number) =>
  (await t.database.db.select({ slug: portalCategories.slug }).from(portalCategories).where(eq(portalCategories.tenantId, tenantId)).orderBy(asc(portalCategories.menuOrder))).map((c) => c.slug);

describe('default categories of a new alliance', () => {
  it('gives them, in order, to every alliance that has none, once, and leaves an alliance with its own alone', async () => {
    const staff = (await t.signIn('alliance_staff', { tenantId: SECOND_ALLIANCE.id })).cookie;
    const own = await t.request({ method: 'POST', url: '/api/portal/categories', cookie: staff, payload: { name: 'Tin của tỉnh' } });
    expect(own.statusCode, own.body).toBe(201);
    expect(await slugsOf(TENANT)).toEqual([]);
    const before = await readPortalVersion(t.database.db, TENANT);

    const alliances = await t.database.db.select({ id: allianceTable.id }).from(allianceTable);
    expect(alliances.length).toBeGreaterThanOrEqual(2);
    expect(await ensureCategoriesOfNewAlliances(t.database.db)).toBe(alliances.length - 1); // all but the second alliance
    expect(await slugsOf(TENANT)).toEqual(DEFAULT_CATEGORIES.map((c) => c.slug));
    expect(await readPortalVersion(t.database.db, TENANT)).toBeGreaterThan(before);
    expect(await slugsOf(SECOND_ALLIANCE.id)).toEqual(['tin-cua-tinh']);

    expect(await ensureCategoriesOfNewAlliances(t.database.db)).toBe(0);
    expect(await slugsOf(TENANT)).toHaveLength(DEFAULT_CATEGORIES.length);
  });
});
