// The portal's photos (decision 009): checked by content (sharp's metadata, never the name), bounded, turned
// upright, stripped of EXIF/GPS/ICC, resized into 400/800/1200/1600 wide WebP and JPEG, stored in the database
// beside their sizes. Shared by the editors' uploads and the Drupal import (storeImage).
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import sharp, { type Metadata } from 'sharp';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { safeFileName } from '../../files/upload-checks.ts';
import { isUuid } from '../cooperatives/cooperatives.service.ts';
import { portalImages, portalImageVariants } from './portal.sql.ts';

export const IMAGE_WIDTHS = [400, 800, 1200, 1600] as const;
export const IMAGE_FORMATS = ['webp', 'jpeg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 40_000_000;
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);

export type StoreImageInput = {
  db: Db;
  tenantId: number;
  bytes: Buffer;
  originalName: string;
  alt?: string | null;
  caption?: string | null;
  sourceUrl?: string | null;
  uploadedBy?: string | null;
};

export type StoredImage = { id: string; width: number; height: number; alreadyStored: boolean };

type Variant = { width: number; height: number; format: ImageFormat; content: Buffer };

/** The widths stored for an upright picture `width` wide: those of IMAGE_WIDTHS it reaches, else its own width. */
export function variantWidths(width: number): number[] {
  const widths = IMAGE_WIDTHS.filter((w) => w <= width);
  return widths.length > 0 ? widths : [width];
}

/** The address of one size of a stored photo. */
export function mediaUrl(imageId: string, width: number, format: ImageFormat = 'webp'): string {
  return `/media/${imageId}/${width}.${format}`;
}

/** Reads, checks and resizes a photo (no database): the upright size and every variant. Vietnamese errors name the file. */
export async function prepareImage(bytes: Buffer, originalName: string): Promise<{ width: number; height: number; variants: Variant[] }> {
  const name = safeFileName(originalName);
  if (bytes.length === 0) throw new AppError('bad_request', `Tệp "${name}" rỗng.`, { field: 'file' });
  if (bytes.length > MAX_IMAGE_BYTES) throw new AppError('payload_too_large', `Ảnh "${name}" lớn hơn ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`, { field: 'file' });
  const notAnImage = () => new AppError('unsupported_media_type', `Tệp "${name}" không phải ảnh JPEG, PNG hoặc WebP.`, { field: 'file' });
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw notAnImage();
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) throw notAnImage();
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
    throw new AppError('payload_too_large', `Ảnh "${name}" có ${meta.width}×${meta.height} điểm ảnh, quá ${MAX_IMAGE_PIXELS / 1_000_000} triệu điểm ảnh.`, { field: 'file' });
  }
  // EXIF orientations 5–8 turn the picture a quarter: its upright width is its stored height.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  try {
    // Decode, turn and shrink once to the largest size kept (as raw pixels); every size and format comes from it.
    const widths = variantWidths(width);
    const largest = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' })
      .autoOrient()
      .resize({ width: widths[widths.length - 1], withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { width: largest.info.width, height: largest.info.height, channels: largest.info.channels };
    const variants: Variant[] = [];
    for (const w of widths) {
      const resized = sharp(largest.data, { raw }).resize({ width: w, withoutEnlargement: true });
      const webp = await resized.clone().webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      variants.push({ width: w, height: webp.info.height, format: 'webp', content: webp.data });
      const jpeg = await resized.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 82, progressive: true }).toBuffer({ resolveWithObject: true });
      variants.push({ width: w, height: jpeg.info.height, format: 'jpeg', content: jpeg.data });
    }
    return { width, height, variants };
  } catch {
    throw new AppError('bad_request', `Không đọc được ảnh "${name}": tệp bị hỏng hoặc không trọn vẹn.`, { field: 'file' });
  }
}

/**
 * Stores a photo once per alliance (the same SHA-256 twice returns the first), with its sizes. The resizing is
 * done before the transaction so that sharp's work never holds a database connection.
 */
export async function storeImage(input: StoreImageInput): Promise<StoredImage> {
  const { db, tenantId, bytes } = input;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await findBySha(db, tenantId, sha256);
  if (existing) return { ...existing, alreadyStored: true };
  const prepared = await prepareImage(bytes, input.originalName);
  return db.transaction(async (tx) => {
    const again = await findBySha(tx, tenantId, sha256);
    if (again) return { ...again, alreadyStored: true };
    const [row] = await tx
      .insert(portalImages)
      .values({
        tenantId,
        originalName: safeFileName(input.originalName),
        width: prepared.width,
        height: prepared.height,
        alt: (input.alt ?? '').trim(),
        caption: input.caption?.trim() || null,
        sha256,
        sourceUrl: input.sourceUrl ?? null,
        uploadedBy: input.uploadedBy ?? null,
      })
      .returning({ id: portalImages.id, width: portalImages.width, height: portalImages.height });
    await tx.insert(portalImageVariants).values(prepared.variants.map((v) => ({ tenantId, imageId: row!.id, width: v.width, format: v.format, height: v.height, sizeBytes: v.content.length, content: v.content })));
    return { ...row!, alreadyStored: false };
  });
}

async function findBySha(db: Db, tenantId: number, sha256: string) {
  const [row] = await db
    .select({ id: portalImages.id, width: portalImages.width, height: portalImages.height })
    .from(portalImages)
    .where(and(eq(portalImages.tenantId, tenantId), eq(portalImages.sha256, sha256)))
    .orderBy(asc(portalImages.uploadedAt))
    .limit(1);
  return row;
}

export type ImageRow = typeof portalImages.$inferSelect;

/** One photo of the alliance; 404 for another's or a made-up id. */
export async function getImage(db: Db, tenantId: number, id: string): Promise<ImageRow> {
  if (!isUuid(id)) throw notFound('ảnh');
  const [row] = await db.select().from(portalImages).where(and(eq(portalImages.tenantId, tenantId), eq(portalImages.id, id)));
  if (!row) throw notFound('ảnh');
  return row;
}

/** The widths each photo has (its smallest is the picker's thumbnail). */
export async function variantWidthsOf(db: Db, tenantId: number, imageIds: string[]): Promise<Map<string, number[]>> {
  const result = new Map<string, number[]>();
  if (imageIds.length === 0) return result;
  const rows = await db
    .select({ imageId: portalImageVariants.imageId, width: portalImageVariants.width })
    .from(portalImageVariants)
    .where(and(eq(portalImageVariants.tenantId, tenantId), inArray(portalImageVariants.imageId, imageIds), eq(portalImageVariants.format, 'webp')))
    .orderBy(asc(portalImageVariants.width));
  for (const row of rows) result.set(row.imageId, [...(result.get(row.imageId) ?? []), row.width]);
  return result;
}

/** A page of the alliance's photos, newest first. */
export async function listImages(db: Db, { tenantId, limit, offset }: { tenantId: number; limit: number; offset: number }) {
  const where = eq(portalImages.tenantId, tenantId);
  const [rows, [total]] = await Promise.all([
    db.select().from(portalImages).where(where).orderBy(desc(portalImages.uploadedAt), desc(portalImages.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(portalImages).where(where),
  ]);
  const widths = await variantWidthsOf(db, tenantId, rows.map((r) => r.id));
  return { items: rows.map((row) => ({ row, widths: widths.get(row.id) ?? [] })), total: total?.n ?? 0 };
}

/** One stored size of a photo, by id alone (public: the id is the secret of nothing, and never reused). */
export async function readImageVariant(db: Db, imageId: string, width: number, format: ImageFormat) {
  if (!isUuid(imageId)) return undefined;
  const [row] = await db
    .select({ content: portalImageVariants.content, sizeBytes: portalImageVariants.sizeBytes })
    .from(portalImageVariants)
    .where(and(eq(portalImageVariants.imageId, imageId), eq(portalImageVariants.width, width), eq(portalImageVariants.format, format)))
    .limit(1);
  return row;
}
