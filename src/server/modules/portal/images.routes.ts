// The image library's HTTP API (decision 009) and the public sizes at /media/<imageId>/<width>.<webp|jpeg>.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import { and, eq } from 'drizzle-orm';
import { getImage, listImages, MAX_IMAGE_BYTES, mediaUrl, readImageVariant, storeImage, variantWidthsOf, type ImageFormat, type ImageRow } from './images.service.ts';
import { readUpload } from './library-uploads.ts';
import { actorName, requireLibraryManager } from './library.policy.ts';
import { ImagePatch, PageQuery } from './library.schemas.ts';
import { bumpPortalVersion } from './portal-version.ts';
import { portalImages } from './portal.sql.ts';

const tags = ['portal'];

export function presentImage(row: ImageRow, widths: number[]) {
  const smallest = widths[0] ?? row.width;
  return {
    id: row.id,
    alt: row.alt,
    caption: row.caption,
    width: row.width,
    height: row.height,
    originalName: row.originalName,
    widths,
    src: mediaUrl(row.id, smallest, 'webp'),
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

async function presentOne(db: Db, tenantId: number, row: ImageRow) {
  return presentImage(row, (await variantWidthsOf(db, tenantId, [row.id])).get(row.id) ?? []);
}

/** An editor's upload: the alt text is required (the public pages must describe every photo). Audited. */
async function uploadImage(db: Db, { actor, bytes, fileName, alt, caption }: { actor: Actor; bytes: Buffer; fileName: string; alt?: string; caption?: string }) {
  const { tenantId } = requireLibraryManager(actor);
  if (!alt?.trim()) throw new AppError('bad_request', 'Nhập mô tả ảnh cho người không xem được ảnh.', { field: 'alt' });
  if (alt.trim().length > 300) throw new AppError('bad_request', 'Mô tả ảnh dài quá 300 ký tự.', { field: 'alt' });
  if ((caption ?? '').trim().length > 500) throw new AppError('bad_request', 'Chú thích dài quá 500 ký tự.', { field: 'caption' });
  const stored = await storeImage({ db, tenantId, bytes, originalName: fileName, alt, caption, sourceUrl: null, uploadedBy: actorName(actor) });
  const row = await getImage(db, tenantId, stored.id);
  if (!stored.alreadyStored) await recordAudit(db, { actor, tenantId, action: 'portal_image.uploaded', entityType: 'portal_image', entityId: row.id, before: null, after: { originalName: row.originalName, alt: row.alt, caption: row.caption, width: row.width, height: row.height } });
  return { ...(await presentOne(db, tenantId, row)), alreadyStored: stored.alreadyStored };
}

/** Changes a photo's alt text or caption (pages show them: the portal's version moves). Audited. */
async function updateImage(db: Db, { actor, id, input }: { actor: Actor; id: string; input: z.infer<typeof ImagePatch> }) {
  const { tenantId } = requireLibraryManager(actor);
  return db.transaction(async (tx) => {
    const before = await getImage(tx, tenantId, id);
    const changes = { ...(input.alt !== undefined ? { alt: input.alt } : {}), ...(input.caption !== undefined ? { caption: input.caption || null } : {}) };
    if (Object.keys(changes).length === 0) return presentOne(tx, tenantId, before);
    const [row] = await tx.update(portalImages).set(changes).where(and(eq(portalImages.tenantId, tenantId), eq(portalImages.id, id))).returning();
    await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'portal_image.updated', entityType: 'portal_image', entityId: id, before: { alt: before.alt, caption: before.caption }, after: { alt: row!.alt, caption: row!.caption } });
    return presentOne(tx, tenantId, row!);
  });
}

const IdParams = z.object({ id: z.string().max(64) });
const MediaParams = z.object({ imageId: z.string().max(64), file: z.string().max(32) });

export async function imagesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/portal/images', { schema: { querystring: PageQuery, tags, summary: 'Thư viện ảnh của cổng thông tin (mới nhất trước)' } }, async (request) => {
    const { tenantId } = requireLibraryManager(request.actor);
    const { page, pageSize } = request.query;
    const result = await listImages(db(), { tenantId, limit: pageSize, offset: (page - 1) * pageSize });
    return { items: result.items.map((i) => presentImage(i.row, i.widths)), total: result.total, page, pageSize };
  });

  r.post('/api/portal/images', { schema: { tags, summary: 'Tải ảnh lên (multipart: file, alt, caption)' } }, async (request, reply) => {
    requireLibraryManager(request.actor); // before reading a byte of the upload
    const upload = await readUpload(request, MAX_IMAGE_BYTES);
    const image = await uploadImage(db(), { actor: request.actor, bytes: upload.content, fileName: upload.fileName, alt: upload.fields.alt, caption: upload.fields.caption });
    return reply.status(image.alreadyStored ? 200 : 201).send(image);
  });

  r.patch('/api/portal/images/:id', { schema: { params: IdParams, body: ImagePatch, tags, summary: 'Sửa mô tả, chú thích của ảnh' } }, async (request) =>
    updateImage(db(), { actor: request.actor, id: request.params.id, input: request.body }),
  );

  // Public: one size of a photo. The content under an address never changes, so browsers keep it a year.
  r.get('/media/:imageId/:file', { schema: { params: MediaParams, hide: true } }, async (request, reply) => {
    const match = /^([1-9]\d{0,4})\.(webp|jpeg)$/.exec(request.params.file);
    const variant = match ? await readImageVariant(db(), request.params.imageId, Number(match[1]), match[2] as ImageFormat) : undefined;
    if (!match || !variant) return reply.status(404).header('cache-control', 'no-cache').type('text/plain; charset=utf-8').send('Không tìm thấy ảnh.');
    const etag = `"${request.params.imageId}-${match[1]}-${match[2]}"`;
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', etag).header('x-content-type-options', 'nosniff');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type(`image/${match[2]}`).send(variant.content);
  });
}
