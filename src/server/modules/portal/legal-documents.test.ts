/**
 * The legal documents library on a real database: finding by number however it is typed, by words without
 * accents, by kind and year; dates checked; published only on the public side; every change bumps the portal's
 * version and is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, OTHER_TENANT, TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { findAuditEvents } from '../audit/audit.service.ts';
import { createDocument, deleteDocument, documentNumberKey, findPublishedDocuments, getPublishedDocumentBySlug, publishedDocumentFacets, updateDocument } from './legal-documents.service.ts';
import type { DocumentInput } from './library.schemas.ts';
import { readPortalVersion } from './portal-version.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const actor = systemActor(TENANT);
const ids: Record<string, string> = {};

const docs: Record<string, DocumentInput> = {
  plan: { numberSymbol: '641/KH-UBND', kind: 'plan', title: 'Kế hoạch phát triển kinh tế tập thể, hợp tác xã giai đoạn 2023–2025', issuer: 'UBND tỉnh Bắc Giang', issuedOn: '2022-12-28', effectiveOn: '2022-12-28' },
  law: { numberSymbol: '17/2023/QH15', kind: 'law', title: 'Luật Hợp tác xã', issuer: 'Quốc hội', issuedOn: '2023-06-20', effectiveOn: '2024-07-01', summary: 'Quy định về việc thành lập, tổ chức và hoạt động của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã.' },
  decree: { numberSymbol: '92/2024/NĐ-CP', kind: 'decree', title: 'Nghị định về đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã', issuer: 'Chính phủ', issuedOn: '2024-07-18', effectiveOn: '2024-07-18' },
  hidden: { numberSymbol: '6410/UBND-KT', kind: 'official_letter', title: 'Công văn nội bộ chưa công khai', issuer: 'UBND tỉnh', issuedOn: '2024-01-05', published: false },
};

beforeAll(async () => {
  database = await openTestDatabase();
  for (const [key, input] of Object.entries(docs)) ids[key] = (await createDocument(database.db, { actor, input })).id;
  await createDocument(database.db, { actor: systemActor(OTHER_TENANT), input: { ...docs.plan!, title: 'Kế hoạch của Liên minh khác' } });
}, 60_000);
afterAll(() => database.drop());

const find = (q?: string, extra: { kind?: string; year?: number } = {}) => findPublishedDocuments({ db: database.db, tenantId: TENANT, q, ...extra, limit: 20, offset: 0 });
const numbers = async (q?: string, extra: { kind?: string; year?: number } = {}) => (await find(q, extra)).items.map((d) => d.numberSymbol);

describe('the legal documents library', () => {
  it('keys the number folded, with its slash and dash', () => {
    expect(documentNumberKey('641/KH-UBND')).toBe('641/kh-ubnd');
    expect(documentNumberKey(' 92/2024/NĐ-CP ')).toBe('92/2024/nd-cp');
  });

  it('finds a document by its number however it is typed, the exact number first', async () => {
    expect(await numbers('641/KH-UBND')).toEqual(['641/KH-UBND']);
    expect(await numbers('641/kh-ubnd')).toEqual(['641/KH-UBND']);
    expect(await numbers('641 kh ubnd')).toEqual(['641/KH-UBND']);
    expect(await numbers('641')).toEqual(['641/KH-UBND']); // 6410/UBND-KT is not published
    expect(await numbers('92/2024/nđ-cp')).toEqual(['92/2024/NĐ-CP']);
    expect(await numbers('17/2023')).toEqual(['17/2023/QH15']);
  });

  it('finds by words typed without accents, in the title, issuer or summary', async () => {
    expect(await numbers('luat hop tac xa')).toEqual(['17/2023/QH15']);
    expect(await numbers('ke hoach phat trien kinh te tap the')).toEqual(['641/KH-UBND']);
    expect(await numbers('dang ky to hop tac')).toEqual(['92/2024/NĐ-CP']);
    expect(await numbers('lien hiep')).toEqual(['92/2024/NĐ-CP', '17/2023/QH15']);
    expect(await numbers('khong co van ban nay')).toEqual([]);
  });

  it('lists by kind and year, newest issued first, and counts them', async () => {
    expect(await numbers()).toEqual(['92/2024/NĐ-CP', '17/2023/QH15', '641/KH-UBND']);
    expect(await numbers(undefined, { kind: 'law' })).toEqual(['17/2023/QH15']);
    expect(await numbers(undefined, { year: 2022 })).toEqual(['641/KH-UBND']);
    expect((await find()).total).toBe(3);
    const facets = await publishedDocumentFacets({ db: database.db, tenantId: TENANT });
    expect(facets.kinds).toEqual([
      { kind: 'law', label: 'Luật', count: 1 },
      { kind: 'decree', label: 'Nghị định', count: 1 },
      { kind: 'plan', label: 'Kế hoạch', count: 1 },
    ]);
    expect(facets.years).toEqual([
      { year: 2024, count: 1 },
      { year: 2023, count: 1 },
      { year: 2022, count: 1 },
    ]);
  });

  it('gives one published document by its slug, never an unpublished one', async () => {
    const plan = (await find('641')).items[0]!;
    expect(plan.slug).toBe('ke-hoach-641-kh-ubnd-ke-hoach-phat-trien-kinh-te-tap-the-hop-tac-xa-giai-doan');
    expect(await getPublishedDocumentBySlug({ db: database.db, tenantId: TENANT, slug: plan.slug })).toMatchObject({ numberSymbol: '641/KH-UBND', kindLabel: 'Kế hoạch', issuedOn: '2022-12-28', url: `/van-ban/${plan.slug}`, file: null });
    const hidden = (await updateDocument(database.db, { actor, id: ids.hidden!, input: {} })).slug;
    expect(await getPublishedDocumentBySlug({ db: database.db, tenantId: TENANT, slug: hidden })).toBeNull();
    expect(await getPublishedDocumentBySlug({ db: database.db, tenantId: OTHER_TENANT, slug: plan.slug })).toBeNull();
    const other = (await findPublishedDocuments({ db: database.db, tenantId: OTHER_TENANT, q: '641', limit: 5, offset: 0 })).items;
    expect(other.map((d) => d.title)).toEqual(['Kế hoạch của Liên minh khác']);
  });

  it('refuses a date in force before the date issued, in Vietnamese', async () => {
    await expect(createDocument(database.db, { actor, input: { ...docs.law!, numberSymbol: '1/2024/QH15', effectiveOn: '2023-01-01' } })).rejects.toMatchObject({ message: 'Ngày hiệu lực không được trước ngày ban hành.', details: { field: 'effectiveOn' } });
    await expect(updateDocument(database.db, { actor, id: ids.law!, input: { issuedOn: '2024-08-01' } })).rejects.toMatchObject({ details: { field: 'effectiveOn' } });
  });

  it('bumps the portal version and audits every change; a new number is found at once', async () => {
    const before = await readPortalVersion(database.db, TENANT);
    const changed = await updateDocument(database.db, { actor, id: ids.decree!, input: { numberSymbol: '93/2024/NĐ-CP', published: true } });
    expect(changed.numberSymbol).toBe('93/2024/NĐ-CP');
    expect(await numbers('93 2024 nd cp')).toEqual(['93/2024/NĐ-CP']);
    expect(await readPortalVersion(database.db, TENANT)).toBe(before + 1);
    await deleteDocument(database.db, { actor, id: ids.decree! });
    expect(await readPortalVersion(database.db, TENANT)).toBe(before + 2);
    expect(await numbers('93')).toEqual([]);
    const audit = await findAuditEvents(database.db, TENANT, 'legal_document', ids.decree!);
    expect(audit.map((a) => a.action)).toEqual(['legal_document.deleted', 'legal_document.updated', 'legal_document.created']);
  });
});
