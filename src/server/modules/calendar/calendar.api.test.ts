import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { calendarDayEntityId } from './calendar.service.ts';
import { loadWorkingCalendar } from './working-days.ts';

let t: TestApp;
let admin: string;
let staff: string;
let manager: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signIn('alliance_admin')).cookie;
  staff = (await t.signIn('alliance_staff')).cookie;
  manager = (await t.signIn('coop_manager')).cookie;
});
afterAll(() => t.close());

const days = async (year: number, cookie = staff) => {
  const res = await t.request({ url: `/api/calendar/days?year=${year}`, cookie });
  expect(res.statusCode).toBe(200);
  return res.json() as { year: number; days: { day: string; name: string; dayOff: boolean; source: string; lawName: string | null; weekend: boolean }[] };
};
const dueDate = async (from: string, workingDays: number, cookie = manager) => {
  const res = await t.request({ url: `/api/calendar/due-date?from=${from}&workingDays=${workingDays}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().dueOn as string;
};

describe('calendar API', () => {
  it("lists the law's days off of a year that are not weekends, with their Vietnamese names", async () => {
    const body = await days(2027);
    expect(body.year).toBe(2027);
    expect(body.days.map((d) => d.day)).toEqual([
      '2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-01', '2027-09-02',
    ]);
    expect(body.days.every((d) => d.source === 'law' && d.dayOff && !d.weekend)).toBe(true);
    expect(body.days.find((d) => d.day === '2027-05-03')?.name).toBe('Nghỉ bù Ngày Quốc tế Lao động (1/5)');
  });

  it('counts a due date in working days for anyone signed in', async () => {
    expect(await dueDate('2026-02-13', 10)).toBe('2026-03-06');
    const res = await t.request({ url: '/api/calendar/due-date?from=2026-02-13&workingDays=10', cookie: manager });
    expect(res.json()).toEqual({ from: '2026-02-13', workingDays: 10, dueOn: '2026-03-06' });
  });

  it("the administrator's corrections change the list and the due dates, each audited, and can be removed", async () => {
    // The government's Tết 2026: the Saturday before and the Monday after off too; a Saturday worked; 3/9 not 1/9.
    const corrections = [
      { day: '2026-02-23', dayOff: true, name: 'Nghỉ Tết theo thông báo của Chính phủ' },
      { day: '2026-02-28', dayOff: false, name: 'Làm bù cho ngày 23/02' },
      { day: '2026-09-01', dayOff: false, name: 'Làm việc (nghỉ 3/9 thay 1/9)' },
      { day: '2026-09-03', dayOff: true, name: 'Quốc khánh (ngày liền kề 3/9)' },
    ];
    for (const { day, ...body } of corrections) {
      const res = await t.request({ method: 'PUT', url: `/api/calendar/days/${day}`, cookie: admin, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ day, ...body, changedBy: expect.stringContaining('alliance_admin') });
    }
    const list = await days(2026, manager);
    expect(list.days.find((d) => d.day === '2026-02-23')).toMatchObject({ source: 'admin', dayOff: true, weekend: false, lawName: null });
    expect(list.days.find((d) => d.day === '2026-02-28')).toMatchObject({ source: 'admin', dayOff: false, weekend: true });
    expect(list.days.find((d) => d.day === '2026-09-01')).toMatchObject({ source: 'admin', dayOff: false, lawName: 'Quốc khánh (ngày liền kề 1/9)' });
    expect(list.days.filter((d) => d.day === '2026-09-01')).toHaveLength(1);

    expect(await dueDate('2026-02-13', 1)).toBe('2026-02-24');
    expect(await dueDate('2026-02-27', 1)).toBe('2026-02-28');
    expect(await dueDate('2026-08-31', 1)).toBe('2026-09-01');
    expect(await dueDate('2026-09-01', 1)).toBe('2026-09-04');
    const calendar = await loadWorkingCalendar(t.database);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);

    // Changing a correction replaces it; the audit keeps before and after.
    const changed = await t.request({ method: 'PUT', url: '/api/calendar/days/2026-02-23', cookie: admin, payload: { dayOff: true, name: 'Nghỉ Tết (bổ sung)' } });
    expect(changed.statusCode).toBe(200);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, TENANT), eq(auditEvents.entityType, 'calendar_day'), eq(auditEvents.entityId, calendarDayEntityId('2026-02-23'))));
    expect(events.map((e) => e.action)).toEqual(['calendar_day.set', 'calendar_day.set']);
    const last = events.find((e) => e.before !== null);
    expect(last?.before).toMatchObject({ name: 'Nghỉ Tết theo thông báo của Chính phủ' });
    expect(last?.after).toMatchObject({ name: 'Nghỉ Tết (bổ sung)' });

    for (const { day } of corrections) {
      const res = await t.request({ method: 'DELETE', url: `/api/calendar/days/${day}`, cookie: admin });
      expect(res.statusCode).toBe(200);
    }
    expect(await dueDate('2026-02-13', 1)).toBe('2026-02-23');
    expect((await days(2026)).days.every((d) => d.source === 'law')).toBe(true);
    const removed = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'calendar_day.removed'), eq(auditEvents.entityId, calendarDayEntityId('2026-09-03'))));
    expect(removed).toHaveLength(1);
    expect(removed[0]?.after).toBeNull();
  });

  it('removing a date without a correction is a 404 in Vietnamese', async () => {
    const res = await t.request({ method: 'DELETE', url: '/api/calendar/days/2026-03-10', cookie: admin });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('Không tìm thấy điều chỉnh lịch của ngày 10/03/2026.');
  });

  it('only the administrator corrects; staff and managers get 403, nobody signed out reads', async () => {
    for (const cookie of [staff, manager]) {
      const res = await t.request({ method: 'PUT', url: '/api/calendar/days/2026-03-10', cookie, payload: { dayOff: true, name: 'Thử' } });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.request({ url: '/api/calendar/days?year=2026' })).statusCode).toBe(401);
    expect((await t.request({ url: '/api/calendar/due-date?from=2026-03-10&workingDays=1' })).statusCode).toBe(401);
  });

  it.each([
    ['/api/calendar/days?year=1800', 'year', 'Năm'],
    ['/api/calendar/days', 'year', 'Năm'],
    ['/api/calendar/due-date?from=2026-02-30&workingDays=1', 'from', 'Từ ngày'],
    ['/api/calendar/due-date?from=2026-02-10&workingDays=-1', 'workingDays', 'Số ngày làm việc'],
    ['/api/calendar/due-date?from=2026-02-10&workingDays=mười', 'workingDays', 'Số ngày làm việc'],
    ['/api/calendar/due-date?from=2026-02-10&workingDays=5000', 'workingDays', 'Số ngày làm việc'],
  ])('refuses %s naming the field', async (url, field, label) => {
    const res = await t.request({ url, cookie: staff });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field, message: expect.stringContaining(label) });
  });

  it.each([
    ['2026-02-30', { dayOff: true, name: 'Nghỉ' }, 'day', 'Ngày'],
    ['2026-02-10', { dayOff: 'có', name: 'Nghỉ' }, 'dayOff', 'Ngày nghỉ hay làm việc'],
    ['2026-02-10', { dayOff: true, name: '  ' }, 'name', 'Tên'],
  ])('refuses a correction of %s with a bad %o', async (day, payload, field, label) => {
    const res = await t.request({ method: 'PUT', url: `/api/calendar/days/${day}`, cookie: admin, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field, message: expect.stringContaining(label) });
  });
});
