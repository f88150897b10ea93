// The portal's files over HTTP (decision 009): upload (staff) and the public /tep/<fileId>/<fileName>.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDisposition } from '../../files/upload-checks.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { MAX_PORTAL_FILE_BYTES, readPublicFile, storeFile } from './files.service.ts';
import { readUpload } from './library-uploads.ts';
import { actorName, requireLibraryManager } from './library.policy.ts';

const tags = ['portal'];
const FileParams = z.object({ fileId: z.string().max(64), fileName: z.string().max(1000) });

export async function filesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.post('/api/portal/files', { schema: { tags, summary: 'Tải tệp đính kèm lên (pdf, docx, xlsx; multipart: file)' } }, async (request, reply) => {
    const { tenantId } = requireLibraryManager(request.actor);
    const upload = await readUpload(request, MAX_PORTAL_FILE_BYTES);
    const file = await storeFile({ db: db(), tenantId, fileName: upload.fileName, bytes: upload.content, uploadedBy: actorName(request.actor) });
    await recordAudit(db(), { actor: request.actor, tenantId, action: 'portal_file.uploaded', entityType: 'portal_file', entityId: file.id, before: null, after: { fileName: file.fileName, sizeBytes: upload.content.length } });
    return reply.status(201).send({ ...file, sizeBytes: upload.content.length });
  });

  // Public: a stored file, always as a download under its own (UTF-8) name; its content never changes.
  r.get('/tep/:fileId/:fileName', { schema: { params: FileParams, hide: true } }, async (request, reply) => {
    const file = await readPublicFile(db(), request.params.fileId);
    if (!file) return reply.status(404).header('cache-control', 'no-cache').type('text/plain; charset=utf-8').send('Không tìm thấy tệp.');
    const etag = `"${file.sha256}"`;
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox");
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.header('content-type', file.contentType).header('content-disposition', attachmentDisposition(file.fileName)).send(file.content);
  });
}
