// Handling difficulties: who sees what (a manager only its own, a commune officer only its commune's, by id
// guessing too), the list's filters and counts, triage, publishing with consent, direct answer, closing, files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { MAX_DOCUMENT_BYTES } from '../../files/upload-checks.ts';
import { difficulties } from './difficulties.sql.ts';
import { multipartFile, PNG_BYTES } from './difficulties.authorization-rows.ts';
import { createDifficultyWorld, RAISE, type DifficultyWorld } from './difficulties.test-support.ts';

let t: TestApp;
let w: DifficultyWorld;
let ownId: string;
let neighbourId: string;
let farId: string;
let ownFileId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createDifficultyWorld(t);
  const raise = async (cookie: string, payload: object) => {
    const res = await t.request({ method: 'POST', url: '/api/difficulties', cookie, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().items[0].id as string;
  };
  ownId = await raise(w.manager.cookie, { ...RAISE, title: 'Đất đai chưa được cấp giấy', category: 'land' });
  neighbourId = await raise(w.neighbourManager.cookie, { ...RAISE, publicConsent: 'no' });
  farId = await raise(w.staff.cookie, { ...RAISE, organisationIds: [w.far.id], channel: 'visit', category: 'tax', title: 'Hoàn thuế chậm' });
  const upload = await t.request({ method: 'POST', url: `/api/difficulties/${ownId}/files`, cookie: w.manager.cookie, ...multipartFile('ảnh ruộng.png', PNG_BYTES, 'image/png') });
  expect(upload.statusCode, upload.body).toBe(201);
  ownFileId = upload.json().id;
});
afterAll(() => t.close());

describe('who sees what', () => {
  it('a manager lists only its own and reads only its own; another cooperative\'s difficulty and file are not found', async () => {
    const list = await t.request({ url: '/api/difficulties', cookie: w.neighbourManager.cookie });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([neighbourId]);
    expect((await t.request({ url: `/api/difficulties/${ownId}`, cookie: w.neighbourManager.cookie })).statusCode).toBe(404);
    expect((await t.request({ url: `/api/difficulties/${ownId}/files/${ownFileId}`, cookie: w.neighbourManager.cookie })).statusCode).toBe(404);
    // Its own difficulty with another's file id: still not found.
    expect((await t.request({ url: `/api/difficulties/${neighbourId}/files/${ownFileId}`, cookie: w.neighbourManager.cookie })).statusCode).toBe(404);
    const upload = await t.request({ method: 'POST', url: `/api/difficulties/${ownId}/files`, cookie: w.neighbourManager.cookie, ...multipartFile('x.png', PNG_BYTES) });
    expect(upload.statusCode).toBe(404);
  });

  it('the manager downloads its own file as an attachment, byte for byte', async () => {
    const res = await t.request({ url: `/api/difficulties/${ownId}/files/${ownFileId}`, cookie: w.manager.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toContain('attachment;');
    expect(res.rawPayload.equals(PNG_BYTES)).toBe(true);
  });

  it('the manager sees its detail with files, a due date, no staff names in the history, and no handling buttons', async () => {
    const res = await t.request({ url: `/api/difficulties/${ownId}`, cookie: w.manager.cookie });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: ownId, state: 'received', organisation: { id: w.own.id }, overdue: false, recommendation: null, answers: [] });
    expect(body.files).toEqual([expect.objectContaining({ id: ownFileId, fileName: 'ảnh ruộng.png', contentType: 'image/png', sizeBytes: PNG_BYTES.length })]);
    expect(body.files[0]).not.toHaveProperty('content');
    expect(body.history.map((h: { action: string }) => h.action)).toEqual(['raised', 'file_added']);
    expect(body.history.every((h: { actorLabel: string | null }) => h.actorLabel === null)).toBe(true);
    expect(body.can).toEqual({ triage: false, answer: false, close: false, publish: false, group: false, attach: true });
  });

  it("a commune officer reads only its commune's organisations' difficulties", async () => {
    const list = await t.request({ url: '/api/difficulties', cookie: w.communeOfficer.cookie });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([farId]);
    expect((await t.request({ url: `/api/difficulties/${farId}`, cookie: w.communeOfficer.cookie })).statusCode).toBe(200);
    expect((await t.request({ url: `/api/difficulties/${ownId}`, cookie: w.communeOfficer.cookie })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url: `/api/difficulties/${farId}`, cookie: w.communeOfficer.cookie, payload: { unitInCharge: 'X' } })).statusCode).toBe(403);
  });

  it('staff see all, with counts per state; filters by category, commune, organisation, year and accent-free text', async () => {
    const all = (await t.request({ url: '/api/difficulties', cookie: w.staff.cookie })).json();
    expect(all.total).toBe(3);
    expect(all.counts).toMatchObject({ received: 3, handling: 0, forwarded: 0, answered: 0, closed: 0, overdue: 0 });
    const ids = async (query: string) => (await t.request({ url: `/api/difficulties?${query}`, cookie: w.staff.cookie })).json().items.map((i: { id: string }) => i.id).sort();
    expect(await ids('category=land')).toEqual([ownId]);
    expect(await ids(`communeCode=${w.far.currentCommuneCode}`)).toEqual([farId]);
    expect(await ids(`organisationId=${w.neighbour.id}`)).toEqual([neighbourId]);
    expect(await ids('q=dat dai GIAY')).toEqual([ownId]);
    expect(await ids('q=hoan thue')).toEqual([farId]);
    expect(await ids('q=xa xoi')).toEqual([farId]);
    expect(await ids(`year=${new Date().getFullYear() - 5}`)).toEqual([]);
    expect(await ids('overdue=true')).toEqual([]);
    expect(await ids('agencyId=00000000-0000-4000-8000-000000000009')).toEqual([]);
    const bad = await t.request({ url: '/api/difficulties?state=lost', cookie: w.staff.cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Trạng thái');
  });
});

describe('handling', () => {
  it('triage moves received → handling, is audited with before and after; overdue shows once the due date passes', async () => {
    const res = await t.request({ method: 'PATCH', url: `/api/difficulties/${farId}`, cookie: w.staff.cookie, payload: { unitInCharge: 'Ban Kiểm tra', category: 'tax' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'handling', unitInCharge: 'Ban Kiểm tra' });
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, farId), eq(auditEvents.action, 'difficulty.triaged')));
    expect(event).toMatchObject({ before: { unitInCharge: null }, after: { unitInCharge: 'Ban Kiểm tra', state: 'handling' } });
    // The due date set back (as if raised weeks ago): overdue in the detail, the list and its counts.
    await t.database.db.update(difficulties).set({ raisedOn: '2026-01-05', dueOn: '2026-01-19' }).where(and(eq(difficulties.tenantId, TENANT), eq(difficulties.id, farId)));
    expect((await t.request({ url: `/api/difficulties/${farId}`, cookie: w.staff.cookie })).json().overdue).toBe(true);
    const overdue = (await t.request({ url: '/api/difficulties?overdue=true', cookie: w.staff.cookie })).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([farId]);
    expect(overdue.counts.overdue).toBe(1);
    const due = await t.request({ method: 'PATCH', url: `/api/difficulties/${farId}`, cookie: w.staff.cookie, payload: { dueOn: '2025-12-31' } });
    expect(due.statusCode).toBe(400);
    expect(due.json().message).toContain('Hạn trả lời');
  });

  it('publishing needs the cooperative\'s consent (400 otherwise) and alone does not start handling', async () => {
    const refused = await t.request({ method: 'PATCH', url: `/api/difficulties/${neighbourId}`, cookie: w.staff.cookie, payload: { published: true } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'published' });
    expect(refused.json().message).toContain('không đồng ý công khai');
    const ok = await t.request({ method: 'PATCH', url: `/api/difficulties/${ownId}`, cookie: w.admin.cookie, payload: { published: true } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ published: true, state: 'received' });
    expect(ok.json().publishedAt).not.toBeNull();
  });

  it('a direct answer moves it to answered; answering again is a 409 in Vietnamese; the manager sees the answer', async () => {
    const res = await t.request({ method: 'POST', url: `/api/difficulties/${ownId}/answer`, cookie: w.staff.cookie, payload: { answer: 'Liên minh đã làm việc với UBND xã; hồ sơ được cấp trong tháng.' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'answered', directAnswer: expect.stringContaining('UBND xã') });
    const again = await t.request({ method: 'POST', url: `/api/difficulties/${ownId}/answer`, cookie: w.staff.cookie, payload: { answer: 'Lần nữa' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/^Không thể trả lời trực tiếp: khó khăn \d{4}-\d{4} đã được trả lời\.$/);
    const seen = (await t.request({ url: `/api/difficulties/${ownId}`, cookie: w.manager.cookie })).json();
    expect(seen).toMatchObject({ state: 'answered', directAnswer: expect.stringContaining('UBND xã') });
  });

  it('closing needs an outcome, a reason when rejected; a closed one refuses changes (409) and files', async () => {
    const noReason = await t.request({ method: 'POST', url: `/api/difficulties/${neighbourId}/close`, cookie: w.staff.cookie, payload: { outcome: 'rejected' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ field: 'reason' });
    const closed = await t.request({ method: 'POST', url: `/api/difficulties/${neighbourId}/close`, cookie: w.staff.cookie, payload: { outcome: 'rejected', reason: 'Không thuộc thẩm quyền, đã hướng dẫn hợp tác xã.' } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', outcome: 'rejected', outcomeReason: expect.stringContaining('thẩm quyền') });
    expect((await t.request({ method: 'POST', url: `/api/difficulties/${neighbourId}/close`, cookie: w.staff.cookie, payload: { outcome: 'resolved' } })).statusCode).toBe(409);
    expect((await t.request({ method: 'PATCH', url: `/api/difficulties/${neighbourId}`, cookie: w.staff.cookie, payload: { title: 'Đổi' } })).statusCode).toBe(409);
    expect((await t.request({ method: 'POST', url: `/api/difficulties/${neighbourId}/answer`, cookie: w.staff.cookie, payload: { answer: 'Muộn' } })).statusCode).toBe(409);
    const file = await t.request({ method: 'POST', url: `/api/difficulties/${neighbourId}/files`, cookie: w.neighbourManager.cookie, ...multipartFile('a.png', PNG_BYTES) });
    expect(file.statusCode).toBe(409);
    const history = (await t.request({ url: `/api/difficulties/${neighbourId}`, cookie: w.staff.cookie })).json().history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['raised', 'closed']);
    expect(history[1].actorLabel).toBe(w.staff.email);
  });
});

describe('files', () => {
  it('a renamed .html sent as .jpg is refused by its content, naming the file', async () => {
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const res = await t.request({ method: 'POST', url: `/api/difficulties/${farId}/files`, cookie: w.staff.cookie, ...multipartFile('anh.jpg', html, 'image/jpeg') });
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toContain('"anh.jpg"');
  });

  it('a file over 10 MB is refused (413) naming the file', async () => {
    const big = Buffer.concat([PNG_BYTES, Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    const res = await t.request({ method: 'POST', url: `/api/difficulties/${farId}/files`, cookie: w.staff.cookie, ...multipartFile('anh-lon.png', big, 'image/png') });
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toContain('"anh-lon.png"');
  });

  it('at most 10 files a difficulty: the eleventh is refused', async () => {
    for (let i = 1; i <= 10; i++) {
      const res = await t.request({ method: 'POST', url: `/api/difficulties/${farId}/files`, cookie: w.staff.cookie, ...multipartFile(`anh-${i}.png`, PNG_BYTES) });
      expect(res.statusCode, res.body).toBe(201);
    }
    const eleventh = await t.request({ method: 'POST', url: `/api/difficulties/${farId}/files`, cookie: w.staff.cookie, ...multipartFile('anh-11.png', PNG_BYTES) });
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().message).toContain('"anh-11.png"');
    expect((await t.request({ url: `/api/difficulties/${farId}`, cookie: w.staff.cookie })).json().files).toHaveLength(10);
  });

  it('no file in the request answers 400/415 in Vietnamese', async () => {
    const res = await t.request({ method: 'POST', url: `/api/difficulties/${farId}/files`, cookie: w.staff.cookie, payload: { file: 'x' } });
    expect([400, 415]).toContain(res.statusCode);
    expect(res.json().message).toMatch(/tệp/);
  });
});
