// The legal documents library (decision 009): number and symbol, kind, issuer, dates, summary, file. Found by
// number ("641/KH-UBND", "641 kh ubnd", "641") or by words typed without accents; listed by kind and year.
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import { slugFromTitle, uniqueSlug } from '../../../shared/slug.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { fileUrl, getFileInfo } from './files.service.ts';
import { actorName, requireLibraryManager } from './library.policy.ts';
import { DOCUMENT_KIND_LABELS, type DocumentInput, type DocumentKind, type DocumentPatch } from './library.schemas.ts';
import { bumpPortalVersion } from './portal-version.ts';
import { legalDocuments, portalFiles } from './portal.sql.ts';

/** The number and symbol folded for finding: lower case, accents and spaces off, "/" and "-" kept: "641/kh-ubnd". */
export function documentNumberKey(numberSymbol: string): string {
  return numberSymbol.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, '');
}

function documentSearchText(d: { numberSymbol: string; kind: string; title: string; issuer: string; summary?: string | null }): string {
  return searchKey([d.numberSymbol, DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? '', d.title, d.issuer, d.summary ?? ''].join(' '));
}

const documentColumns = {
  document: legalDocuments,
  fileName: portalFiles.fileName,
  fileSize: portalFiles.sizeBytes,
};
type DocumentRow = { document: typeof legalDocuments.$inferSelect; fileName: string | null; fileSize: number | null };

export function presentDocument({ document: d, fileName, fileSize }: DocumentRow) {
  return {
    id: d.id,
    slug: d.slug,
    url: `/van-ban/${d.slug}`,
    numberSymbol: d.numberSymbol,
    kind: d.kind,
    kindLabel: DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? DOCUMENT_KIND_LABELS.other,
    title: d.title,
    issuer: d.issuer,
    issuedOn: d.issuedOn,
    effectiveOn: d.effectiveOn,
    summary: d.summary,
    file: d.fileId && fileName ? { id: d.fileId, fileName, sizeBytes: fileSize ?? 0, url: fileUrl(d.fileId, fileName) } : null,
    published: d.published,
    updatedAt: d.updatedAt.toISOString(),
  };
}
export type PresentedDocument = ReturnType<typeof presentDocument>;

/**
 * The condition for a typed query: its number (folded, any punctuation: "641 kh ubnd" finds "641/KH-UBND", from
 * the start of a number part) or all of its words at the start of words of the document's text, without accents.
 * Returns the condition and an expression true for number matches (ranked first).
 */
function queryCondition(q: string | undefined): { where?: SQL; byNumber?: SQL } {
  const loose = searchKey(q ?? '');
  if (!loose) return {};
  const byNumber = sql`(' ' || regexp_replace(${legalDocuments.numberKey}, '[^a-z0-9]+', ' ', 'g') || ' ') like ${`% ${loose}%`}`;
  const words = loose.split(' ').map((w) => sql`(' ' || ${legalDocuments.searchText}) like ${`% ${w}%`}`);
  return { where: sql`(${byNumber} or (${sql.join(words, sql` and `)}))`, byNumber };
}

type FindOptions = { tenantId: number; q?: string; kind?: string; year?: number; limit: number; offset: number; publishedOnly: boolean };

async function findDocuments(db: Db, o: FindOptions) {
  const query = queryCondition(o.q);
  const where = and(
    eq(legalDocuments.tenantId, o.tenantId),
    o.publishedOnly ? eq(legalDocuments.published, true) : undefined,
    o.kind ? eq(legalDocuments.kind, o.kind) : undefined,
    o.year ? sql`${legalDocuments.issuedOn} between ${`${o.year}-01-01`} and ${`${o.year}-12-31`}` : undefined,
    query.where,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(documentColumns)
      .from(legalDocuments)
      .leftJoin(portalFiles, and(eq(portalFiles.tenantId, legalDocuments.tenantId), eq(portalFiles.id, legalDocuments.fileId)))
      .where(where)
      .orderBy(...(query.byNumber ? [desc(query.byNumber)] : []), desc(legalDocuments.issuedOn), asc(legalDocuments.numberKey))
      .limit(o.limit)
      .offset(o.offset),
    db.select({ n: count() }).from(legalDocuments).where(where),
  ]);
  return { items: rows.map(presentDocument), total: total?.n ?? 0 };
}

/** Published documents of the alliance (public pages): by number or words, kind, year; newest issued first. */
export function findPublishedDocuments({ db, tenantId, q, kind, year, limit, offset }: { db: Db; tenantId: number; q?: string; kind?: string; year?: number; limit: number; offset: number }) {
  return findDocuments(db, { tenantId, q, kind, year, limit, offset, publishedOnly: true });
}

/** The kinds and years the published documents have, with their counts (the library's filters). */
export async function publishedDocumentFacets({ db, tenantId }: { db: Db; tenantId: number }) {
  const published = and(eq(legalDocuments.tenantId, tenantId), eq(legalDocuments.published, true));
  const year = sql<number>`cast(extract(year from ${legalDocuments.issuedOn}) as integer)`;
  const [kinds, years] = await Promise.all([
    db.select({ kind: legalDocuments.kind, count: count() }).from(legalDocuments).where(published).groupBy(legalDocuments.kind),
    db.select({ year, count: count() }).from(legalDocuments).where(published).groupBy(year).orderBy(desc(year)),
  ]);
  const order = Object.keys(DOCUMENT_KIND_LABELS);
  return {
    kinds: kinds.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)).map((k) => ({ ...k, label: DOCUMENT_KIND_LABELS[k.kind as DocumentKind] ?? k.kind })),
    years: years.map((y) => ({ year: Number(y.year), count: y.count })),
  };
}

/** One published document by its slug, or null (the public page answers 404). */
export async function getPublishedDocumentBySlug({ db, tenantId, slug }: { db: Db; tenantId: number; slug: string }): Promise<PresentedDocument | null> {
  const [row] = await db
    .select(documentColumns)
    .from(legalDocuments)
    .leftJoin(portalFiles, and(eq(portalFiles.tenantId, legalDocuments.tenantId), eq(portalFiles.id, legalDocuments.fileId)))
    .where(and(eq(legalDocuments.tenantId, tenantId), eq(legalDocuments.slug, slug), eq(legalDocuments.published, true)));
  return row ? presentDocument(row) : null;
}

/** The staff's list: every document of the alliance, published or not. */
export function listDocuments(db: Db, { actor, q, kind, year, page, pageSize }: { actor: Actor; q?: string; kind?: string; year?: number; page: number; pageSize: number }) {
  const { tenantId } = requireLibraryManager(actor);
  return findDocuments(db, { tenantId, q, kind, year, limit: pageSize, offset: (page - 1) * pageSize, publishedOnly: false });
}

async function getDocumentRow(db: Db, tenantId: number, id: string): Promise<DocumentRow> {
  if (!isUuid(id)) throw notFound('văn bản');
  const [row] = await db
    .select(documentColumns)
    .from(legalDocuments)
    .leftJoin(portalFiles, and(eq(portalFiles.tenantId, legalDocuments.tenantId), eq(portalFiles.id, legalDocuments.fileId)))
    .where(and(eq(legalDocuments.tenantId, tenantId), eq(legalDocuments.id, id)));
  if (!row) throw notFound('văn bản');
  return row;
}

/** One document of the actor's alliance. */
export async function getDocument(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { tenantId } = requireLibraryManager(actor);
  return presentDocument(await getDocumentRow(db, tenantId, id));
}

function checkDates(issuedOn: string, effectiveOn: string | null | undefined) {
  if (effectiveOn && effectiveOn < issuedOn) throw new AppError('bad_request', 'Ngày hiệu lực không được trước ngày ban hành.', { field: 'effectiveOn' });
}

async function freeSlug(db: Db, tenantId: number, base: string): Promise<string> {
  const rows = await db
    .select({ slug: legalDocuments.slug })
    .from(legalDocuments)
    .where(and(eq(legalDocuments.tenantId, tenantId), sql`${legalDocuments.slug} like ${`${base}%`}`));
  const taken = new Set(rows.map((r) => r.slug));
  return uniqueSlug(base, (s) => taken.has(s));
}

/** Adds a document; its address comes from its kind, number and title and never changes. Audited. */
export async function createDocument(db: Db, { actor, input }: { actor: Actor; input: DocumentInput }) {
  const { tenantId } = requireLibraryManager(actor);
  checkDates(input.issuedOn, input.effectiveOn);
  if (input.fileId) await getFileInfo(db, tenantId, input.fileId);
  return db.transaction(async (tx) => {
    const slug = await freeSlug(tx, tenantId, slugFromTitle(`${DOCUMENT_KIND_LABELS[input.kind]} ${input.numberSymbol} ${input.title}`));
    const [row] = await tx
      .insert(legalDocuments)
      .values({
        tenantId,
        slug,
        numberSymbol: input.numberSymbol,
        numberKey: documentNumberKey(input.numberSymbol),
        kind: input.kind,
        title: input.title,
        issuer: input.issuer,
        issuedOn: input.issuedOn,
        effectiveOn: input.effectiveOn ?? null,
        summary: input.summary ?? '',
        fileId: input.fileId ?? null,
        published: input.published ?? true,
        searchText: documentSearchText({ ...input }),
        createdBy: actorName(actor),
      })
      .returning({ id: legalDocuments.id });
    const created = presentDocument(await getDocumentRow(tx, tenantId, row!.id));
    await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'legal_document.created', entityType: 'legal_document', entityId: created.id, before: null, after: created });
    return created;
  });
}

/** Changes a document (the number's key and the search text follow); audited. */
export async function updateDocument(db: Db, { actor, id, input }: { actor: Actor; id: string; input: DocumentPatch }) {
  const { tenantId } = requireLibraryManager(actor);
  if (input.fileId) await getFileInfo(db, tenantId, input.fileId);
  return db.transaction(async (tx) => {
    const beforeRow = await getDocumentRow(tx, tenantId, id);
    const before = beforeRow.document;
    const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as typeof before;
    checkDates(next.issuedOn, next.effectiveOn);
    await tx
      .update(legalDocuments)
      .set({
        numberSymbol: next.numberSymbol,
        numberKey: documentNumberKey(next.numberSymbol),
        kind: next.kind,
        title: next.title,
        issuer: next.issuer,
        issuedOn: next.issuedOn,
        effectiveOn: next.effectiveOn ?? null,
        summary: next.summary ?? '',
        fileId: next.fileId ?? null,
        published: next.published,
        searchText: documentSearchText(next),
        updatedAt: sql`now()`,
      })
      .where(and(eq(legalDocuments.tenantId, tenantId), eq(legalDocuments.id, id)));
    const after = presentDocument(await getDocumentRow(tx, tenantId, id));
    await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'legal_document.updated', entityType: 'legal_document', entityId: id, before: presentDocument(beforeRow), after });
    return after;
  });
}

/** Removes a document from the library (its file stays, other pages may link it); audited. */
export async function deleteDocument(db: Db, { actor, id }: { actor: Actor; id: string }) {
  const { tenantId } = requireLibraryManager(actor);
  await db.transaction(async (tx) => {
    const before = presentDocument(await getDocumentRow(tx, tenantId, id));
    await tx.delete(legalDocuments).where(and(eq(legalDocuments.tenantId, tenantId), eq(legalDocuments.id, id)));
    await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'legal_document.deleted', entityType: 'legal_document', entityId: id, before, after: null });
  });
}
