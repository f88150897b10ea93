import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../../db/bytea.ts';

/**
 * The public portal's content (decision 009). Every table carries the alliance (tenant) first in its key: the
 * portal of a deployment serves one alliance (PORTAL_TENANT, else the first alliance), a national deployment
 * serves each alliance's portal by host later.
 */

/**
 * News categories and the portal's menu. kind: 'news' (a list of articles at /<slug>, e.g. /tin-tuc,
 * /hoi-thao-tap-huan) | 'link' (a menu entry to a fixed page or a path: `path`). menuOrder ascending; hidden
 * categories keep their articles reachable but leave the menu.
 */
export const portalCategories = pgTable(
  'portal_categories',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind').notNull().default('news'),
    path: text('path'),
    menuOrder: integer('menu_order').notNull().default(0),
    inMenu: boolean('in_menu').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('portal_categories_slug_key').on(t.tenantId, t.slug)],
);

/**
 * An article (kind 'news', at /tin-tuc/<slug>) or a fixed page (kind 'page', at /trang/<slug>: about the
 * alliance, contacts, the support fund's conditions). bodyHtml is sanitised HTML (sanitizeArticleHtml) — sanitised
 * again when rendered. searchText = searchKey(title + summary + body's text), for accent-free search.
 * state: 'draft' → 'in_review' → 'published' | 'scheduled' (publishAt in the future) → 'unpublished'
 * (and back to 'draft' for more changes). publishedAt: the date shown (first publication, or the old site's date
 * for imported articles). version: the latest row of portal_article_versions (every save adds one).
 * legacyNid: the Drupal node id of an imported article.
 */
export const portalArticles = pgTable(
  'portal_articles',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull().default('news'),
    slug: text('slug').notNull(),
    categoryId: uuid('category_id'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    coverImageId: uuid('cover_image_id'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    authorName: text('author_name'),
    authorPosition: text('author_position'),
    state: text('state').notNull().default('draft'),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    unpublishedAt: timestamp('unpublished_at', { withTimezone: true }),
    menuOrder: integer('menu_order').notNull().default(0),
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    legacyNid: integer('legacy_nid'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('portal_articles_slug_key').on(t.tenantId, t.kind, t.slug),
    index('portal_articles_listing_idx').on(t.tenantId, t.state, t.publishedAt),
    index('portal_articles_category_idx').on(t.tenantId, t.categoryId, t.publishedAt),
    index('portal_articles_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Every saved version of an article, whole (compared with `diff`); `state` is the article's state after the save. */
export const portalArticleVersions = pgTable(
  'portal_article_versions',
  {
    tenantId: integer('tenant_id').notNull(),
    articleId: uuid('article_id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyHtml: text('body_html').notNull(),
    categoryId: uuid('category_id'),
    coverImageId: uuid('cover_image_id'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    authorName: text('author_name'),
    authorPosition: text('author_position'),
    state: text('state').notNull(),
    note: text('note'),
    savedBy: text('saved_by'),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.articleId, t.version] })],
);

/**
 * An uploaded photo (EXIF and GPS stripped); its sizes live in portal_image_variants. Served at
 * /media/<id>/<width>.<format> (format 'webp' | 'jpeg'), cached for a year (the id never changes content).
 */
export const portalImages = pgTable(
  'portal_images',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    originalName: text('original_name').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    alt: text('alt').notNull().default(''),
    caption: text('caption'),
    sha256: text('sha256').notNull(),
    sourceUrl: text('source_url'),
    uploadedBy: text('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('portal_images_sha_idx').on(t.tenantId, t.sha256)],
);

export const portalImageVariants = pgTable(
  'portal_image_variants',
  {
    tenantId: integer('tenant_id').notNull(),
    imageId: uuid('image_id').notNull(),
    width: integer('width').notNull(),
    format: text('format').notNull(),
    height: integer('height').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
  },
  // The public /media/<imageId>/<file> route finds a size by the image's id alone (ids are never reused).
  (t) => [primaryKey({ columns: [t.tenantId, t.imageId, t.width, t.format] }), index('portal_image_variants_image_idx').on(t.imageId, t.width, t.format)],
);

/** Attachments of articles and legal documents' files (pdf, docx, xlsx): served at /tep/<id>/<fileName>. */
export const portalFiles = pgTable(
  'portal_files',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The public /tep/<id>/<fileName> route finds a file by its id alone.
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('portal_files_id_idx').on(t.id)],
);

/**
 * The legal documents library (văn bản): "641/KH-UBND". numberKey = searchKey(numberSymbol) with the slash
 * kept ("641/kh-ubnd"), for finding by number; searchText = searchKey(number, title, issuer, summary).
 * kind: 'law' | 'resolution' | 'decree' | 'decision' | 'circular' | 'directive' | 'plan' | 'official_letter' |
 * 'guidance' | 'other'. Public at /van-ban/<slug> when published.
 */
export const legalDocuments = pgTable(
  'legal_documents',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    slug: text('slug').notNull(),
    numberSymbol: text('number_symbol').notNull(),
    numberKey: text('number_key').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }),
    summary: text('summary').notNull().default(''),
    fileId: uuid('file_id'),
    published: boolean('published').notNull().default(true),
    searchText: text('search_text').notNull().default(''),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('legal_documents_slug_key').on(t.tenantId, t.slug),
    index('legal_documents_listing_idx').on(t.tenantId, t.kind, t.issuedOn),
    index('legal_documents_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('legal_documents_number_idx').using('gin', sql`${t.numberKey} gin_trgm_ops`),
  ],
);

/**
 * Events the alliance announces (conferences, training, trade fairs, study visits): a list on the portal at
 * /su-kien until the events issue adds registration and attendance. kind: 'conference' | 'training' |
 * 'trade_fair' | 'study_visit' | 'other'. Dates are calendar dates (endsOn ≥ startsOn).
 */
export const events = pgTable(
  'events',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    place: text('place'),
    online: boolean('online').notNull().default(false),
    organiser: text('organiser'),
    summary: text('summary').notNull().default(''),
    published: boolean('published').notNull().default(false),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('events_slug_key').on(t.tenantId, t.slug), index('events_dates_idx').on(t.tenantId, t.startsOn)],
);

/**
 * Old addresses answering 301 (the old Drupal site's /node/123 and its aliases, and an article's slug before it
 * was changed). oldPath is the path as requested, without query, decoded, NFC, no trailing slash.
 */
export const portalRedirects = pgTable(
  'portal_redirects',
  {
    tenantId: integer('tenant_id').notNull(),
    oldPath: text('old_path').notNull(),
    targetPath: text('target_path').notNull(),
    source: text('source').notNull().default('manual'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.oldPath] })],
);

/**
 * The portal's content version per alliance: every write that changes what a public page shows (an article
 * published, edited while published, unpublished, a scheduled one coming due, a category, a document, an event,
 * a redirect) adds one in the same transaction. The public pages' cache is keyed by it (decision 009).
 */
export const portalContentVersions = pgTable('portal_content_versions', {
  tenantId: integer('tenant_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
