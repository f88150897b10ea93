/**
 * The one shape every Drupal reader produces (decision 009): the old site's articles as it stored them, with the
 * means to fetch the photos their bodies name. The importer (drupal-import.ts) knows nothing of the source's form.
 */

export type DrupalArticle = {
  nid: number;
  /** The node's content type ('article'); other types are reported and left out. */
  type: string;
  published: boolean;
  title: string;
  /** The body as Drupal stored it (unsanitised; image sources as written). */
  bodyHtml: string;
  summary: string;
  created: Date;
  changed: Date;
  /** The Drupal account's display name, when it is a person's name (an author line in the body wins). */
  accountName: string | null;
  /** Terms of the category vocabularies ("Phân loại tin hoạt động"), first = the article's category. */
  categories: string[];
  tags: string[];
  /** Old paths other than /node/<nid>: "/tin-tuc/hoi-nghi-….html" (leading slash, as requested on the old site). */
  aliases: string[];
};

export type ImageBytes = { ok: true; bytes: Buffer; name: string; sourceUrl: string } | { ok: false; sourceUrl: string; reason: string };

export type DrupalSite = {
  form: 'd8' | 'd7' | 'jsonapi' | 'rss';
  /** Where it was read from (a folder or a URL), for the report. */
  origin: string;
  articles: DrupalArticle[];
  /** The bytes of a photo named in a body (`src` as written there), from the dump's files/ folder or over HTTP. */
  readImage(src: string): Promise<ImageBytes>;
};

/** A source the importer cannot read: the message (Vietnamese) names the file and the row. Nothing is written. */
export class DrupalSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DrupalSourceError';
  }
}

export const FORM_NAMES: Record<DrupalSite['form'], string> = {
  d8: 'bảng cơ sở dữ liệu Drupal 8+',
  d7: 'bảng cơ sở dữ liệu Drupal 7',
  jsonapi: 'JSON:API',
  rss: 'nguồn tin RSS',
};

/** A Drupal timestamp (unix seconds, as the tables keep it) or an ISO date (JSON:API, RSS) as a Date, or null. */
export function drupalDate(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value).trim();
  const date = /^\d{9,11}$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A path as the old site answered it: leading slash, no host. "tin-tuc/a" → "/tin-tuc/a". */
export function oldPath(alias: string): string {
  const text = alias.trim();
  return text.startsWith('/') ? text : `/${text}`;
}

/** Account names that are not a person's ("admin", "bientap"): a person's name has a space. */
export function personName(name: unknown): string | null {
  const text = typeof name === 'string' ? name.normalize('NFC').trim() : '';
  return /\s/.test(text) ? text : null;
}
