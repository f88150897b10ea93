// The portal's attachments and legal documents' files (decision 009): pdf, docx, xlsx checked by name AND
// content (checkDocument), stored in the database, public at /tep/<id>/<fileName>.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { checkDocument, safeFileName } from '../../files/upload-checks.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { portalFiles } from './portal.sql.ts';

export const MAX_PORTAL_FILE_BYTES = 20 * 1024 * 1024;
const PORTAL_EXTENSIONS = ['pdf', 'docx', 'xlsx'];

/** The public address of a stored file. */
export function fileUrl(id: string, fileName: string): string {
  return `/tep/${id}/${encodeURIComponent(fileName)}`;
}

/** Stores a pdf, docx or xlsx for the portal (the same content twice in an alliance: stored once). */
export async function storeFile({ db, tenantId, fileName, bytes, uploadedBy }: { db: Db; tenantId: number; fileName: string; bytes: Buffer; uploadedBy?: string | null }) {
  const name = safeFileName(fileName);
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  if (!PORTAL_EXTENSIONS.includes(ext)) throw new AppError('unsupported_media_type', `Chỉ nhận tệp ${PORTAL_EXTENSIONS.join(', ')}; tệp "${name}" không thuộc các loại này.`, { field: 'file' });
  if (bytes.length > MAX_PORTAL_FILE_BYTES) throw new AppError('payload_too_large', `Tệp "${name}" lớn hơn ${MAX_PORTAL_FILE_BYTES / 1024 / 1024} MB.`, { field: 'file' });
  const checked = checkDocument(name, bytes);
  if (!checked.ok) throw new AppError('unsupported_media_type', checked.reason, { field: 'file' });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const [same] = await db
    .select({ id: portalFiles.id, fileName: portalFiles.fileName })
    .from(portalFiles)
    .where(and(eq(portalFiles.tenantId, tenantId), eq(portalFiles.sha256, sha256), eq(portalFiles.fileName, checked.fileName)))
    .limit(1);
  if (same) return { id: same.id, fileName: same.fileName, url: fileUrl(same.id, same.fileName) };
  const [row] = await db
    .insert(portalFiles)
    .values({ tenantId, fileName: checked.fileName, contentType: checked.contentType, sizeBytes: bytes.length, sha256, content: bytes, uploadedBy: uploadedBy ?? null })
    .returning({ id: portalFiles.id, fileName: portalFiles.fileName });
  return { id: row!.id, fileName: row!.fileName, url: fileUrl(row!.id, row!.fileName) };
}

/** A file's name and size (no content) in the alliance; 404 otherwise. */
export async function getFileInfo(db: Db, tenantId: number, id: string) {
  if (!isUuid(id)) throw notFound('tệp');
  const [row] = await db
    .select({ id: portalFiles.id, fileName: portalFiles.fileName, sizeBytes: portalFiles.sizeBytes, contentType: portalFiles.contentType })
    .from(portalFiles)
    .where(and(eq(portalFiles.tenantId, tenantId), eq(portalFiles.id, id)));
  if (!row) throw notFound('tệp');
  return { ...row, url: fileUrl(row.id, row.fileName) };
}

/** A stored file by its id alone (the public route), or undefined. */
export async function readPublicFile(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select({ fileName: portalFiles.fileName, contentType: portalFiles.contentType, content: portalFiles.content, sha256: portalFiles.sha256 })
    .from(portalFiles)
    .where(eq(portalFiles.id, id))
    .limit(1);
  return row;
}

export { safeFileName };
