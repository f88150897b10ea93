// The legal documents library's staff API (decision 009): thin handlers over legal-documents.service.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createDocument, deleteDocument, getDocument, listDocuments, updateDocument } from './legal-documents.service.ts';
import { DocumentInput, DocumentListQuery, DocumentPatch } from './library.schemas.ts';

const tags = ['portal'];
const IdParams = z.object({ id: z.string().max(64) });

export async function legalDocumentsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/portal/documents', { schema: { querystring: DocumentListQuery, tags, summary: 'Văn bản (tìm theo số ký hiệu hoặc từ không dấu, lọc theo loại và năm)' } }, async (request) => {
    const result = await listDocuments(db(), { actor: request.actor, ...request.query });
    return { ...result, page: request.query.page, pageSize: request.query.pageSize };
  });
  r.post('/api/portal/documents', { schema: { body: DocumentInput, tags, summary: 'Thêm văn bản' } }, async (request, reply) =>
    reply.status(201).send(await createDocument(db(), { actor: request.actor, input: request.body })),
  );
  r.get('/api/portal/documents/:id', { schema: { params: IdParams, tags, summary: 'Một văn bản' } }, async (request) => getDocument(db(), { actor: request.actor, id: request.params.id }));
  r.patch('/api/portal/documents/:id', { schema: { params: IdParams, body: DocumentPatch, tags, summary: 'Sửa văn bản' } }, async (request) =>
    updateDocument(db(), { actor: request.actor, id: request.params.id, input: request.body }),
  );
  r.delete('/api/portal/documents/:id', { schema: { params: IdParams, tags, summary: 'Xoá văn bản' } }, async (request, reply) => {
    await deleteDocument(db(), { actor: request.actor, id: request.params.id });
    return reply.status(204).send();
  });
}
