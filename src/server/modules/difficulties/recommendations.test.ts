// Recommendations through the real HTTP app: agencies, a draft grouping difficulties of several cooperatives,
// forwarding with a letter number and a due date in working days, the agency's answer settling two
// recommendations, files, letter settings — and the audit trail of each step.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, type TestApp } from '../../../test/harness.ts';
import { difficulties } from './difficulties.sql.ts';
import { auditOf, insertCooperative, insertDifficulty, PDF, upload } from './recommendations.test-support.ts';

let t: TestApp;
let staff: string;
let admin: string;
let coops: { id: string; name: string }[];
const agency = {} as Record<'finance' | 'agriculture' | 'commune', string>;

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
  admin = (await t.signIn('alliance_admin')).cookie;
  coops = [];
  for (const [name, commune] of [
    ['HTX Chè Long Cốc', 'Xã Tân Dĩnh'],
    ['HTX Bưởi Đoan Hùng', 'Xã Cao Xá'],
    ['HTX Rau an toàn Đồng Kỳ', 'Xã Tân Dĩnh'],
    ['HTX Mây tre đan Phúc Hòa', 'Xã Cao Xá'],
  ] as const) {
    coops.push(await insertCooperative(t.database.db, { name, registeredCommune: commune }));
  }
});
afterAll(() => t.close());

const post = (url: string, payload: object, cookie = staff) => t.request({ method: 'POST', url, payload, cookie });
const patch = (url: string, payload: object, cookie = staff) => t.request({ method: 'PATCH', url, payload, cookie });
const get = (url: string, cookie = staff) => t.request({ url, cookie });

describe('agencies', () => {
  it("adds the province's usual list once, then lists, adds and edits agencies", async () => {
    expect((await get('/api/agencies')).json().items).toEqual([]);
    const defaults = await post('/api/agencies/defaults', {});
    expect(defaults.statusCode, defaults.body).toBe(201);
    const names = defaults.json().items.map((a: { name: string }) => a.name);
    expect(names).toEqual(expect.arrayContaining(['Ủy ban nhân dân tỉnh Bắc Ninh', 'Sở Tài chính tỉnh Bắc Ninh', 'Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh', 'Thuế tỉnh Bắc Ninh', 'Bộ Tài chính']));
    expect(defaults.json().items.find((a: { name: string }) => a.name === 'Bộ Nông nghiệp và Môi trường')).toMatchObject({ kind: 'ministry', kindLabel: 'Bộ, ngành trung ương' });
    const again = await post('/api/agencies/defaults', {});
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('đã có danh sách cơ quan');
    const list = (await get('/api/agencies')).json().items as { id: string; name: string }[];
    expect(list.length).toBe(names.length);
    agency.finance = list.find((a) => a.name === 'Sở Tài chính tỉnh Bắc Ninh')!.id;
    agency.agriculture = list.find((a) => a.name === 'Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh')!.id;

    const created = await post('/api/agencies', { name: 'UBND xã Tân Dĩnh', kind: 'commune_committee', communeCode: '07210' });
    expect(created.statusCode, created.body).toBe(201);
    agency.commune = created.json().id;
    expect((await post('/api/agencies', { name: 'UBND xã Tân Dĩnh', kind: 'commune_committee' })).statusCode).toBe(409);
    const badKind = await post('/api/agencies', { name: 'Cơ quan X', kind: 'club' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().message).toContain('Loại cơ quan không hợp lệ');

    const edited = await patch(`/api/agencies/${agency.commune}`, { email: 'ubnd.tandinh@bacninh.gov.vn', active: false });
    expect(edited.json()).toMatchObject({ email: 'ubnd.tandinh@bacninh.gov.vn', active: false });
    expect((await get('/api/agencies')).json().items.some((a: { id: string }) => a.id === agency.commune)).toBe(false);
    expect((await get('/api/agencies?includeInactive=true')).json().items.some((a: { id: string }) => a.id === agency.commune)).toBe(true);
    expect((await auditOf(t.database.db, agency.commune)).map((e) => e.action)).toEqual(['agency.created', 'agency.updated']);
  });

  it("another alliance's staff see none of them and cannot edit them", async () => {
    const other = (await t.signIn('alliance_staff', { tenantId: OTHER_TENANT })).cookie;
    expect((await get('/api/agencies', other)).json().items).toEqual([]);
    expect((await patch(`/api/agencies/${agency.finance}`, { name: 'Đổi tên' }, other)).statusCode).toBe(404);
  });
});

describe('a recommendation from draft to answer', () => {
  let d: { id: string }[];
  let recommendationId: string;

  it('groups difficulties of several cooperatives into a draft; a grouped, closed or foreign one is refused', async () => {
    d = [];
    for (const coop of coops) d.push(await insertDifficulty(t.database.db, { organisationId: coop.id, title: `Thiếu vốn — ${coop.name}` }));
    const res = await post('/api/recommendations', { subject: 'Kiến nghị tháo gỡ khó khăn về vốn vay', category: 'capital_credit', difficultyIds: [d[0]!.id, d[1]!.id, d[2]!.id] });
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json();
    recommendationId = draft.id;
    expect(draft).toMatchObject({ state: 'draft', stateLabel: 'Dự thảo', letterNumber: null, difficultyCount: 3, can: { edit: true, forward: true, attach: false } });
    expect(draft.difficulties.map((x: { organisation: { name: string } }) => x.organisation.name)).toEqual(coops.slice(0, 3).map((c) => c.name));
    expect(draft.difficulties[0]).toMatchObject({ code: expect.stringMatching(/^2026-\d{4}$/), state: 'handling', organisation: { communeName: expect.any(String) } });

    // Grouped, it is answered through the recommendation: the page is not offered a direct answer the server refuses.
    expect((await get(`/api/difficulties/${d[0]!.id}`)).json().can).toMatchObject({ answer: false, group: false, close: true });
    expect((await post(`/api/difficulties/${d[0]!.id}/answer`, { answer: 'Trả lời thẳng' })).statusCode).toBe(409);

    const twice = await post('/api/recommendations', { subject: 'Trùng', category: 'capital_credit', difficultyIds: [d[0]!.id] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toMatch(/đã thuộc một kiến nghị khác/);

    const closed = await insertDifficulty(t.database.db, { organisationId: coops[3]!.id, state: 'closed', outcome: 'resolved' });
    const refused = await post('/api/recommendations', { subject: 'Đã kết thúc', category: 'capital_credit', difficultyIds: [closed.id] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ field: 'difficultyIds', message: expect.stringContaining('đã kết thúc') });

    const foreignCoop = await insertCooperative(t.database.db, { name: 'HTX Ngoài tỉnh' }, OTHER_TENANT);
    const foreign = await insertDifficulty(t.database.db, { organisationId: foreignCoop.id }, OTHER_TENANT);
    expect((await post('/api/recommendations', { subject: 'Của tỉnh khác', category: 'capital_credit', difficultyIds: [foreign.id] })).statusCode).toBe(404);

    const empty = await post('/api/recommendations', { subject: 'Rỗng', category: 'capital_credit', difficultyIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().field).toBe('difficultyIds');
  });

  it('edits the draft: swaps a difficulty, names the agency', async () => {
    const res = await patch(`/api/recommendations/${recommendationId}`, { difficultyIds: [d[0]!.id, d[1]!.id, d[3]!.id], agencyId: agency.finance, body: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().difficulties.map((x: { id: string }) => x.id).sort()).toEqual([d[0]!.id, d[1]!.id, d[3]!.id].sort());
    expect(res.json().agency).toMatchObject({ id: agency.finance });
    const [released] = await t.database.db.select().from(difficulties).where(eq(difficulties.id, d[2]!.id));
    expect(released).toMatchObject({ recommendationId: null, state: 'handling' });
    expect((await auditOf(t.database.db, d[2]!.id)).map((e) => e.action)).toEqual(['difficulty.grouped', 'difficulty.ungrouped']);
    const inactive = await patch(`/api/recommendations/${recommendationId}`, { agencyId: agency.commune });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json()).toMatchObject({ field: 'agencyId', message: expect.stringContaining('không còn sử dụng') });
  });

  it('forwards it: number 1 of the letter year, due 15 working days after the letter date, difficulties forwarded', async () => {
    const res = await post(`/api/recommendations/${recommendationId}/forward`, { agencyId: agency.finance, letterDate: '2026-03-05', signerName: 'Nguyễn Văn An' });
    expect(res.statusCode, res.body).toBe(200);
    const forwarded = res.json();
    // 5/3/2026 is a Thursday: 15 working days (no holiday in March) end on Thursday 26/3.
    expect(forwarded).toMatchObject({ state: 'forwarded', letterNumber: '1/LMHTX-VP', letterDate: '2026-03-05', dueOn: '2026-03-26', signerName: 'Nguyễn Văn An', signerTitle: 'CHỦ TỊCH', overdue: true });
    expect(forwarded.can).toMatchObject({ edit: false, forward: false, attach: true, recordAnswer: true });
    for (const x of forwarded.difficulties) expect(x).toMatchObject({ state: 'forwarded', dueOn: '2026-03-26' });
    expect((await auditOf(t.database.db, recommendationId)).map((e) => e.action)).toEqual(['recommendation.created', 'recommendation.updated', 'recommendation.forwarded']);
    expect((await auditOf(t.database.db, d[0]!.id)).at(-1)).toMatchObject({ action: 'difficulty.forwarded', after: { letterNumber: '1/LMHTX-VP', dueOn: '2026-03-26' } });

    const again = await post(`/api/recommendations/${recommendationId}/forward`, { agencyId: agency.finance, letterDate: '2026-03-06' });
    expect(again.statusCode).toBe(409);
    expect((await patch(`/api/recommendations/${recommendationId}`, { subject: 'Sửa sau khi gửi' })).statusCode).toBe(409);
  });

  it('numbers letters in order within a year, from 1 again in the next, with the symbol of the settings', async () => {
    const forward = async (difficultyId: string, letterDate: string, extra: object = {}) => {
      const draft = (await post('/api/recommendations', { subject: 'Kiến nghị về đất đai', category: 'land', difficultyIds: [difficultyId] })).json();
      const res = await post(`/api/recommendations/${draft.id}/forward`, { agencyId: agency.agriculture, letterDate, ...extra });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const second = await forward(d[2]!.id, '2026-04-28');
    // 28/4/2026 (Tuesday) + 15 working days skips 30/4 and 1/5 (Thursday, Friday) and three weekends: 21/5.
    expect(second).toMatchObject({ letterNumber: '2/LMHTX-VP', dueOn: '2026-05-21' });
    const saved = await t.request({ method: 'PUT', url: '/api/letter-settings', cookie: admin, payload: { governingBody: 'LIÊN MINH HTX VIỆT NAM', issuer: 'LIÊN MINH HTX TỈNH BẮC NINH', symbol: 'LMHTX-KTPT', place: 'Bắc Ninh', signerTitle: 'PHÓ CHỦ TỊCH', signerName: 'Trần Thị Bình' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const next = await insertDifficulty(t.database.db, { organisationId: coops[0]!.id, category: 'land' });
    const third = await forward(next.id, '2027-01-05', { dueOn: '2027-02-26' });
    expect(third).toMatchObject({ letterNumber: '1/LMHTX-KTPT', dueOn: '2027-02-26', signerName: 'Trần Thị Bình', signerTitle: 'PHÓ CHỦ TỊCH', overdue: false });
    const early = (await post('/api/recommendations', { subject: 'Hạn sai', category: 'land', difficultyIds: [(await insertDifficulty(t.database.db, { organisationId: coops[1]!.id })).id] })).json();
    const bad = await post(`/api/recommendations/${early.id}/forward`, { agencyId: agency.agriculture, letterDate: '2026-05-10', dueOn: '2026-05-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'dueOn', message: expect.stringContaining('Hạn trả lời phải sau ngày công văn') });
  });

  it('lists recommendations by state, agency and overdue, with counts', async () => {
    const all = (await get('/api/recommendations')).json();
    expect(all.counts).toMatchObject({ draft: 1, forwarded: 3, answered: 0, overdue: 2 });
    expect((await get(`/api/recommendations?agencyId=${agency.finance}`)).json().items.map((r: { id: string }) => r.id)).toEqual([recommendationId]);
    const overdue = (await get('/api/recommendations?overdue=true')).json().items;
    expect(overdue.map((r: { letterNumber: string }) => r.letterNumber).sort()).toEqual(['1/LMHTX-VP', '2/LMHTX-VP']);
    expect((await get('/api/recommendations?state=draft')).json().items).toHaveLength(1);
    expect((await get('/api/recommendations?state=nothing')).statusCode).toBe(400);
  });

  it("keeps the signed scan; a draft takes none; another alliance's staff get 404", async () => {
    const res = await t.request({ ...upload(`/api/recommendations/${recommendationId}/files`, 'cong-van-da-ky.pdf', PDF), cookie: staff });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    const back = await get(`/api/recommendations/${recommendationId}/files/${file.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-disposition']).toContain('cong-van-da-ky.pdf');
    expect(back.rawPayload.equals(PDF)).toBe(true);
    expect((await get(`/api/recommendations/${recommendationId}`)).json().files).toEqual([expect.objectContaining({ id: file.id, fileName: 'cong-van-da-ky.pdf' })]);
    const fake = await t.request({ ...upload(`/api/recommendations/${recommendationId}/files`, 'scan.pdf', Buffer.from('<html>not a pdf</html>')), cookie: staff });
    expect(fake.statusCode).toBe(415);
    const draft = (await get('/api/recommendations?state=draft')).json().items[0];
    expect((await t.request({ ...upload(`/api/recommendations/${draft.id}/files`, 'x.pdf', PDF), cookie: staff })).statusCode).toBe(409);
    const other = (await t.signIn('alliance_staff', { tenantId: OTHER_TENANT })).cookie;
    expect((await get(`/api/recommendations/${recommendationId}`, other)).statusCode).toBe(404);
    expect((await get(`/api/recommendations/${recommendationId}/files/${file.id}`, other)).statusCode).toBe(404);
  });

  it("records the agency's answer: settles its forwarded recommendations and their difficulties", async () => {
    const second = await post('/api/recommendations', { subject: 'Kiến nghị về lãi suất', category: 'capital_credit', difficultyIds: [(await insertDifficulty(t.database.db, { organisationId: coops[2]!.id })).id] });
    const secondId = second.json().id;
    await post(`/api/recommendations/${secondId}/forward`, { agencyId: agency.finance, letterDate: '2026-03-10' });
    const toAgriculture = (await get(`/api/recommendations?agencyId=${agency.agriculture}&state=forwarded`)).json().items[0];

    const payload = { agencyId: agency.finance, letterNumber: '412/STC-TCDN', letterDate: '2026-03-20', receivedOn: '2026-03-23', content: 'Sở Tài chính đã làm việc với các ngân hàng về hỗ trợ vốn cho các HTX.', recommendationIds: [recommendationId, secondId] };
    const wrongAgency = await post('/api/agency-answers', { ...payload, recommendationIds: [recommendationId, toAgriculture.id] });
    expect(wrongAgency.statusCode).toBe(400);
    expect(wrongAgency.json().message).toContain('được gửi đến cơ quan khác');
    const receivedFirst = await post('/api/agency-answers', { ...payload, receivedOn: '2026-03-19' });
    expect(receivedFirst.json()).toMatchObject({ field: 'receivedOn' });

    const res = await post('/api/agency-answers', payload);
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json();
    expect(answer).toMatchObject({ letterNumber: '412/STC-TCDN', agency: { id: agency.finance }, recommendations: [{ id: recommendationId, state: 'answered' }, { id: secondId, state: 'answered' }] });
    const detail = (await get(`/api/recommendations/${recommendationId}`)).json();
    expect(detail).toMatchObject({ state: 'answered', overdue: false, answers: [{ id: answer.id, letterNumber: '412/STC-TCDN', content: payload.content }] });
    for (const x of detail.difficulties) expect(x).toMatchObject({ state: 'answered', answeredOn: '2026-03-23' });
    expect((await auditOf(t.database.db, d[0]!.id)).at(-1)).toMatchObject({ action: 'difficulty.answered', after: { answerId: answer.id, answeredOn: '2026-03-23' } });
    expect((await auditOf(t.database.db, answer.id)).map((e) => e.action)).toEqual(['agency_answer.recorded']);

    expect((await post('/api/agency-answers', payload)).statusCode).toBe(409);
    const file = await t.request({ ...upload(`/api/agency-answers/${answer.id}/files`, 'tra-loi-412.pdf', PDF), cookie: staff });
    expect(file.statusCode, file.body).toBe(201);
    expect((await get(`/api/agency-answers/${answer.id}/files/${file.json().id}`)).rawPayload.equals(PDF)).toBe(true);
    expect((await get(`/api/agency-answers/${answer.id}`)).json().files).toHaveLength(1);
    expect((await get(`/api/recommendations/${recommendationId}`)).json().answers[0].files).toHaveLength(1);

    // Closing its difficulties one by one: the recommendation closes with the last of them.
    const [firstOne, ...others] = detail.difficulties as { id: string }[];
    await post(`/api/difficulties/${firstOne!.id}/close`, { outcome: 'resolved' });
    expect((await get(`/api/recommendations/${recommendationId}`)).json().state).toBe('answered');
    for (const x of others) expect((await post(`/api/difficulties/${x.id}/close`, { outcome: 'not_resolved' })).statusCode).toBe(200);
    expect((await get(`/api/recommendations/${recommendationId}`)).json().state).toBe('closed');
    expect((await auditOf(t.database.db, recommendationId)).at(-1)).toMatchObject({ action: 'recommendation.closed' });
  });
});

describe('at the same time', () => {
  it('two forwards get two numbers; the same draft forwarded twice gets one; a difficulty grouped twice goes to one draft', async () => {
    const year = '2028';
    const drafts: string[] = [];
    for (const coop of coops.slice(0, 3)) {
      const difficulty = await insertDifficulty(t.database.db, { organisationId: coop.id });
      drafts.push((await post('/api/recommendations', { subject: `Kiến nghị song song ${coop.name}`, category: 'tax', difficultyIds: [difficulty.id] })).json().id);
    }
    const forward = (id: string) => post(`/api/recommendations/${id}/forward`, { agencyId: agency.finance, letterDate: `${year}-02-03` });
    const answers = await Promise.all([forward(drafts[0]!), forward(drafts[1]!), forward(drafts[2]!), forward(drafts[2]!)]);
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.slice(2).sort()).toEqual([200, 409]);
    const numbers = answers.filter((a) => a.statusCode === 200).map((a) => a.json().letterNumber as string);
    expect(numbers.map((n) => Number(n.split('/')[0])).sort()).toEqual([1, 2, 3]);

    const free = await insertDifficulty(t.database.db, { organisationId: coops[0]!.id });
    const group = () => post('/api/recommendations', { subject: 'Cùng lúc', category: 'tax', difficultyIds: [free.id] });
    const both = await Promise.all([group(), group()]);
    expect(both.map((b) => b.statusCode).sort()).toEqual([201, 409]);
    const [row] = await t.database.db.select().from(difficulties).where(eq(difficulties.id, free.id));
    expect(row!.recommendationId).toBe(both.find((b) => b.statusCode === 201)!.json().id);
  });
});

describe('letter settings', () => {
  it("reads the defaults from the alliance's name without writing them; only the admin saves", async () => {
    const fresh = await createTestApp();
    try {
      const cookie = (await fresh.signIn('alliance_staff')).cookie;
      const settings = (await fresh.request({ url: '/api/letter-settings', cookie })).json();
      expect(settings).toMatchObject({ issuer: 'LIÊN MINH HTX TỈNH BẮC NINH', symbol: 'LMHTX-VP', place: 'Bắc Ninh', saved: false });
      const put = await fresh.request({ method: 'PUT', url: '/api/letter-settings', cookie, payload: { issuer: 'X', symbol: 'LMHTX-VP', place: 'Bắc Ninh' } });
      expect(put.statusCode).toBe(403);
      const adminCookie = (await fresh.signIn('alliance_admin')).cookie;
      const bad = await fresh.request({ method: 'PUT', url: '/api/letter-settings', cookie: adminCookie, payload: { issuer: 'X', symbol: 'LMHTX VP/1', place: 'Bắc Ninh' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ field: 'symbol', message: expect.stringContaining('Ký hiệu công văn') });
    } finally {
      await fresh.close();
    }
    expect((await get('/api/letter-settings')).json()).toMatchObject({ symbol: 'LMHTX-KTPT', saved: true, signerName: 'Trần Thị Bình' });
  });
});
