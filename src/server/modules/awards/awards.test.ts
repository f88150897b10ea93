// Awards through the HTTP API on a real database (decision 010): a proposal's path to a decision and the register,
// the once-per-person rule's 409, revocation (out of the year's counts, still in the history), the decision's
// .docx, audit events, and who reads what.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { systemActor } from '../accounts/roles.ts';
import { createOrganisation } from '../cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { TENANT } from '../../../test/harness.ts';
import { awardKindEntityId } from './award-kinds.service.ts';
import { multipartFile, PNG_BYTES } from '../difficulties/difficulties.authorization-rows.ts';

let t: TestApp;
let staff: string;
let admin: string;
let orgId: string;
let otherOrgId: string;
const dir = mkdtempSync(path.join(tmpdir(), 'awards-test-'));

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
  admin = (await t.signIn('alliance_admin')).cookie;
  orgId = (await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX Bưởi Diễn Tân Yên', registeredCommune: 'Xã Tân Dĩnh', registeredDistrict: 'Lạng Giang' }) })).id;
  otherOrgId = (await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX Gốm Thổ Hà', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' }) })).id;
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const decision = (over: Record<string, unknown>) => ({
  number: '205/QĐ-LMHTXVN',
  decidedOn: '2024-01-16',
  issuer: 'Liên minh Hợp tác xã Việt Nam',
  signerName: 'Trần Văn Thành',
  signerPosition: 'Chủ tịch',
  awardKindCode: 'medal_coop',
  year: 2023,
  ...over,
});

describe('from a proposal to the register', () => {
  let proposalId: string;
  let decisionId: string;

  it('opens a proposal for a collective, attaches its dossier, submits it with its warnings', async () => {
    const created = await t.request({ method: 'POST', url: '/api/award-proposals', cookie: staff, payload: { year: 2024, awardKindCode: 'flag_province', recipientKind: 'collective', organisationId: orgId, achievements: 'Dẫn đầu cụm thi đua năm 2024.' } });
    expect(created.statusCode, created.body).toBe(201);
    proposalId = created.json().id;
    expect(created.json()).toMatchObject({ recipientName: 'HTX Bưởi Diễn Tân Yên', state: 'draft', stateLabel: 'Đang lập', can: { submit: true, review: false } });
    const file = await t.request({ method: 'POST', url: `/api/award-proposals/${proposalId}/files?purpose=submission_letter`, cookie: staff, ...multipartFile('tờ trình.png', PNG_BYTES, 'image/png') });
    expect(file.statusCode, file.body).toBe(201);
    expect(file.json()).toMatchObject({ purposeLabel: 'Tờ trình', fileName: 'tờ trình.png' });
    const fake = await t.request({ method: 'POST', url: `/api/award-proposals/${proposalId}/files?purpose=council_minutes`, cookie: staff, ...multipartFile('bien-ban.pdf', Buffer.from('<html>')) });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().message).toContain('không phải là tệp .pdf thật');
    const submitted = await t.request({ method: 'POST', url: `/api/award-proposals/${proposalId}/submit`, cookie: staff });
    expect(submitted.json()).toMatchObject({ state: 'submitted', warnings: [], files: [{ purpose: 'submission_letter' }] });
  });

  it('records the council review, refusing votes nobody cast', async () => {
    const base = { councilMetOn: '2024-12-20', councilMembers: 'Chủ tịch, 02 Phó Chủ tịch', votesAgainst: 0, votesAbstain: 0, councilResult: 'approved' };
    const none = await t.request({ method: 'POST', url: `/api/award-proposals/${proposalId}/review`, cookie: staff, payload: { ...base, votesFor: 0 } });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ field: 'votesFor', message: 'Cần ghi số phiếu biểu quyết của Hội đồng.' });
    const bad = await t.request({ method: 'POST', url: `/api/award-proposals/${proposalId}/review`, cookie: staff, payload: { ...base, votesFor: 5, councilResult: 'maybe' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Kết quả xét phải là đề nghị khen hoặc không đề nghị');
    const reviewed = await t.request({ method: 'POST', url: `/api/award-proposals/${proposalId}/review`, cookie: staff, payload: { ...base, votesFor: 7 } });
    expect(reviewed.json()).toMatchObject({ state: 'reviewed', councilResultLabel: 'Đề nghị khen', votesFor: 7, can: { decide: true } });
  });

  it('records the decision from the approved proposal: one award, the proposal decided, audited', async () => {
    const res = await t.request({ method: 'POST', url: '/api/award-decisions', cookie: staff, payload: decision({ number: '312/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Bắc Giang', awardKindCode: 'flag_province', year: 2024, cashPerCollectiveVnd: 4_680_000, proposalIds: [proposalId] }) });
    expect(res.statusCode, res.body).toBe(201);
    decisionId = res.json().id;
    expect(res.json()).toMatchObject({ collectives: 1, individuals: 0, recipients: [{ recipientName: 'HTX Bưởi Diễn Tân Yên', cashVnd: 4_680_000 }] });
    const proposal = await t.request({ url: `/api/award-proposals/${proposalId}`, cookie: staff });
    expect(proposal.json()).toMatchObject({ state: 'decided', decisionId });
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'award_decision'), eq(auditEvents.entityId, decisionId)));
    expect(events.map((e) => e.action)).toEqual(['award_decision.created']);
    const again = await t.request({ method: 'POST', url: '/api/award-decisions', cookie: staff, payload: decision({ number: '312/QĐ-UBND', decidedOn: '2024-01-16', awardKindCode: 'flag_province', year: 2024, proposalIds: [proposalId] }) });
    expect(again.statusCode).toBe(409);
  });

  it('shows the award in the register (accent-free search) and on the organisation, to its manager too', async () => {
    const found = await t.request({ url: '/api/awards?q=buoi dien&year=2024', cookie: staff });
    expect(found.json()).toMatchObject({ total: 1, items: [{ awardKindName: 'Cờ thi đua của UBND tỉnh', formLabel: 'Cờ thi đua', levelLabel: 'UBND tỉnh', decisionNumber: '312/QĐ-UBND', revoked: false }] });
    const manager = (await t.signIn('coop_manager', { organisationId: orgId })).cookie;
    const own = await t.request({ url: `/api/awards?organisationId=${orgId}`, cookie: manager });
    expect(own.json().total).toBe(1);
    const otherManager = (await t.signIn('coop_manager', { organisationId: otherOrgId })).cookie;
    const theirs = await t.request({ url: `/api/awards?organisationId=${orgId}`, cookie: otherManager });
    expect(theirs.json().total).toBe(0);
    const fund = await t.request({ url: '/api/awards', cookie: (await t.signIn('fund_officer')).cookie });
    expect(fund.statusCode).toBe(403);
  });

  it('writes the decision as a .docx with its number and recipients (unzipped, document.xml)', async () => {
    const res = await t.request({ url: `/api/award-decisions/${decisionId}/document.docx`, cookie: staff });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('quyet-dinh-312-QĐ-UBND.docx')}`);
    const file = path.join(dir, 'qd.docx');
    writeFileSync(file, res.rawPayload);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Số: 312/QĐ-UBND');
    expect(text).toContain('Về việc tặng Cờ thi đua của UBND tỉnh');
    expect(text).toContain('HTX Bưởi Diễn Tân Yên');
    expect(text).toContain('4.680.000 đ');
    expect(text).toContain('ngày 16 tháng 01 năm 2024');
  });
});

describe('the once-per-person rule', () => {
  it('refuses a second medal to the same person with a Vietnamese 409 naming them and the earlier decision', async () => {
    const person = { recipientKind: 'individual', recipientName: 'Nguyễn Thị Hương', personIdNumber: '024180001234', personPosition: 'Giám đốc', organisationId: orgId };
    const first = await t.request({ method: 'POST', url: '/api/award-decisions', cookie: staff, payload: decision({ recipients: [person] }) });
    expect(first.statusCode, first.body).toBe(201);
    const second = await t.request({ method: 'POST', url: '/api/award-decisions', cookie: staff, payload: decision({ number: '88/QĐ-LMHTXVN', decidedOn: '2025-02-01', year: 2024, recipients: [{ ...person, recipientName: 'NGUYEN THI HUONG' }] }) });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toBe('NGUYEN THI HUONG đã được tặng Kỷ niệm chương "Vì sự nghiệp phát triển HTX" theo Quyết định số 205/QĐ-LMHTXVN ngày 16/01/2024; hình thức này chỉ tặng một lần.');
    const none = await t.request({ url: '/api/awards?q=88/QĐ', cookie: staff });
    expect(none.json().total).toBe(0);
    // The same person twice in one decision is refused as well.
    const twice = await t.request({ method: 'POST', url: '/api/award-decisions', cookie: staff, payload: decision({ number: '89/QĐ-LMHTXVN', recipients: [{ ...person, personIdNumber: '1' }, { ...person, personIdNumber: '1' }] }) });
    expect(twice.statusCode).toBe(409);
    // A flag is not for a person.
    const wrong = await t.request({ method: 'POST', url: '/api/award-decisions', cookie: staff, payload: decision({ number: '90/QĐ-UBND', awardKindCode: 'flag_province', recipients: [person] }) });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().message).toContain('chỉ tặng cho tập thể');
  });

  it('warns on submit that the person already holds the medal', async () => {
    const res = await t.request({ method: 'POST', url: '/api/award-proposals', cookie: staff, payload: { year: 2025, awardKindCode: 'medal_coop', recipientKind: 'individual', recipientName: 'Nguyễn Thị Hương', personIdNumber: '024180001234', organisationId: orgId } });
    const submitted = await t.request({ method: 'POST', url: `/api/award-proposals/${res.json().id}/submit`, cookie: staff });
    expect(submitted.json().warnings).toEqual([{ code: 'already_holds', message: expect.stringContaining('theo Quyết định số 205/QĐ-LMHTXVN ngày 16/01/2024') }]);
  });
});

describe("a person's awards", () => {
  it('lists every award of the person of one row, however the name was written, and nobody else\'s', async () => {
    const person = { recipientKind: 'individual', recipientName: 'Trần Văn Bình', personIdNumber: '024180009876', personPosition: 'Kế toán', organisationId: orgId };
    const first = await t.request({ method: 'POST', url: '/api/award-decisions', cookie: staff, payload: decision({ number: '7/QĐ-LMHTX', issuer: 'Liên minh HTX tỉnh', awardKindCode: 'commendation_alliance', year: 2021, recipients: [person, { recipientKind: 'individual', recipientName: 'Trần Văn Bình', personIdNumber: '024180000001', organisationId: otherOrgId }] }) });
    expect(first.statusCode, first.body).toBe(201);
    const later = await t.request({ method: 'POST', url: '/api/award-decisions', cookie: staff, payload: decision({ number: '9/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh', awardKindCode: 'merit_province', year: 2023, recipients: [{ ...person, recipientName: 'TRẦN VĂN BÌNH' }] }) });
    expect(later.statusCode, later.body).toBe(201);
    const rowId = first.json().recipients.find((r: { organisationId: string }) => r.organisationId === orgId).id;
    const res = await t.request({ url: `/api/awards?sameRecipientAs=${rowId}`, cookie: staff });
    expect(res.statusCode, res.body).toBe(200);
    // The namesake of another cooperative (another ID number) is another person.
    expect(res.json().items.map((a: { year: number; decisionNumber: string }) => [a.year, a.decisionNumber])).toEqual([[2023, '9/QĐ-UBND'], [2021, '7/QĐ-LMHTX']]);
    // A reader who may not see the row gets nothing, and a row that does not exist matches nothing.
    const manager = (await t.signIn('coop_manager', { organisationId: otherOrgId })).cookie;
    expect((await t.request({ url: `/api/awards?sameRecipientAs=${rowId}`, cookie: manager })).json().total).toBe(0);
    expect((await t.request({ url: `/api/awards?sameRecipientAs=${randomUUID()}`, cookie: staff })).json().total).toBe(0);
    expect((await t.request({ url: '/api/awards?sameRecipientAs=abc', cookie: staff })).statusCode).toBe(400);
  });
});

describe('revocation', () => {
  it('takes the award out of its year\'s counts and keeps it in the history, marked, once', async () => {
    const created = await t.request({ method: 'POST', url: '/api/award-decisions', cookie: staff, payload: decision({ number: '12/QĐ-LMHTX', issuer: 'Liên minh HTX tỉnh', awardKindCode: 'commendation_alliance', year: 2022, cashPerCollectiveVnd: 500_000, cashPerIndividualVnd: 300_000, recipients: [{ recipientKind: 'collective', organisationId: otherOrgId }, { recipientKind: 'individual', recipientName: 'Lê Văn Cường', organisationId: otherOrgId }] }) });
    expect(created.statusCode, created.body).toBe(201);
    const before = (await t.request({ url: '/api/awards/report?year=2022', cookie: staff })).json();
    expect(before).toMatchObject({ year: 2022, byForm: [{ form: 'certificate_of_commendation', level: 'alliance', collectives: 1, individuals: 1 }], totalCash: 800_000, revoked: 0 });
    const awardId = created.json().recipients.find((r: { recipientKind: string }) => r.recipientKind === 'individual').id;
    const revoke = { revokedOn: '2024-06-01', reason: 'Hồ sơ khai không trung thực', revokeDecisionNumber: '30/QĐ-LMHTX', recoverObject: 'Giấy khen', recoverCashVnd: 300_000 };
    const res = await t.request({ method: 'POST', url: `/api/awards/${awardId}/revoke`, cookie: staff, payload: revoke });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await t.request({ url: '/api/awards/report?year=2022', cookie: staff })).json();
    expect(after).toMatchObject({ byForm: [{ collectives: 1, individuals: 0 }], totalCash: 500_000, revoked: 1 });
    const history = (await t.request({ url: '/api/awards?q=le van cuong', cookie: staff })).json();
    expect(history.items[0]).toMatchObject({ revoked: true, revokeReason: 'Hồ sơ khai không trung thực', recoverCashVnd: 300_000, can: { revoke: false } });
    const twice = await t.request({ method: 'POST', url: `/api/awards/${awardId}/revoke`, cookie: staff, payload: revoke });
    expect(twice.statusCode).toBe(409);
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'award'), eq(auditEvents.entityId, awardId)));
    expect(events.map((e) => e.action)).toEqual(['award.revoked']);
  });
});

describe('award kinds and never recognised', () => {
  it('lets the admin change a kind\'s rules (audited), not the staff', async () => {
    const denied = await t.request({ method: 'PATCH', url: '/api/awards/kinds/merit_vca', cookie: staff, payload: { minYearsBetween: 3 } });
    expect(denied.statusCode).toBe(403);
    const res = await t.request({ method: 'PATCH', url: '/api/awards/kinds/merit_vca', cookie: admin, payload: { minYearsBetween: 3 } });
    expect(res.json()).toMatchObject({ code: 'merit_vca', minYearsBetween: 3, formLabel: 'Bằng khen' });
    const bad = await t.request({ method: 'PATCH', url: '/api/awards/kinds/merit_vca', cookie: admin, payload: { minYearsBetween: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Số năm tối thiểu từ 1');
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'award_kind'), eq(auditEvents.entityId, awardKindEntityId('merit_vca'))));
    expect(events).toHaveLength(1);
  });

  it('lists the active organisations with no award (a revoked one does not count)', async () => {
    const third = await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ name: 'HTX Chè Nếnh', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' }) });
    const res = (await t.request({ url: '/api/awards/never-recognised', cookie: staff })).json();
    const names = res.items.map((i: { name: string }) => i.name);
    expect(names).toContain('HTX Chè Nếnh');
    expect(names).not.toContain('HTX Bưởi Diễn Tân Yên');
    expect(names).not.toContain('HTX Gốm Thổ Hà'); // its collective commendation stands
    expect(res.total).toBe(res.byCommune.reduce((a: number, c: { count: number }) => a + c.count, 0));
    expect(third.id).toBeTruthy();
  });
});
