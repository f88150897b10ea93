import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/errors.ts';
import { readDb } from '../../http/read-routing.ts';
import { uploadTooLarge } from '../imports/import.service.ts';
import { Year } from '../reports/reports.schemas.ts';
import { requireUpdateStaff } from './compliance.policy.ts';
import { getUpdateTemplate } from './template.ts';
import { importUpdatesFor } from './update-import.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TemplateQuery = z.object({ year: Year });
const ImportQuery = z.object({ dryRun: z.enum(['true', 'false'], { message: 'dryRun chỉ nhận true (chạy thử) hoặc false' }).optional() });

/** The one uploaded file of field "file", refused past the upload limit before it is all in memory. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Hãy gửi tệp mẫu đã điền dạng multipart/form-data, trong trường "file".');
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part || part.fieldname !== 'file') throw new AppError('bad_request', 'Thiếu tệp mẫu đã điền (trường "file").', { field: 'file' });
  try {
    return { fileName: (part.filename || 'tep-khong-ten.xlsx').slice(0, 255), content: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw uploadTooLarge(maxBytes);
    throw error;
  }
}

/** The annual update through Excel: the template of a year, and a filled one imported (or dry-run). */
export async function updateImportRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['annual-updates'];

  r.get('/api/annual-updates/template.xlsx', { schema: { querystring: TemplateQuery, tags, summary: 'Mẫu Excel cập nhật thông tin năm (mọi tổ chức phải cập nhật)' } }, async (request, reply) => {
    const body = await getUpdateTemplate(readDb(request), { actor: request.actor, year: request.query.year });
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="mau-cap-nhat-${request.query.year}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(body);
  });

  r.post('/api/annual-updates/import', { schema: { querystring: ImportQuery, tags, summary: 'Nhập mẫu Excel đã điền (multipart, trường "file")' } }, async (request) => {
    // Checked before reading the upload, so that no one else makes the server parse 20 MB.
    requireUpdateStaff(request.actor);
    const { fileName, content } = await readUpload(request, config.maxUploadBytes);
    return importUpdatesFor(app.database.db, { actor: request.actor, fileName, content, dryRun: request.query.dryRun === 'true' });
  });
}
