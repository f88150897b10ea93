// Fastify helpers for the files of this area, shared by the difficulties, recommendations, answers and
// consultations routes: read one multipart file (bounded), send one back as an attachment.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.ts';
import { attachmentDisposition, MAX_DOCUMENT_BYTES, safeFileName } from '../../files/upload-checks.ts';

/** The one file of a multipart request (field "file"), at most MAX_DOCUMENT_BYTES; Vietnamese errors otherwise. */
export async function readUploadedFile(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Gửi tệp dạng multipart/form-data, trường "file".', { field: 'file' });
  const file = await request.file({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } });
  if (!file) throw new AppError('bad_request', 'Chưa chọn tệp.', { field: 'file' });
  try {
    const content = await file.toBuffer();
    return { fileName: file.filename, content };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('payload_too_large', `Tệp "${safeFileName(file.filename)}" lớn hơn ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`, { field: 'file' });
    }
    throw error;
  }
}

/** Sends a stored file as a download (never rendered inline by the browser). */
export function sendStoredFile(reply: FastifyReply, file: { fileName: string; contentType: string; content: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.content);
}
