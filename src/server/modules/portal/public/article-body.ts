/**
 * An article's body as the reader gets it: sanitised again (whatever wrote the row), then each of the portal's
 * images given its responsive sizes (srcset, sizes), its intrinsic width and height and lazy loading.
 */
import type { Db } from '../../../../db/client.ts';
import { isOwnMedia, sanitizeArticleHtml } from '../sanitize.ts';
import { loadMedia, srcsetOf, type MediaInfo } from './media.ts';

// The sanitiser writes every <img> with double-quoted, escaped attributes and nothing but src, alt, width, height.
const IMG = /<img\b([^>]*?)\s*\/?>/g;
const ATTRIBUTE = /([a-z-]+)="([^"]*)"/g;
const MEDIA_SRC = /^\/media\/([0-9a-f-]{36})\/(\d{2,4})\.(webp|jpeg)$/;

/** The column of text on a phone is the screen's width; on a desktop at most 48rem. */
export const BODY_SIZES = '(min-width: 60rem) 768px, calc(100vw - 2rem)';

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, value] of tag.matchAll(ATTRIBUTE)) attributes.set(name!, value!);
  return attributes;
}

function imageTag(attributes: Map<string, string>, info: MediaInfo | undefined): string {
  const src = attributes.get('src')!;
  const format = MEDIA_SRC.exec(src)![3]!;
  const parts = [`src="${src}"`, `alt="${attributes.get('alt') ?? ''}"`];
  const srcset = info ? srcsetOf(info, format) : '';
  if (srcset) parts.push(`srcset="${srcset}"`, `sizes="${BODY_SIZES}"`);
  // The original's proportions (the stored sizes keep them); the editor's own width/height otherwise.
  const width = info?.width ?? attributes.get('width');
  const height = info?.height ?? attributes.get('height');
  if (width && height) parts.push(`width="${width}"`, `height="${height}"`);
  parts.push('loading="lazy"', 'decoding="async"');
  return `<img ${parts.join(' ')}>`;
}

/** Sanitised body HTML with responsive images (the only HTML a public page inserts unescaped). */
export async function renderArticleBody(db: Db, tenantId: number, bodyHtml: string): Promise<string> {
  const clean = sanitizeArticleHtml(bodyHtml);
  const ids = [...clean.matchAll(IMG)].map(([, attrs]) => MEDIA_SRC.exec(attributesOf(attrs!).get('src') ?? '')?.[1]);
  const media = await loadMedia(db, tenantId, ids);
  return clean.replace(IMG, (_whole, attrs: string) => {
    const attributes = attributesOf(attrs);
    const src = attributes.get('src');
    if (!isOwnMedia(src)) return ''; // the sanitiser already drops these; kept as a second fence
    return imageTag(attributes, media.get(MEDIA_SRC.exec(src!)![1]!));
  });
}
