// The consultations' report: by topic (requested, done, average rating), by commune, and those still waiting with
// their working days (weekends and the law's days off not counted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { createUpdatingOrganisation } from '../annual-updates/annual-updates.test-support.ts';
import { loadWorkingCalendar, todayInVietnam } from '../calendar/working-days.ts';
import { createTestConsultation, createTestExpert } from './consultations.test-support.ts';

let t: TestApp;
const today = todayInVietnam();
const year = Number(today.slice(0, 4));
const longAgo = `${year}-01-05`;
let waitingId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const expert = await createTestExpert(db, TENANT);
  const tanDinh = await createUpdatingOrganisation(db, { name: 'Hợp tác xã Báo Cáo Tân Dĩnh' });
  const caoXa = await createUpdatingOrganisation(db, { name: 'Hợp tác xã Báo Cáo Cao Xá', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' });
  const base = { tenantId: TENANT, expertId: expert.id };
  const done1 = await createTestConsultation(db, { ...base, organisationId: tanDinh.id, until: 'done', topic: 'accounting' });
  const done2 = await createTestConsultation(db, { ...base, organisationId: caoXa.id, until: 'done', topic: 'accounting' });
  await createTestConsultation(db, { ...base, organisationId: caoXa.id, until: 'scheduled', topic: 'law' });
  waitingId = (await createTestConsultation(db, { ...base, organisationId: tanDinh.id, topic: 'digital', requestedOn: longAgo })).id;
  // Last year's and another alliance's requests are not counted.
  await createTestConsultation(db, { ...base, organisationId: tanDinh.id, topic: 'accounting', requestedOn: `${year - 1}-06-01` });
  const foreignOrg = await createUpdatingOrganisation(db, { name: 'Hợp tác xã Nơi Khác' }, OTHER_TENANT);
  const foreignExpert = await createTestExpert(db, OTHER_TENANT);
  await createTestConsultation(db, { tenantId: OTHER_TENANT, organisationId: foreignOrg.id, expertId: foreignExpert.id, topic: 'accounting' });
  const manager = async (organisationId: string) => (await t.signIn('coop_manager', { organisationId })).cookie;
  await t.request({ method: 'POST', url: `/api/consultations/${done1.id}/rating`, cookie: await manager(tanDinh.id), payload: { rating: 5 } });
  await t.request({ method: 'POST', url: `/api/consultations/${done2.id}/rating`, cookie: await manager(caoXa.id), payload: { rating: 4 } });
});
afterAll(() => t.close());

describe('GET /api/reports/consultations', () => {
  it('counts by topic and commune, and lists who still waits with working days', async () => {
    const { cookie } = await t.signIn('alliance_staff');
    const res = await t.request({ url: `/api/reports/consultations?year=${year}`, cookie });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.year).toBe(year);
    expect(report.byTopic).toHaveLength(8);
    expect(report.byTopic.find((r: { topic: string }) => r.topic === 'accounting')).toEqual({ topic: 'accounting', requested: 2, done: 2, averageRating: 4.5 });
    expect(report.byTopic.find((r: { topic: string }) => r.topic === 'law')).toEqual({ topic: 'law', requested: 1, done: 0, averageRating: null });
    expect(report.byTopic.find((r: { topic: string }) => r.topic === 'market')).toEqual({ topic: 'market', requested: 0, done: 0, averageRating: null });
    const communes = Object.fromEntries(report.byCommune.map((c: { commune: string; requested: number; done: number }) => [c.commune, [c.requested, c.done]]));
    // Cao Xá is part of Xã Tân Yên since the 2025 merger: counted under the commune of today.
    expect(communes).toEqual({ 'Xã Tân Dĩnh': [2, 1], 'Xã Tân Yên': [2, 1] });
    expect(report.waiting.map((w: { organisation: string; topic: string }) => [w.organisation, w.topic])).toEqual([
      ['Hợp tác xã Báo Cáo Tân Dĩnh', 'digital'],
      ['Hợp tác xã Báo Cáo Cao Xá', 'law'],
    ]);
    const calendar = await loadWorkingCalendar(t.database.db);
    const first = report.waiting[0];
    expect(first).toMatchObject({ id: waitingId, requestedOn: longAgo, state: 'requested' });
    expect(first.workingDaysWaiting).toBe(calendar.workingDaysBetween(longAgo, today));
    // Weekends and days off are not counted: fewer working days than calendar days.
    const calendarDays = Math.round((Date.parse(today) - Date.parse(longAgo)) / 86_400_000);
    expect(first.workingDaysWaiting).toBeLessThan(calendarDays);
    expect(report.waiting[1].workingDaysWaiting).toBe(0);
  });

  it('is the alliance staff’s: a manager and a commune officer are refused; a bad year is named', async () => {
    const manager = (await t.signIn('coop_manager')).cookie;
    expect((await t.request({ url: `/api/reports/consultations?year=${year}`, cookie: manager })).statusCode).toBe(403);
    const { cookie } = await t.signIn('alliance_admin');
    const bad = await t.request({ url: '/api/reports/consultations?year=nam-nay', cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Năm');
  });
});
