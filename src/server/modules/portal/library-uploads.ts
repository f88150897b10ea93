// Reading one bounded multipart upload (field "file" and a few short text fields) for the portal's library.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.ts';
import { safeFileName } from '../../files/upload-checks.ts';

export type Upload = { fileName: string; content: Buffer; fields: Record<string, string> };

/** The file (at most maxBytes, refused with a Vietnamese message naming it) and the text fields sent with it. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Gửi tệp dạng multipart/form-data, trường "file".', { field: 'file' });
  const fields: Record<string, string> = {};
  let file: { fileName: string; content: Buffer } | undefined;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000 } })) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      continue;
    }
    if (part.fieldname !== 'file') {
      await part.toBuffer().catch(() => undefined);
      continue;
    }
    try {
      file = { fileName: part.filename, content: await part.toBuffer() };
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new AppError('payload_too_large', `Tệp "${safeFileName(part.filename)}" lớn hơn ${maxBytes / 1024 / 1024} MB.`, { field: 'file' });
      }
      throw error;
    }
  }
  if (!file) throw new AppError('bad_request', 'Chưa chọn tệp.', { field: 'file' });
  return { ...file, fields };
}
