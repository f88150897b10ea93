// Verification through the API: the queue, return with reasons, correction and resubmission, acceptance into the
// registry's history, accepting many, and who may decide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { createUpdatingOrganisation, htxValues, thtValues } from './annual-updates.test-support.ts';

let t: TestApp;
type OrgKey = 'vai' | 'anh' | 'cam' | 'may' | 'dua';
const orgs = {} as Record<OrgKey, { id: string; name: string; currentCommuneCode: string | null }>;
const cookies: Record<string, string> = {};
const ids = {} as Record<Exclude<OrgKey, 'dua'>, string>;
const base = (id: string, year = 2026) => `/api/annual-updates/organisations/${id}/${year}`;

async function submit(orgKey: OrgKey, values: Record<string, unknown>, cookie = cookies.staff, year = 2026) {
  const res = await t.request({ method: 'POST', url: `${base(orgs[orgKey].id, year)}/submit`, cookie, payload: { values, submitKey: `key-${orgKey}-${year}-${Math.random()}` } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().update.id as string;
}

const revision = async () => (await queryRows<{ v: string }>(t.database.db, sql`select revision::text as v from report_revisions where tenant_id = ${TENANT}`))[0]?.v ?? '0';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  orgs.vai = await createUpdatingOrganisation(db, { name: 'Hợp tác xã Vải thiều Tân Dĩnh', membersOfficial: 30, workers: 10, charterCapitalVnd: '900000000' });
  orgs.anh = await createUpdatingOrganisation(db, { name: 'Hợp tác xã Ánh Dương' });
  orgs.cam = await createUpdatingOrganisation(db, { name: 'Hợp tác xã Cam Cao Xá', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' });
  orgs.may = await createUpdatingOrganisation(db, { name: 'Tổ hợp tác Mây tre Tân Dĩnh', kind: 'THT', membersOfficial: 9, membersAssociatedCapital: 2 });
  orgs.dua = await createUpdatingOrganisation(db, { name: 'Hợp tác xã Dứa Tân Dĩnh' });
  cookies.admin = (await t.signIn('alliance_admin')).cookie;
  cookies.staff = (await t.signIn('alliance_staff')).cookie;
  cookies.manager = (await t.signIn('coop_manager', { organisationId: orgs.vai.id })).cookie;
  cookies.commune = (await t.signIn('commune_officer', { communeCode: orgs.vai.currentCommuneCode! })).cookie;
  cookies.otherStaff = (await t.signIn('alliance_staff', { tenantId: OTHER_TENANT })).cookie;
  cookies.fund = (await t.signIn('fund_officer')).cookie;
});
afterAll(() => t.close());

describe('the queue', () => {
  it('lists a year’s updates in Vietnamese name order, filtered by state, commune and kind, paged', async () => {
    ids.vai = await submit('vai', htxValues(), cookies.manager);
    ids.anh = await submit('anh', htxValues());
    ids.cam = await submit('cam', htxValues());
    ids.may = await submit('may', thtValues());
    await t.request({ method: 'PUT', url: `${base(orgs.dua.id)}/draft`, cookie: cookies.staff, payload: { values: { workers: 3 }, draftVersion: 0 } });
    const all = (await t.request({ url: '/api/annual-updates?year=2026', cookie: cookies.staff })).json();
    expect(all.total).toBe(5);
    // "Ánh" sorts with A, before "Cam", in Vietnamese dictionary order (not after Z as bytes would).
    expect(all.items.map((i: { organisation: { name: string } }) => i.organisation.name)).toEqual([
      'Hợp tác xã Ánh Dương', 'Hợp tác xã Cam Cao Xá', 'Hợp tác xã Dứa Tân Dĩnh', 'Hợp tác xã Vải thiều Tân Dĩnh', 'Tổ hợp tác Mây tre Tân Dĩnh',
    ]);
    expect(all.items[0]).toMatchObject({ state: 'submitted', onTime: true, questionedFields: 0, organisation: { kind: 'HTX' }, can: { accept: true, return: true } });
    expect(all.counts).toEqual({ draft: 1, submitted: 4, returned: 0, accepted: 0 });
    const submitted = (await t.request({ url: '/api/annual-updates?year=2026&state=submitted&kind=HTX', cookie: cookies.staff })).json();
    expect(submitted.total).toBe(3);
    // The counts follow commune and kind, not the state chosen: the filter buttons keep their numbers.
    expect(submitted.counts).toEqual({ draft: 1, submitted: 3, returned: 0, accepted: 0 });
    const commune = (await t.request({ url: `/api/annual-updates?year=2026&commune=${orgs.cam.currentCommuneCode}`, cookie: cookies.staff })).json();
    expect(commune.items.map((i: { id: string }) => i.id)).toEqual([ids.cam]);
    const page2 = (await t.request({ url: '/api/annual-updates?year=2026&pageSize=2&page=2', cookie: cookies.staff })).json();
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(2);
    expect((await t.request({ url: '/api/annual-updates?year=2025', cookie: cookies.staff })).json().total).toBe(0);
  });

  it('a commune officer sees only its commune’s, and may not decide', async () => {
    const list = (await t.request({ url: '/api/annual-updates?year=2026', cookie: cookies.commune })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(ids.cam);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(ids.vai);
    expect(list.items[0].can).toMatchObject({ accept: false, return: false });
    expect((await t.request({ url: `/api/annual-updates/${ids.cam}`, cookie: cookies.commune })).statusCode).toBe(404);
    expect((await t.request({ url: `/api/annual-updates/${ids.vai}`, cookie: cookies.commune })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: `/api/annual-updates/${ids.vai}/accept`, cookie: cookies.commune })).statusCode).toBe(403);
  });

  it('refuses a bad state in Vietnamese', async () => {
    const res = await t.request({ url: '/api/annual-updates?year=2026&state=done', cookie: cookies.staff });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Trạng thái');
  });
});

describe('return, correct, resubmit, accept', () => {
  it('returns with a reason on each questioned field; only fields of the form, at least one', async () => {
    const unknown = await t.request({ method: 'POST', url: `/api/annual-updates/${ids.vai}/return`, cookie: cookies.staff, payload: { reasons: { salary: 'Sai' } } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('không có trong biểu mẫu');
    const empty = await t.request({ method: 'POST', url: `/api/annual-updates/${ids.vai}/return`, cookie: cookies.staff, payload: { reasons: { revenueVnd: '  ' } } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('ít nhất một trường');
    const before = await revision();
    const res = await t.request({ method: 'POST', url: `/api/annual-updates/${ids.vai}/return`, cookie: cookies.staff, payload: { reasons: { revenueVnd: 'Doanh thu tăng gấp ba so với năm trước, đề nghị kiểm tra.' } } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().update).toMatchObject({ state: 'returned', returnReasons: { revenueVnd: expect.stringContaining('gấp ba') } });
    expect(BigInt(await revision())).toBeGreaterThan(BigInt(before));
    const twice = await t.request({ method: 'POST', url: `/api/annual-updates/${ids.vai}/return`, cookie: cookies.staff, payload: { reasons: { revenueVnd: 'x' } } });
    expect(twice.statusCode).toBe(409);
  });

  it('the manager sees the reasons, corrects and resubmits; it stays on time', async () => {
    const mine = (await t.request({ url: '/api/annual-updates/mine?year=2026', cookie: cookies.manager })).json();
    expect(mine.update.state).toBe('returned');
    expect(mine.returnReasons).toEqual({ revenueVnd: 'Doanh thu tăng gấp ba so với năm trước, đề nghị kiểm tra.' });
    expect(mine.can.submit).toBe(true);
    const draft = await t.request({ method: 'PUT', url: `${base(orgs.vai.id)}/draft`, cookie: cookies.manager, payload: { values: htxValues({ revenueVnd: 1_200_000_000 }), draftVersion: mine.update.draftVersion } });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().update.state).toBe('returned');
    const first = mine.update.firstSubmittedAt;
    const again = await t.request({ method: 'POST', url: `${base(orgs.vai.id)}/submit`, cookie: cookies.manager, payload: { values: htxValues({ revenueVnd: 1_200_000_000, membersOfficial: 44, membersTotal: 52, workers: 14 }), submitKey: 'resubmit-0001' } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().update).toMatchObject({ state: 'submitted', firstSubmittedAt: first, onTime: true });
    expect(again.json().update.submittedAt >= first).toBe(true);
  });

  it('staff open it beside last year’s and the registry’s figures', async () => {
    const res = await t.request({ url: `/api/annual-updates/${ids.vai}`, cookie: cookies.staff });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.update).toMatchObject({ id: ids.vai, state: 'submitted', values: { revenueVnd: 1_200_000_000 } });
    expect(body.form).toMatchObject({ kind: 'HTX', version: 1, id: body.update.formId });
    expect(body.organisation).toMatchObject({ id: orgs.vai.id, membersOfficial: 30, workers: 10, charterCapitalVnd: '900000000' });
    expect(body.lastAccepted).toBeNull();
    expect(body.can).toMatchObject({ accept: true, return: true, edit: false });
  });

  it('accepting writes members, workers and charter capital into the registry, through its history', async () => {
    const res = await t.request({ method: 'POST', url: `/api/annual-updates/${ids.vai}/accept`, cookie: cookies.staff, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().update).toMatchObject({ state: 'accepted', acceptedBy: expect.stringContaining('alliance_staff') });
    const org = (await t.request({ url: `/api/cooperatives/${orgs.vai.id}`, cookie: cookies.staff })).json();
    expect(org).toMatchObject({ membersOfficial: 44, membersAssociatedCapital: 5, membersAssociatedNoCapital: 3, workers: 14, charterCapitalVnd: '1300000000' });
    const events = await queryRows<{ action: string; before: Record<string, unknown>; after: Record<string, unknown>; actor_label: string }>(
      t.database.db,
      sql`select action, before, after, actor_label from audit_events where entity_type = 'organisation' and entity_id = ${orgs.vai.id} order by at desc limit 1`,
    );
    expect(events[0]).toMatchObject({ action: 'organisation.updated', before: { membersOfficial: 30, workers: 10, charterCapitalVnd: '900000000' }, after: { membersOfficial: 44, workers: 14, fromAnnualUpdate: { id: ids.vai, year: 2026 } } });
    expect(events[0]!.actor_label).toContain('alliance_staff');
    const history = (await t.request({ url: `/api/cooperatives/${orgs.vai.id}/history`, cookie: cookies.staff })).json();
    expect(history.audit[0]).toMatchObject({ action: 'organisation.updated', fromAnnualUpdate: { id: ids.vai, year: 2026 } });
  });

  it('an accepted update is closed to the manager and to a second decision', async () => {
    const submitAgain = await t.request({ method: 'POST', url: `${base(orgs.vai.id)}/submit`, cookie: cookies.manager, payload: { values: htxValues(), submitKey: 'after-accept-0001' } });
    expect(submitAgain.statusCode).toBe(409);
    expect(submitAgain.json().message).toContain('đã được Liên minh tiếp nhận');
    expect((await t.request({ method: 'POST', url: `/api/annual-updates/${ids.vai}/accept`, cookie: cookies.staff })).statusCode).toBe(409);
    expect((await t.request({ method: 'POST', url: `/api/annual-updates/${ids.vai}/return`, cookie: cookies.staff, payload: { reasons: { workers: 'x' } } })).statusCode).toBe(409);
  });

  it('next year the accepted values are shown as last year’s', async () => {
    const mine = (await t.request({ url: '/api/annual-updates/mine?year=2027', cookie: cookies.manager })).json();
    expect(mine.lastAccepted).toMatchObject({ id: ids.vai, year: 2026, values: { revenueVnd: 1_200_000_000, workers: 14 } });
    expect(mine.update).toBeNull();
  });
});

describe('accepting many', () => {
  it('accepts those waiting and skips, with the reason, those returned, not sent, accepted or unknown', async () => {
    await t.request({ method: 'POST', url: `/api/annual-updates/${ids.cam}/return`, cookie: cookies.staff, payload: { reasons: { workers: 'Kiểm tra lại số lao động.' } } });
    const draft = (await t.request({ url: `/api/annual-updates?year=2026&state=draft`, cookie: cookies.staff })).json().items[0].id;
    const stranger = '00000000-0000-4000-8000-000000000000';
    const res = await t.request({ method: 'POST', url: '/api/annual-updates/accept', cookie: cookies.admin, payload: { ids: [ids.anh, ids.may, ids.cam, draft, ids.vai, stranger] } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.accepted.map((a: { id: string }) => a.id).sort()).toEqual([ids.anh, ids.may].sort());
    expect(Object.fromEntries(body.skipped.map((s: { id: string; reason: string }) => [s.id, s.reason]))).toEqual({
      [ids.cam]: 'Không thể tiếp nhận: bản cập nhật đang chờ tổ chức sửa.',
      [draft]: 'Không thể tiếp nhận: bản cập nhật chưa được gửi.',
      [ids.vai]: 'Không thể tiếp nhận: bản cập nhật đã được tiếp nhận.',
      [stranger]: 'Không tìm thấy bản cập nhật.',
    });
    // The cooperative group's members are its official members.
    const group = (await t.request({ url: `/api/cooperatives/${orgs.may.id}`, cookie: cookies.staff })).json();
    expect(group).toMatchObject({ membersOfficial: 12, membersAssociatedCapital: 0, membersAssociatedNoCapital: 0, workers: 8 });
  });

  it('the update carries its rounds, oldest first, with who did what and the reasons of a return', async () => {
    const res = await t.request({ url: `/api/annual-updates/${ids.vai}`, cookie: cookies.staff });
    const history = res.json().history as { at: string; action: string; actorLabel: string; reasons?: Record<string, string> }[];
    expect(history.map((h) => h.action)).toEqual(['submitted', 'returned', 'resubmitted', 'accepted']);
    expect(history[1]!.reasons).toEqual({ revenueVnd: 'Doanh thu tăng gấp ba so với năm trước, đề nghị kiểm tra.' });
    expect(history.map((h) => h.at)).toEqual([...history.map((h) => h.at)].sort());
    expect(history[0]!.actorLabel).not.toBe(history[1]!.actorLabel);
  });

  it('every decision is audited', async () => {
    const rows = await queryRows<{ action: string; n: number }>(t.database.db, sql`select action, count(*)::int as n from audit_events where entity_type = 'annual_update' group by action order by action`);
    expect(Object.fromEntries(rows.map((r) => [r.action, r.n]))).toEqual({ 'annual_update.accepted': 3, 'annual_update.returned': 2, 'annual_update.submitted': 5 });
  });
});

describe('who may decide', () => {
  it('staff of another alliance, a fund officer and a manager get nothing', async () => {
    expect((await t.request({ url: `/api/annual-updates/${ids.anh}`, cookie: cookies.otherStaff })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/annual-updates/${ids.cam}/return`, cookie: cookies.otherStaff, payload: { reasons: { workers: 'x' } } })).statusCode).toBe(404);
    const bulk = await t.request({ method: 'POST', url: '/api/annual-updates/accept', cookie: cookies.otherStaff, payload: { ids: [ids.cam] } });
    expect(bulk.json()).toEqual({ accepted: [], skipped: [{ id: ids.cam, reason: 'Không tìm thấy bản cập nhật.' }] });
    expect((await t.request({ url: '/api/annual-updates?year=2026', cookie: cookies.otherStaff })).json().total).toBe(0);
    expect((await t.request({ url: `/api/annual-updates/${ids.anh}`, cookie: cookies.fund })).statusCode).toBe(403);
    expect((await t.request({ url: `/api/annual-updates/${ids.vai}`, cookie: cookies.manager })).statusCode).toBe(403);
  });
});

describe('the report version', () => {
  it('moves when a filed update changes, not when a draft is saved', async () => {
    const before = await revision();
    const dua = orgs.dua.id;
    const mine = (await t.request({ url: `/api/annual-updates/mine?year=2026&organisationId=${dua}`, cookie: cookies.staff })).json();
    await t.request({ method: 'PUT', url: `${base(dua)}/draft`, cookie: cookies.staff, payload: { values: { workers: 4 }, draftVersion: mine.update.draftVersion } });
    expect(await revision()).toBe(before);
    await submit('dua', htxValues());
    expect(BigInt(await revision())).toBeGreaterThan(BigInt(before));
  });
});
