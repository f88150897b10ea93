import { searchKey } from './vietnamese-text.ts';

/**
 * A friendly address from a Vietnamese title: "Hội nghị tổng kết hoạt động thành viên năm 2023" →
 * "hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023"; at most `max` characters, cut at a word.
 */
export function slugFromTitle(title: string, max = 80): string {
  const words = searchKey(title).split(' ').filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, max) || 'bai-viet';
}

/** The slug with "-2", "-3", … until `taken` says no (a second article with the same title). */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
