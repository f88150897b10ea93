// Raising difficulties: a manager for its own organisation, staff for several at once (all or nothing), from an
// annual update's text; codes from the number series, also under two concurrent raises; due in working days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { htxValues } from '../annual-updates/annual-updates.test-support.ts';
import { submitUpdateFor } from '../annual-updates/annual-updates.filing.ts';
import { loadWorkingCalendar, todayInVietnam } from '../calendar/working-days.ts';
import { openDatabase } from '../../../db/client.ts';
import { nextNumber } from './number-series.ts';
import { raiseDifficulties } from './difficulties.raise.ts';
import { createDifficultyWorld, RAISE, type DifficultyWorld } from './difficulties.test-support.ts';

let t: TestApp;
let w: DifficultyWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await createDifficultyWorld(t);
});
afterAll(() => t.close());

describe('a manager raises', () => {
  it('for its own organisation without naming it: online, today, a code of the year, due 10 working days later, audited', async () => {
    const res = await t.request({ method: 'POST', url: '/api/difficulties', cookie: w.manager.cookie, payload: RAISE });
    expect(res.statusCode, res.body).toBe(201);
    const [item] = res.json().items;
    const today = todayInVietnam();
    expect(item).toMatchObject({ organisationId: w.own.id, channel: 'online', raisedOn: today, state: 'received', publicConsent: 'anonymous', published: false, organisation: { name: w.own.name } });
    expect(item.code).toMatch(new RegExp(`^${today.slice(0, 4)}-\\d{4}$`));
    const calendar = await loadWorkingCalendar(t.database.db);
    expect(item.dueOn).toBe(calendar.addWorkingDays(today, 10));
    expect(calendar.workingDaysBetween(today, item.dueOn)).toBe(10);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, item.id));
    expect(events.map((e) => e.action)).toEqual(['difficulty.raised']);
  });

  it("another organisation's id is not found (404), never forbidden", async () => {
    const res = await t.request({ method: 'POST', url: '/api/difficulties', cookie: w.manager.cookie, payload: { ...RAISE, organisationId: w.neighbour.id } });
    expect(res.statusCode).toBe(404);
  });

  it('may not pretend to be staff (several organisations, another channel)', async () => {
    const res = await t.request({ method: 'POST', url: '/api/difficulties', cookie: w.manager.cookie, payload: { ...RAISE, organisationIds: [w.own.id], channel: 'conference' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/Quản lý HTX/);
  });

  it('names the field in Vietnamese when the title is empty', async () => {
    const res = await t.request({ method: 'POST', url: '/api/difficulties', cookie: w.manager.cookie, payload: { ...RAISE, title: '   ' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Tiêu đề');
  });
});

describe('staff raise', () => {
  it('for several organisations at once (a conference): one difficulty each, consecutive codes', async () => {
    const res = await t.request({ method: 'POST', url: '/api/difficulties', cookie: w.staff.cookie, payload: { ...RAISE, organisationIds: [w.own.id, w.neighbour.id, w.far.id], channel: 'conference', occasion: 'Hội nghị đối thoại 2026', raisedOn: todayInVietnam() } });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as Array<{ code: string; organisationId: string; channel: string; occasion: string }>;
    expect(items.map((i) => i.organisationId)).toEqual([w.own.id, w.neighbour.id, w.far.id]);
    expect(items.every((i) => i.channel === 'conference' && i.occasion === 'Hội nghị đối thoại 2026')).toBe(true);
    const seqs = items.map((i) => Number(i.code.slice(5)));
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
  });

  it('all or nothing: an unknown organisation in the third row fails the whole list, naming the row', async () => {
    const before = (await t.request({ url: '/api/difficulties', cookie: w.staff.cookie })).json().total;
    const res = await t.request({ method: 'POST', url: '/api/difficulties', cookie: w.staff.cookie, payload: { ...RAISE, organisationIds: [w.own.id, w.far.id, '00000000-0000-4000-8000-000000000001'], channel: 'conference' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'organisationIds.2', row: 3 });
    expect(res.json().message).toContain('dòng 3');
    const after = (await t.request({ url: '/api/difficulties', cookie: w.staff.cookie })).json().total;
    expect(after).toBe(before);
  });

  it('a repeated organisation is named by its rows', async () => {
    const res = await t.request({ method: 'POST', url: '/api/difficulties', cookie: w.staff.cookie, payload: { ...RAISE, organisationIds: [w.own.id, w.own.id], channel: 'phone' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('dòng 2 trùng với dòng 1');
  });

  it('must choose an organisation, and may not date a difficulty in the future', async () => {
    const none = await t.request({ method: 'POST', url: '/api/difficulties', cookie: w.staff.cookie, payload: RAISE });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('Các tổ chức');
    const future = await t.request({ method: 'POST', url: '/api/difficulties', cookie: w.staff.cookie, payload: { ...RAISE, organisationIds: [w.own.id], raisedOn: '2099-01-05' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('Ngày tiếp nhận');
  });

  it('a commune officer may not raise (403)', async () => {
    const res = await t.request({ method: 'POST', url: '/api/difficulties', cookie: w.communeOfficer.cookie, payload: { ...RAISE, organisationIds: [w.far.id] } });
    expect(res.statusCode).toBe(403);
  });
});

describe('from an annual update', () => {
  it("turns the update's difficulties text into one difficulty, once (409 with the existing id the second time)", async () => {
    const { update } = await submitUpdateFor(t.database.db, { actor: systemActor(TENANT), tenantId: TENANT, organisation: w.own, year: 2025, values: htxValues({ difficulties: 'Thiếu vốn lưu động; khó tiếp cận tín dụng ưu đãi.' }), submitKey: 'from-update-1', channel: 'staff' });
    const res = await t.request({ method: 'POST', url: '/api/difficulties/from-update', cookie: w.staff.cookie, payload: { updateId: update.id, category: 'capital_credit' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'annual_update', sourceUpdateId: update.id, category: 'capital_credit', organisationId: w.own.id, description: 'Thiếu vốn lưu động; khó tiếp cận tín dụng ưu đãi.', publicConsent: 'no' });
    const again = await t.request({ method: 'POST', url: '/api/difficulties/from-update', cookie: w.staff.cookie, payload: { updateId: update.id } });
    expect(again.statusCode).toBe(409);
    expect(again.json().existingId).toBe(res.json().id);
    expect(again.json().message).toContain('đã được ghi nhận');
  });

  it('an update without that text answers 400 in Vietnamese; an unknown one 404; a manager 403', async () => {
    const { update } = await submitUpdateFor(t.database.db, { actor: systemActor(TENANT), tenantId: TENANT, organisation: w.neighbour, year: 2025, values: htxValues({ difficulties: null }), submitKey: 'from-update-2', channel: 'staff' });
    const res = await t.request({ method: 'POST', url: '/api/difficulties/from-update', cookie: w.staff.cookie, payload: { updateId: update.id } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Khó khăn, vướng mắc');
    expect((await t.request({ method: 'POST', url: '/api/difficulties/from-update', cookie: w.staff.cookie, payload: { updateId: '00000000-0000-4000-8000-000000000002' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/difficulties/from-update', cookie: w.manager.cookie, payload: { updateId: update.id } })).statusCode).toBe(403);
  });
});

describe('numbering', () => {
  it('two concurrent raises on two connections get two different consecutive codes', async () => {
    // A second connection to the same database (PostgreSQL); the embedded engine has one connection, where the
    // transactions queue one after the other, which is the same guarantee.
    const url = (t.database as { url?: string }).url;
    const second = url ? await openDatabase({ databaseUrl: url }) : null;
    try {
      const input = { ...RAISE, organisationIds: [w.far.id], channel: 'phone' as const, publicConsent: 'no' as const };
      const [a, b] = await Promise.all([
        raiseDifficulties(t.database.db, { actor: systemActor(TENANT), input }),
        raiseDifficulties((second ?? t.database).db, { actor: systemActor(TENANT), input }),
      ]);
      const codes = [a.items[0]!.code, b.items[0]!.code].sort();
      expect(codes[0]).not.toBe(codes[1]);
      expect(Number(codes[1]!.slice(5)) - Number(codes[0]!.slice(5))).toBe(1);
    } finally {
      await second?.close();
    }
  });

  it('a series starts at 1 for a new year and a rolled-back transaction gives its number back', async () => {
    const db = t.database.db;
    expect(await db.transaction((tx) => nextNumber(tx, TENANT, 'letter', 2031))).toBe(1);
    await expect(
      db.transaction(async (tx) => {
        await nextNumber(tx, TENANT, 'letter', 2031);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await db.transaction((tx) => nextNumber(tx, TENANT, 'letter', 2031))).toBe(2);
    expect(await db.transaction((tx) => nextNumber(tx, TENANT, 'difficulty', 2031))).toBe(1);
  });
});
