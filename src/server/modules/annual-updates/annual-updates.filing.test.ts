// Filing the annual update through the API: the manager's year, drafts from two devices, submit once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { userOrganisations } from '../accounts/accounts.sql.ts';
import { createUpdatingOrganisation, htxValues, thtValues } from './annual-updates.test-support.ts';

let t: TestApp;
let org: { id: string; name: string };
let other: { id: string };
let group: { id: string };
let fund: { id: string };
let foreign: { id: string };
const cookies: Record<string, string> = {};
const base = (id: string, year = 2026) => `/api/annual-updates/organisations/${id}/${year}`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  org = await createUpdatingOrganisation(db, { name: 'Hợp tác xã Vải thiều Tân Dĩnh' });
  other = await createUpdatingOrganisation(db, { name: 'Hợp tác xã Cam Cao Xá', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' });
  group = await createUpdatingOrganisation(db, { name: 'Tổ hợp tác Mây tre Tân Dĩnh', kind: 'THT' });
  fund = await createUpdatingOrganisation(db, { sectorCode: 'credit_fund' });
  foreign = await createUpdatingOrganisation(db, { name: 'Hợp tác xã Chè Thái Nguyên' }, OTHER_TENANT);
  cookies.manager = (await t.signIn('coop_manager', { organisationId: org.id })).cookie;
  cookies.groupManager = (await t.signIn('coop_manager', { organisationId: group.id })).cookie;
  cookies.fundManager = (await t.signIn('coop_manager', { organisationId: fund.id })).cookie;
  cookies.staff = (await t.signIn('alliance_staff')).cookie;
  cookies.otherStaff = (await t.signIn('alliance_staff', { tenantId: OTHER_TENANT })).cookie;
});
afterAll(() => t.close());

describe('the manager’s year', () => {
  it('shows the organisation, the deadline, the form of its kind and no update yet', async () => {
    const res = await t.request({ url: '/api/annual-updates/mine?year=2026', cookie: cookies.manager });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, deadline: '2026-12-15T23:59:59+07:00', update: null, lastAccepted: null, organisation: { id: org.id, name: org.name, kind: 'HTX' } });
    expect(new Date(body.deadline).toISOString()).toBe('2026-12-15T16:59:59.000Z');
    expect(body.form).toMatchObject({ id: null, year: 2026, kind: 'HTX', version: 1 });
    expect(body.form.definition.sections[0].fields.map((f: { key: string }) => f.key)).toContain('membersTotal');
    expect(body.can).toMatchObject({ edit: true, submit: true, accept: false });
  });

  it('gives a cooperative group its shorter form and refuses a credit fund', async () => {
    const tht = (await t.request({ url: '/api/annual-updates/mine?year=2026', cookie: cookies.groupManager })).json();
    expect(tht.form.kind).toBe('THT');
    const keys = tht.form.definition.sections.flatMap((s: { fields: { key: string }[] }) => s.fields.map((f) => f.key));
    expect(keys).not.toContain('charterCapitalVnd');
    const refused = await t.request({ url: '/api/annual-updates/mine?year=2026', cookie: cookies.fundManager });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('quỹ tín dụng nhân dân');
  });

  it('staff choose the organisation; without one they are told to', async () => {
    const res = await t.request({ url: `/api/annual-updates/mine?year=2026&organisationId=${other.id}`, cookie: cookies.staff });
    expect(res.json().organisation.id).toBe(other.id);
    const none = await t.request({ url: '/api/annual-updates/mine?year=2026', cookie: cookies.staff });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('chọn tổ chức');
  });
});

describe('drafts', () => {
  it('are saved with a version; a device holding an older one gets 409 with the server’s copy', async () => {
    const first = await t.request({ method: 'PUT', url: `${base(org.id)}/draft`, cookie: cookies.manager, payload: { values: { membersOfficial: 40 }, draftVersion: 0 } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().update).toMatchObject({ state: 'draft', draftVersion: 1, values: { membersOfficial: 40, membersTotal: null }, channel: 'online' });
    // Phone saves version 1 → 2.
    const phone = await t.request({ method: 'PUT', url: `${base(org.id)}/draft`, cookie: cookies.manager, payload: { values: { membersOfficial: 41, revenueVnd: 1_300_000 }, draftVersion: 1 } });
    expect(phone.json().update.draftVersion).toBe(2);
    // The laptop still holds version 1.
    const laptop = await t.request({ method: 'PUT', url: `${base(org.id)}/draft`, cookie: cookies.manager, payload: { values: { membersOfficial: 99 }, draftVersion: 1 } });
    expect(laptop.statusCode).toBe(409);
    expect(laptop.json()).toMatchObject({ error: 'conflict', update: { draftVersion: 2, values: { membersOfficial: 41, revenueVnd: 1_300_000 } } });
    // The draft is resumed on another device from the server.
    const mine = (await t.request({ url: '/api/annual-updates/mine?year=2026', cookie: cookies.manager })).json();
    expect(mine.update).toMatchObject({ state: 'draft', draftVersion: 2, values: { membersOfficial: 41 } });
    expect(mine.form.id).toBe(mine.update.formId);
  });

  it('refuse values of the wrong type, naming the field by its label', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ revenueVnd: 1.5 }, 'Doanh thu (đồng): phải là số đồng chẵn'],
      [{ revenueVnd: Number.MAX_SAFE_INTEGER + 2 }, 'Doanh thu (đồng): số quá lớn'],
      [{ workers: -1 }, 'Lao động thường xuyên: không được là số âm'],
      [{ workers: '12' }, 'Lao động thường xuyên: phải là một số'],
      [{ managerTraining: 'phd' }, 'Trình độ đào tạo của người quản lý: chọn một trong'],
      [{ digitalWebsite: 'có' }, 'Có trang thông tin điện tử (website): chọn Có hoặc Không'],
      [{ nonsense: 1 }, 'không có trong biểu mẫu'],
    ];
    for (const [values, message] of cases) {
      const current = (await t.request({ url: '/api/annual-updates/mine?year=2026', cookie: cookies.manager })).json().update.draftVersion;
      const res = await t.request({ method: 'PUT', url: `${base(org.id)}/draft`, cookie: cookies.manager, payload: { values, draftVersion: current } });
      expect(res.statusCode, JSON.stringify(values)).toBe(400);
      expect(res.json().message).toContain(message);
      expect(res.json().issues.length).toBeGreaterThan(0);
    }
  });

  it('refuse a body without its version, in Vietnamese', async () => {
    const res = await t.request({ method: 'PUT', url: `${base(org.id)}/draft`, cookie: cookies.manager, payload: { values: {} } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Phiên bản bản nháp');
  });
});

describe('submitting', () => {
  it('re-validates in full and refuses with every field in error', async () => {
    const res = await t.request({ method: 'POST', url: `${base(org.id)}/submit`, cookie: cookies.manager, payload: { values: htxValues({ membersTotal: 50, workersMembers: 13, revenueVnd: null }), submitKey: 'key-invalid-0001' } });
    expect(res.statusCode).toBe(400);
    const issues = res.json().issues as { field: string; message: string }[];
    expect(issues.map((i) => i.field).sort()).toEqual(['membersTotal', 'revenueVnd', 'workersMembers']);
    expect(issues.find((i) => i.field === 'membersTotal')!.message).toContain('Tổng số thành viên: phải bằng tổng');
    expect(issues.find((i) => i.field === 'revenueVnd')!.message).toBe('Doanh thu (đồng): chưa nhập (bắt buộc).');
    const mine = (await t.request({ url: '/api/annual-updates/mine?year=2026', cookie: cookies.manager })).json();
    expect(mine.update.state).toBe('draft');
  });

  it('files once per submit key and answers the same receipt again', async () => {
    const payload = { values: htxValues(), submitKey: 'phone-7f3a-0001' };
    const first = await t.request({ method: 'POST', url: `${base(org.id)}/submit`, cookie: cookies.manager, payload });
    expect(first.statusCode, first.body).toBe(200);
    const { update, receipt } = first.json();
    expect(update).toMatchObject({ state: 'submitted', channel: 'online', onTime: true, values: { revenueVnd: 3_200_000_000 } });
    expect(receipt).toMatchObject({ year: 2026, organisationName: org.name, submittedAt: update.submittedAt });
    expect(receipt.number).toMatch(/^CN-2026-[0-9A-F]{8}$/);
    const again = await t.request({ method: 'POST', url: `${base(org.id)}/submit`, cookie: cookies.manager, payload });
    expect(again.statusCode).toBe(200);
    expect(again.json().receipt).toEqual(receipt);
    const audits = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_events where entity_id = ${update.id} and action = 'annual_update.submitted'`);
    expect(audits[0]!.n).toBe(1);
  });

  it('refuses a new submission or a draft while the update waits for verification', async () => {
    const res = await t.request({ method: 'POST', url: `${base(org.id)}/submit`, cookie: cookies.manager, payload: { values: htxValues(), submitKey: 'another-key-0002' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('chờ Liên minh xem xét');
    const draft = await t.request({ method: 'PUT', url: `${base(org.id)}/draft`, cookie: cookies.manager, payload: { values: {}, draftVersion: 99 } });
    expect(draft.statusCode).toBe(409);
  });

  it('two concurrent submits with the same key file one row and give one receipt', async () => {
    const payload = { values: thtValues(), submitKey: 'concurrent-key-0003' };
    const [a, b] = await Promise.all([
      t.request({ method: 'POST', url: `${base(group.id)}/submit`, cookie: cookies.groupManager, payload }),
      t.request({ method: 'POST', url: `${base(group.id)}/submit`, cookie: cookies.groupManager, payload }),
    ]);
    expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([200, 200]);
    expect(a.json().receipt).toEqual(b.json().receipt);
    const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from annual_updates where organisation_id = ${group.id}`);
    expect(rows[0]!.n).toBe(1);
  });

  it('staff file from paper for any organisation of their alliance (channel staff)', async () => {
    const res = await t.request({ method: 'POST', url: `${base(other.id)}/submit`, cookie: cookies.staff, payload: { values: htxValues(), submitKey: 'paper-form-0004' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().update).toMatchObject({ channel: 'staff', submittedBy: expect.stringContaining('alliance_staff') });
  });
});

describe('a manager of several organisations', () => {
  it('files for each of them, the chosen one by default, and for no other', async () => {
    const { cookie, actor } = await t.signIn('coop_manager', { organisationId: org.id });
    await t.database.db.insert(userOrganisations).values({ userId: (actor as { userId: string }).userId, tenantId: TENANT, organisationId: group.id });
    expect((await t.request({ url: '/api/annual-updates/mine?year=2027', cookie })).json().organisation.id).toBe(org.id);
    const second = await t.request({ url: `/api/annual-updates/mine?year=2027&organisationId=${group.id}`, cookie });
    expect(second.json()).toMatchObject({ organisation: { id: group.id }, form: { kind: 'THT' } });
    const draft = await t.request({ method: 'PUT', url: `${base(group.id, 2027)}/draft`, cookie, payload: { values: { workers: 7 }, draftVersion: 0 } });
    expect(draft.statusCode, draft.body).toBe(200);
    expect((await t.request({ url: `/api/annual-updates/mine?year=2027&organisationId=${other.id}`, cookie })).statusCode).toBe(404);
  });
});

describe('id guessing', () => {
  it("a manager reaches no other organisation's update: 404 on every route", async () => {
    expect((await t.request({ url: `/api/annual-updates/mine?year=2026&organisationId=${other.id}`, cookie: cookies.manager })).statusCode).toBe(404);
    expect((await t.request({ method: 'PUT', url: `${base(other.id)}/draft`, cookie: cookies.manager, payload: { values: {}, draftVersion: 0 } })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `${base(other.id)}/submit`, cookie: cookies.manager, payload: { values: htxValues(), submitKey: 'guess-key-0005' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'PUT', url: `${base('not-a-uuid')}/draft`, cookie: cookies.manager, payload: { values: {}, draftVersion: 0 } })).statusCode).toBe(404);
  });

  it("staff of another alliance reach none of this alliance's organisations, nor this alliance's staff theirs", async () => {
    expect((await t.request({ url: `/api/annual-updates/mine?year=2026&organisationId=${org.id}`, cookie: cookies.otherStaff })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `${base(org.id)}/submit`, cookie: cookies.otherStaff, payload: { values: htxValues(), submitKey: 'guess-key-0006' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'PUT', url: `${base(foreign.id)}/draft`, cookie: cookies.staff, payload: { values: {}, draftVersion: 0 } })).statusCode).toBe(404);
  });
});
