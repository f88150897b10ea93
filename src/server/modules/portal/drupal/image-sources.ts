/**
 * Where the photos named in a Drupal body come from: the dump's files/ folder (Drupal's public:// — what
 * /sites/<site>/files/… served, image styles included) or the old site over HTTP(S). A photo that cannot be had
 * is reported with the reason and left out of the article.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImageBytes } from './drupal-site.ts';

const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;

/** "/sites/default/files/styles/large/public/2024-03/a.jpg?itok=x" → "2024-03/a.jpg" (the public:// path). */
export function publicFilePath(src: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(src, 'http://old.site').pathname);
  } catch {
    return null;
  }
  const match = /^\/sites\/[^/]+\/files\/(?:styles\/[^/]+\/public\/)?(.+)$/.exec(pathname) ?? /^public:\/\/(.+)$/.exec(src);
  return match ? match[1]! : null;
}

/** An image over HTTP(S): 200 with a body of at most 15 MB, else the reason. */
export async function fetchImage(url: string): Promise<ImageBytes> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    if (!response.ok) return { ok: false, sourceUrl: url, reason: `máy chủ trả lời HTTP ${response.status}` };
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, sourceUrl: url, reason: 'ảnh lớn hơn 15 MB' };
    return { ok: true, bytes, name: path.basename(new URL(url).pathname) || 'anh', sourceUrl: url };
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'quá thời gian chờ' : 'không kết nối được';
    return { ok: false, sourceUrl: url, reason };
  }
}

/** A dump's photos: read from `<dir>/files/`; an absolute URL outside /sites/…/files is fetched over HTTP(S). */
export function dumpImageReader(dir: string): (src: string) => Promise<ImageBytes> {
  const root = path.resolve(dir, 'files');
  return async (src) => {
    const relative = publicFilePath(src);
    if (relative !== null) {
      const file = path.resolve(root, relative);
      const shown = `files/${relative}`;
      if (!file.startsWith(`${root}${path.sep}`)) return { ok: false, sourceUrl: src, reason: 'đường dẫn ra ngoài thư mục files' };
      if (!existsSync(file) || !statSync(file).isFile()) return { ok: false, sourceUrl: src, reason: `không có tệp ${shown} trong bản sao` };
      if (statSync(file).size > MAX_IMAGE_BYTES) return { ok: false, sourceUrl: src, reason: 'ảnh lớn hơn 15 MB' };
      return { ok: true, bytes: readFileSync(file), name: path.basename(file), sourceUrl: src };
    }
    if (/^https?:\/\//i.test(src)) return fetchImage(src);
    return { ok: false, sourceUrl: src, reason: 'địa chỉ ảnh không thuộc thư mục files của trang cũ' };
  };
}

/** A live site's photos: `src` resolved against the site's address and fetched. */
export function siteImageReader(siteUrl: string): (src: string) => Promise<ImageBytes> {
  return async (src) => {
    let url: URL;
    try {
      url = new URL(src, siteUrl);
    } catch {
      return { ok: false, sourceUrl: src, reason: 'địa chỉ ảnh không hợp lệ' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, sourceUrl: src, reason: 'địa chỉ ảnh không phải http(s)' };
    return fetchImage(url.toString());
  };
}
