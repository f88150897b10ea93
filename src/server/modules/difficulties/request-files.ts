// The files of difficulties, recommendations, agencies' answers and consultations (decision 008), kept in the
// database (request_files.content) in the same transaction as what they belong to, so `coop backup`/`restore`
// carry them on both engines. Type checked by content, size bounded, at most 10 files per owner.
import { createHash } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { checkDocument, MAX_DOCUMENT_BYTES, safeFileName } from '../../files/upload-checks.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { requestFiles } from './difficulties.sql.ts';

export type RequestFileOwnerKind = 'difficulty' | 'recommendation' | 'answer' | 'consultation';

export const MAX_FILES_PER_OWNER = 10;

export type RequestFileSummary = { id: string; fileName: string; contentType: string; sizeBytes: number; uploadedAt: string; uploadedBy: string | null };

const summaryColumns = {
  id: requestFiles.id,
  fileName: requestFiles.fileName,
  contentType: requestFiles.contentType,
  sizeBytes: requestFiles.sizeBytes,
  uploadedAt: requestFiles.uploadedAt,
  uploadedBy: requestFiles.uploadedBy,
};

function presentSummary(row: { id: string; fileName: string; contentType: string; sizeBytes: number; uploadedAt: Date; uploadedBy: string | null }): RequestFileSummary {
  return { ...row, uploadedAt: row.uploadedAt.toISOString() };
}

/**
 * Stores one file of an owner (checked by content and size; at most 10 per owner). Call it with the transaction
 * that records the change (and its audit event); the caller has already checked who may attach.
 */
export async function storeRequestFile(
  tx: Db,
  input: { tenantId: number; ownerKind: RequestFileOwnerKind; ownerId: string; fileName: string; content: Buffer; uploadedBy: string | null },
): Promise<RequestFileSummary> {
  const name = safeFileName(input.fileName);
  if (input.content.length > MAX_DOCUMENT_BYTES) {
    throw new AppError('payload_too_large', `Tệp "${name}" lớn hơn ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`, { field: 'file' });
  }
  const checked = checkDocument(input.fileName, input.content);
  if (!checked.ok) throw new AppError('unsupported_media_type', checked.reason, { field: 'file' });
  const [existing] = await tx
    .select({ n: count() })
    .from(requestFiles)
    .where(and(eq(requestFiles.tenantId, input.tenantId), eq(requestFiles.ownerKind, input.ownerKind), eq(requestFiles.ownerId, input.ownerId)));
  if (Number(existing?.n ?? 0) >= MAX_FILES_PER_OWNER) {
    throw new AppError('conflict', `Không thể đính kèm tệp "${checked.fileName}": đã có đủ ${MAX_FILES_PER_OWNER} tệp.`, { field: 'file' });
  }
  const [row] = await tx
    .insert(requestFiles)
    .values({
      tenantId: input.tenantId,
      ownerKind: input.ownerKind,
      ownerId: input.ownerId,
      fileName: checked.fileName,
      contentType: checked.contentType,
      sizeBytes: input.content.length,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      content: input.content,
      uploadedBy: input.uploadedBy,
    })
    .returning(summaryColumns);
  return presentSummary(row!);
}

/** The files of an owner, oldest first, without their content. */
export async function listRequestFiles(db: Db, tenantId: number, ownerKind: RequestFileOwnerKind, ownerId: string): Promise<RequestFileSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(requestFiles)
    .where(and(eq(requestFiles.tenantId, tenantId), eq(requestFiles.ownerKind, ownerKind), eq(requestFiles.ownerId, ownerId)))
    .orderBy(asc(requestFiles.uploadedAt), asc(requestFiles.id));
  return rows.map(presentSummary);
}

/** One file of an owner with its content; 404 when it is not that owner's. */
export async function readRequestFile(db: Db, tenantId: number, ownerKind: RequestFileOwnerKind, ownerId: string, fileId: string) {
  if (!isUuid(fileId)) throw notFound('tệp');
  const [row] = await db
    .select()
    .from(requestFiles)
    .where(and(eq(requestFiles.tenantId, tenantId), eq(requestFiles.ownerKind, ownerKind), eq(requestFiles.ownerId, ownerId), eq(requestFiles.id, fileId)));
  if (!row) throw notFound('tệp');
  return row;
}
