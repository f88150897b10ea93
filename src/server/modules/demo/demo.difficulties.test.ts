// The demo's difficulties: about sixty over two years in every state, grouped recommendations with letter numbers
// and an agency's answer, some published; the same seed and day give the same rows; the series continue after them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { createUpdatingOrganisation } from '../annual-updates/annual-updates.test-support.ts';
import { todayInVietnam } from '../calendar/working-days.ts';
import { difficulties, recommendations } from '../difficulties/difficulties.sql.ts';
import { generateDemoDifficulties } from './demo.difficulties.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  for (let i = 1; i <= 12; i++) await createUpdatingOrganisation(t.database.db, { name: `Hợp tác xã Mẫu ${i}`, registrationNumber: `24000000${String(i).padStart(2, '0')}` });
});
afterAll(() => t.close());

const snapshot = async () =>
  (await t.database.db.select().from(difficulties).where(eq(difficulties.tenantId, TENANT)).orderBy(asc(difficulties.year), asc(difficulties.seq))).map((d) => [d.year, d.seq, d.category, d.title, d.state, d.raisedOn, d.dueOn, d.published].join('|'));

describe('demo difficulties', () => {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));

  it('the same seed and day give the same rows', async () => {
    const runs: string[][] = [];
    for (let k = 0; k < 2; k++) {
      await t.database.db
        .transaction(async (tx) => {
          await generateDemoDifficulties(tx, { tenantId: TENANT, today });
          const rows = await tx.select().from(difficulties).where(eq(difficulties.tenantId, TENANT)).orderBy(asc(difficulties.year), asc(difficulties.seq));
          runs[k] = rows.map((d) => [d.year, d.seq, d.category, d.title, d.state, d.raisedOn, d.dueOn, d.published].join('|'));
          throw new Error('rollback');
        })
        .catch((e: Error) => expect(e.message).toBe('rollback'));
    }
    expect(runs[0]!.length).toBeGreaterThan(50);
    expect(runs[1]).toEqual(runs[0]);
    expect(await snapshot()).toEqual([]);
  });

  it('about sixty over this year and last, in every state, with forwarded recommendations, answers and published ones', async () => {
    const summary = await generateDemoDifficulties(t.database.db, { tenantId: TENANT, today });
    expect(summary.difficulties).toBeGreaterThanOrEqual(55);
    expect(summary.difficulties).toBeLessThanOrEqual(65);
    const rows = await t.database.db.select().from(difficulties).where(eq(difficulties.tenantId, TENANT));
    expect(new Set(rows.map((d) => d.year))).toEqual(new Set([year - 1, year]));
    expect(new Set(rows.map((d) => d.state)).size).toBeGreaterThanOrEqual(4);
    expect(rows.some((d) => d.state === 'closed') && rows.some((d) => d.state === 'handling') && rows.some((d) => d.state === 'forwarded')).toBe(true);
    expect(new Set(rows.map((d) => d.category)).size).toBeGreaterThanOrEqual(7);
    expect(rows.every((d) => d.raisedOn <= today)).toBe(true);
    expect(rows.filter((d) => d.published).every((d) => d.publicConsent !== 'no')).toBe(true);
    expect(rows.some((d) => d.published)).toBe(true);
    const recs = await t.database.db.select().from(recommendations).where(eq(recommendations.tenantId, TENANT));
    expect(recs.length).toBeGreaterThanOrEqual(2);
    expect(recs.every((rec) => /^\d+\/LMHTX-VP$/.test(rec.letterNumber!))).toBe(true);
    expect(recs.some((rec) => rec.state === 'answered')).toBe(true);

    // Through the API: the list's counts add up, a grouped one shows its letter and the agency's answer.
    const staff = await t.signIn('alliance_staff');
    const list = (await t.request({ url: '/api/difficulties?pageSize=200', cookie: staff.cookie })).json();
    expect(list.total).toBe(rows.length);
    const answeredRec = recs.find((rec) => rec.state === 'answered')!;
    const grouped = rows.find((d) => d.recommendationId === answeredRec.id)!;
    const detail = (await t.request({ url: `/api/difficulties/${grouped.id}`, cookie: staff.cookie })).json();
    expect(detail.recommendation).toMatchObject({ letterNumber: answeredRec.letterNumber, state: 'answered' });
    expect(detail.answers).toHaveLength(1);
    expect(detail.answers[0].content).toContain('trả lời');

    // The series go on after the demo's numbers: a new difficulty of this year takes the next code.
    const last = Math.max(...rows.filter((d) => d.year === year).map((d) => d.seq));
    const raised = await t.request({ method: 'POST', url: '/api/difficulties', cookie: staff.cookie, payload: { organisationIds: [rows[0]!.organisationId], category: 'tax', title: 'Mới', description: 'Mới.', publicConsent: 'no' } });
    expect(raised.json().items[0].code).toBe(`${year}-${String(last + 1).padStart(4, '0')}`);
    // A second load adds nothing.
    expect(await generateDemoDifficulties(t.database.db, { tenantId: TENANT, today })).toEqual({ difficulties: 0, recommendations: 0 });
    expect((await t.database.db.select().from(difficulties).where(and(eq(difficulties.tenantId, TENANT)))).length).toBe(rows.length + 1);
  });
});
