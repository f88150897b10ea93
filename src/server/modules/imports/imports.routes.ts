import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { AppError } from '../../http/errors.ts';
import { requireRegistryStaff } from '../cooperatives/cooperatives.policy.ts';
import { buildImportReportXlsx } from './import-report.xlsx.ts';
import { getImportRun, importCooperatives, uploadTooLarge } from './import.service.ts';

const ImportQuery = z.object({ dryRun: z.enum(['true', 'false'], { message: 'chỉ nhận true (chạy thử) hoặc false' }).optional() });
const IdParams = z.object({ id: z.string().max(64) });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The one uploaded file of field "file", refused past the upload limit before it is all in memory. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Hãy gửi tệp bảng tính dạng multipart/form-data, trong trường "file".');
  }
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part || part.fieldname !== 'file') throw new AppError('bad_request', 'Thiếu tệp bảng tính (trường "file").', { field: 'file' });
  try {
    // The name is only shown back (report, audit): keep it to a sane length.
    return { fileName: (part.filename || 'tep-khong-ten').slice(0, 255), content: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw uploadTooLarge(maxBytes);
    throw error;
  }
}

/** Registry import: upload a workbook (or dry-run it), read a run's report as JSON or .xlsx. */
export async function importsRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.post(
    '/api/imports/cooperatives',
    { schema: { querystring: ImportQuery, tags: ['imports'], summary: 'Nhập sổ đăng ký từ tệp .xlsx/.csv (multipart, trường "file")' } },
    async (request) => {
      // Checked before reading the upload, so that no one else makes the server parse 20 MB.
      requireRegistryStaff(request.actor);
      const { fileName, content } = await readUpload(request, config.maxUploadBytes);
      return importCooperatives(db(), { actor: request.actor, fileName, content, dryRun: request.query.dryRun === 'true' });
    },
  );

  r.get('/api/imports/:id', { schema: { params: IdParams, tags: ['imports'], summary: 'Báo cáo một lượt nhập' } }, async (request) => {
    const run = await getImportRun(db(), { actor: request.actor, id: request.params.id });
    return { ...run.report, at: run.at.toISOString(), actorLabel: run.actorLabel };
  });

  r.get('/api/imports/:id/report.xlsx', { schema: { params: IdParams, tags: ['imports'], summary: 'Tải báo cáo lượt nhập (.xlsx)' } }, async (request, reply) => {
    const run = await getImportRun(db(), { actor: request.actor, id: request.params.id });
    const body = await buildImportReportXlsx(run);
    return reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="bao-cao-nhap-${run.id}.xlsx"`)
      .send(body);
  });
}
