// Emulation through the HTTP API: blocks, a pact's states, who reports what, who reads what, the scoreboard's
// ranking and its .xlsx/.pdf.
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { createOrganisation } from '../cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { multipartFile, PNG_BYTES } from '../difficulties/difficulties.authorization-rows.ts';
import { TWO_CRITERIA } from './emulation.test-support.ts';

let t: TestApp;
let staff: string;
let managerA: string;
let managerB: string;
let outsider: string;
const org: Record<'a' | 'b' | 'c' | 'out', { id: string; name: string }> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  const make = async (name: string) => {
    const o = await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name }) });
    return { id: o.id, name: o.name };
  };
  org.a = await make('Hợp tác xã An Phú');
  org.b = await make('Hợp tác xã Bình Minh');
  org.c = await make('Hợp tác xã Cẩm Lý');
  org.out = await make('Hợp tác xã Ngoài Khối');
  staff = (await t.signIn('alliance_staff')).cookie;
  managerA = (await t.signIn('coop_manager', { organisationId: org.a.id })).cookie;
  managerB = (await t.signIn('coop_manager', { organisationId: org.b.id })).cookie;
  outsider = (await t.signIn('coop_manager', { organisationId: org.out.id })).cookie;
});
afterAll(() => t.close());

let blockId: string;
let pactId: string;
let criteria: Array<{ id: string }>;

describe('a block and its pact', () => {
  it('staff create a block with members, head and deputy (audited); the head must be a member', async () => {
    const bad = await t.request({ method: 'POST', url: '/api/emulation/blocks', cookie: staff, payload: { year: 2025, name: 'Khối HTX nông nghiệp', organisationIds: [org.a.id, org.b.id], headOrganisationId: org.c.id } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'headOrganisationId', message: expect.stringContaining('Trưởng khối') });
    const res = await t.request({
      method: 'POST',
      url: '/api/emulation/blocks',
      cookie: staff,
      payload: { year: 2025, name: 'Khối HTX nông nghiệp', organisationIds: [org.a.id, org.b.id, org.c.id], headOrganisationId: org.a.id, deputyOrganisationId: org.b.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    blockId = res.json().id;
    expect(res.json().members.map((m: { name: string }) => m.name)).toEqual([org.a.name, org.b.name, org.c.name]);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, blockId));
    expect(events.map((e) => e.action)).toEqual(['emulation.block_created']);
  });

  it('a draft pact: criteria checked with Vietnamese messages, editable, then signed and no longer editable', async () => {
    const res = await t.request({ method: 'POST', url: '/api/emulation/pacts', cookie: staff, payload: { blockId, title: 'Giao ước thi đua năm 2025' } });
    expect(res.statusCode, res.body).toBe(201);
    pactId = res.json().id;
    expect(res.json()).toMatchObject({ state: 'draft', can: { edit: true, sign: false } });
    const unsignable = await t.request({ method: 'POST', url: `/api/emulation/pacts/${pactId}/sign`, cookie: staff, payload: { signedOn: '2025-02-15' } });
    expect(unsignable.statusCode).toBe(400);
    const wrong = await t.request({ method: 'PATCH', url: `/api/emulation/pacts/${pactId}`, cookie: staff, payload: { criteria: [{ ...TWO_CRITERIA[0], maxPoints: 5 }] } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/Điểm tối đa/);
    const badTarget = await t.request({ method: 'PATCH', url: `/api/emulation/pacts/${pactId}`, cookie: staff, payload: { criteria: [{ ...TWO_CRITERIA[0], target: 'mười' }] } });
    expect(badTarget.statusCode).toBe(400);
    expect(badTarget.json().message).toMatch(/Chỉ tiêu/);
    const edited = await t.request({ method: 'PATCH', url: `/api/emulation/pacts/${pactId}`, cookie: staff, payload: { criteria: TWO_CRITERIA } });
    expect(edited.statusCode, edited.body).toBe(200);
    criteria = edited.json().criteria;
    expect(edited.json().criteria.map((c: { position: number; target: string }) => [c.position, c.target])).toEqual([[1, '10'], [2, '0']]);
    expect(edited.json().criteria[0].ruleText).toMatch(/Đạt chỉ tiêu 10 %: 20 điểm/);
    // A member does not see a draft.
    expect((await t.request({ url: `/api/emulation/pacts/${pactId}`, cookie: managerA })).statusCode).toBe(404);
    const signed = await t.request({ method: 'POST', url: `/api/emulation/pacts/${pactId}/sign`, cookie: staff, payload: { signedOn: '2025-02-15' } });
    expect(signed.json()).toMatchObject({ state: 'signed', signedOn: '2025-02-15', can: { edit: false, close: true, publish: true } });
    const late = await t.request({ method: 'PATCH', url: `/api/emulation/pacts/${pactId}`, cookie: staff, payload: { title: 'Đổi tên' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/Không thể sửa giao ước/);
  });
});

describe('results', () => {
  it('a manager reports its own results (decimal comma), sees only its own', async () => {
    const res = await t.request({ method: 'PUT', url: `/api/emulation/pacts/${pactId}/results`, cookie: managerA, payload: { values: [{ criterionId: criteria[0]!.id, value: '12,5' }, { criterionId: criteria[1]!.id, value: '0' }] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().organisations).toHaveLength(1);
    expect(res.json().organisations[0].results.map((r: { value: string; source: string }) => [r.value, r.source])).toEqual([['12.5', 'member'], ['0', 'member']]);
    const b = await t.request({ method: 'PUT', url: `/api/emulation/pacts/${pactId}/results`, cookie: managerB, payload: { values: [{ criterionId: criteria[0]!.id, value: '5' }, { criterionId: criteria[1]!.id, value: '1' }] } });
    expect(b.statusCode).toBe(200);
    const list = await t.request({ url: `/api/emulation/pacts/${pactId}/results`, cookie: managerA });
    expect(list.json().organisations.map((o: { id: string }) => o.id)).toEqual([org.a.id]);
    expect(list.body).not.toContain(org.b.id);
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, pactId), eq(auditEvents.action, 'emulation.results_reported')));
    expect(events).toHaveLength(2);
  });

  it("a manager can neither read nor report another member's results (404); an outsider sees nothing of the block", async () => {
    expect((await t.request({ url: `/api/emulation/pacts/${pactId}/results?organisationId=${org.b.id}`, cookie: managerA })).statusCode).toBe(404);
    const write = await t.request({ method: 'PUT', url: `/api/emulation/pacts/${pactId}/results`, cookie: managerA, payload: { organisationId: org.b.id, values: [{ criterionId: criteria[0]!.id, value: '99' }] } });
    expect(write.statusCode).toBe(404);
    expect((await t.request({ url: `/api/emulation/pacts/${pactId}`, cookie: outsider })).statusCode).toBe(404);
    expect((await t.request({ url: `/api/emulation/blocks/${blockId}`, cookie: outsider })).statusCode).toBe(404);
    expect((await t.request({ url: '/api/emulation/blocks', cookie: outsider })).json().items).toEqual([]);
    const own = await t.request({ url: '/api/emulation/blocks', cookie: managerA });
    expect(own.json().items.map((b: { id: string; pact: { id: string } }) => [b.id, b.pact.id])).toEqual([[blockId, pactId]]);
  });

  it('staff enter any member’s results; a bad value is named in Vietnamese', async () => {
    const bad = await t.request({ method: 'PUT', url: `/api/emulation/pacts/${pactId}/results`, cookie: staff, payload: { organisationId: org.c.id, values: [{ criterionId: criteria[0]!.id, value: '1.2.3' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/Kết quả/);
    const res = await t.request({ method: 'PUT', url: `/api/emulation/pacts/${pactId}/results`, cookie: staff, payload: { organisationId: org.c.id, values: [{ criterionId: criteria[0]!.id, value: '12.5' }] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().organisations[0].results[0]).toMatchObject({ value: '12.5', source: 'staff' });
  });

  it('evidence: a photo is attached by the manager and read back; a fake one is refused', async () => {
    const url = `/api/emulation/results/files?pactId=${pactId}&criterionId=${criteria[0]!.id}`;
    const fake = await t.request({ method: 'POST', url, cookie: managerA, ...multipartFile('anh.png', Buffer.from('not a png')) });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().message).toMatch(/không phải là tệp .png thật/);
    const res = await t.request({ method: 'POST', url, cookie: managerA, ...multipartFile('so-sach.png', PNG_BYTES, 'image/png') });
    expect(res.statusCode, res.body).toBe(201);
    const fileId = res.json().id;
    expect((await t.request({ url: `/api/emulation/results/files/${fileId}`, cookie: managerA })).rawPayload.equals(PNG_BYTES)).toBe(true);
    expect((await t.request({ url: `/api/emulation/results/files/${fileId}`, cookie: staff })).statusCode).toBe(200);
    expect((await t.request({ url: `/api/emulation/results/files/${fileId}`, cookie: managerB })).statusCode).toBe(404);
    const results = await t.request({ url: `/api/emulation/pacts/${pactId}/results`, cookie: managerA });
    expect(results.json().organisations[0].results[0].files.map((f: { fileName: string }) => f.fileName)).toEqual(['so-sach.png']);
  });
});

describe('the scoreboard', () => {
  it('is hidden from members until published; ranks by the rules with the stated tie-break', async () => {
    const hidden = await t.request({ url: `/api/emulation/pacts/${pactId}/scoreboard`, cookie: managerA });
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().message).toBe('Bảng điểm chưa được công bố.');
    const board = (await t.request({ url: `/api/emulation/pacts/${pactId}/scoreboard`, cookie: staff })).json();
    // A: 12.5 % → 20 (no whole step of 5 over) + 0 late → 10 = 30. C: 12.5 % → 20, late not reported → 0 = 20.
    // B: 5 % → 20 × 5/10 = 10, 1 late → 10 − 5 = 5: 15.
    expect(board.rows.map((r: { rank: number; name: string; total: string }) => [r.rank, r.name, r.total])).toEqual([
      [1, org.a.name, '30.00'],
      [2, org.c.name, '20.00'],
      [3, org.b.name, '15.00'],
    ]);
    expect(board.rows[1].cells[1]).toEqual({ score: null, value: null });
    expect(board.tieBreakText).toMatch(/tiêu chí 1/);
    const published = await t.request({ method: 'POST', url: `/api/emulation/pacts/${pactId}/publish-scoreboard`, cookie: staff });
    expect(published.json().scoreboardPublishedAt).not.toBeNull();
    const seen = (await t.request({ url: `/api/emulation/pacts/${pactId}/scoreboard`, cookie: managerB })).json();
    expect(seen.rows.map((r: { total: string }) => r.total)).toEqual(['30.00', '20.00', '15.00']);
    // Its own results, and only the scores of the others.
    expect(seen.rows[2]).toMatchObject({ own: true, cells: [{ score: '10.00', value: '5' }, { score: '5.00', value: '1' }] });
    expect(seen.rows[0].cells[0]).toEqual({ score: '20.00' });
    expect(JSON.stringify(seen.rows[0])).not.toContain('12.5');
  });

  it('as .xlsx (the ranking read back with exceljs) and as .pdf; the pact itself as .pdf', async () => {
    const xlsx = await t.request({ url: `/api/emulation/pacts/${pactId}/scoreboard.xlsx`, cookie: staff });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Bảng điểm')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === 'Hạng');
    expect(rows.slice(header + 1, header + 4)).toEqual([
      [1, org.a.name, 20, 10, 30],
      [2, org.c.name, 20, 'chưa báo cáo', 20],
      [3, org.b.name, 10, 5, 15],
    ]);
    const pdf = await t.request({ url: `/api/emulation/pacts/${pactId}/scoreboard.pdf`, cookie: managerA });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pact = await t.request({ url: `/api/emulation/pacts/${pactId}/pact.pdf`, cookie: managerA });
    expect(pact.headers['content-type']).toBe('application/pdf');
    expect(pact.rawPayload.length).toBeGreaterThan(1000);
    // The pact as a workbook: its criteria with their targets as numbers, and its members with their roles.
    const pactBook = await t.request({ url: `/api/emulation/pacts/${pactId}/pact.xlsx`, cookie: managerA });
    expect(pactBook.statusCode).toBe(200);
    const pactWorkbook = new ExcelJS.Workbook();
    await pactWorkbook.xlsx.load(pactBook.rawPayload as unknown as ArrayBuffer);
    const criteriaRows: unknown[][] = [];
    pactWorkbook.getWorksheet('Tiêu chí')!.eachRow((row) => criteriaRows.push((row.values as unknown[]).slice(1)));
    const first = criteriaRows.findIndex((r) => r[0] === 'TT') + 1;
    const c0 = criteria[0] as unknown as { name: string; target: string; unit: string; points: number; maxPoints: number };
    expect(criteriaRows[first]!.slice(0, 6)).toEqual([1, c0.name, Number(c0.target), c0.unit, c0.points, c0.maxPoints]);
    const memberRows: unknown[][] = [];
    pactWorkbook.getWorksheet('Đơn vị tham gia')!.eachRow((row) => memberRows.push((row.values as unknown[]).slice(1)));
    expect(memberRows.some((r) => r[1] === org.a.name && r[2] === 'Trưởng khối')).toBe(true);
  });

  it('closing with the review minutes makes the results final', async () => {
    const closed = await t.request({ method: 'POST', url: `/api/emulation/pacts/${pactId}/close`, cookie: staff, payload: { reviewMinutes: 'Khối họp tổng kết ngày 10/12/2025, thống nhất kết quả chấm điểm.' } });
    expect(closed.json()).toMatchObject({ state: 'closed', stateText: 'Đã tổng kết' });
    const late = await t.request({ method: 'PUT', url: `/api/emulation/pacts/${pactId}/results`, cookie: managerA, payload: { values: [{ criterionId: criteria[0]!.id, value: '50' }] } });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/đã tổng kết/);
  });

  it('other roles are refused', async () => {
    const officer = (await t.signIn('fund_officer')).cookie;
    expect((await t.request({ url: `/api/emulation/pacts/${pactId}/scoreboard`, cookie: officer })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: '/api/emulation/blocks', cookie: managerA, payload: { year: 2025, name: 'X' } })).statusCode).toBe(403);
  });
});
