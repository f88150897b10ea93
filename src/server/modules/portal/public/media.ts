/**
 * The sizes of the portal's images as the public pages need them: srcset of the stored widths (never wider than
 * the original), the intrinsic width and height (no layout shift), the JPEG used as a sharing preview.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { portalImages, portalImageVariants } from '../portal.sql.ts';

export type MediaVariant = { width: number; height: number; format: string };
export type MediaInfo = { id: string; alt: string; caption: string | null; width: number; height: number; variants: MediaVariant[] };

/** The images (and their stored sizes) of these ids; ids not stored are left out. */
export async function loadMedia(db: Db, tenantId: number, ids: readonly (string | null | undefined)[]): Promise<Map<string, MediaInfo>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)))];
  const media = new Map<string, MediaInfo>();
  if (wanted.length === 0) return media;
  const images = await db
    .select({ id: portalImages.id, alt: portalImages.alt, caption: portalImages.caption, width: portalImages.width, height: portalImages.height })
    .from(portalImages)
    .where(and(eq(portalImages.tenantId, tenantId), inArray(portalImages.id, wanted)));
  for (const image of images) media.set(image.id, { ...image, variants: [] });
  if (media.size === 0) return media;
  const variants = await db
    .select({ imageId: portalImageVariants.imageId, width: portalImageVariants.width, height: portalImageVariants.height, format: portalImageVariants.format })
    .from(portalImageVariants)
    .where(and(eq(portalImageVariants.tenantId, tenantId), inArray(portalImageVariants.imageId, [...media.keys()])));
  for (const v of variants) media.get(v.imageId)?.variants.push({ width: v.width, height: v.height, format: v.format });
  for (const info of media.values()) info.variants.sort((a, b) => a.width - b.width);
  return media;
}

export const mediaUrl = (id: string, width: number, format: string) => `/media/${id}/${width}.${format}`;

/** "…/400.webp 400w, …/800.webp 800w" of one format; '' when none is stored. */
export function srcsetOf(info: MediaInfo, format: string): string {
  return info.variants
    .filter((v) => v.format === format)
    .map((v) => `${mediaUrl(info.id, v.width, format)} ${v.width}w`)
    .join(', ');
}

/** The widest stored size of a format no wider than maxWidth (else the narrowest); undefined when none is stored. */
export function variantUpTo(info: MediaInfo, format: string, maxWidth: number): MediaVariant | undefined {
  const ofFormat = info.variants.filter((v) => v.format === format);
  return ofFormat.filter((v) => v.width <= maxWidth).at(-1) ?? ofFormat[0];
}

/** The sharing preview (Open Graph, Twitter card, JSON-LD): the JPEG nearest 1200 wide. */
export function previewImage(info: MediaInfo | undefined): { url: string; width: number; height: number } | undefined {
  if (!info) return undefined;
  const v = variantUpTo(info, 'jpeg', 1200);
  return v ? { url: mediaUrl(info.id, v.width, 'jpeg'), width: v.width, height: v.height } : undefined;
}
