/**
 * The move off Drupal (decision 009): a site read by one of the readers (drupal-source.ts) written into the
 * portal in ONE transaction — categories matched by name or created, photos copied into the portal's storage
 * (storeImage) and the bodies pointed at them, articles published with their old date, a first version row each,
 * every old path (/node/N and each alias) a 301 to the new address, the portal version moved once. A dry run does
 * all of it and rolls back, so its report is the real one. A node already imported (same legacy nid) is skipped:
 * a second run imports nothing new.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, max } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { slugFromTitle, uniqueSlug } from '../../../../shared/slug.ts';
import { searchKey } from '../../../../shared/vietnamese-text.ts';
import { systemActor } from '../../accounts/roles.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { addArticleVersion } from '../article-versions.ts';
import { articlePath, articleSearchText } from '../articles.service.ts';
import { mediaUrl, storeImage, variantWidths } from '../images.service.ts';
import { bumpPortalVersion } from '../portal-version.ts';
import { portalArticles, portalCategories, portalRedirects } from '../portal.sql.ts';
import { normaliseOldPath } from '../redirects.service.ts';
import { articleText } from '../sanitize.ts';
import type { DrupalArticle, DrupalSite } from './drupal-site.ts';
import { importBody, type BodyImage } from './import-body.ts';

export type ImportedItem = { nid: number; title: string; path: string; images: number };
export type NotImportedItem = { nid: number; title: string; reason: string };
export type UnreachableImage = { nid: number; url: string; reason: string };

export type DrupalImportReport = {
  source: { form: DrupalSite['form']; origin: string };
  dryRun: boolean;
  imported: ImportedItem[];
  skipped: NotImportedItem[];
  failed: NotImportedItem[];
  images: { copied: number; unreachable: UnreachableImage[] };
  redirects: number;
  categoriesCreated: string[];
};

const IMPORTED_BY = 'nhap-drupal';
/** The width written in a body's <img>: the largest stored size up to 800 (the renderer adds the others). */
const BODY_WIDTH = 800;

class DryRunRollback extends Error {}

/** The new slug: the old alias's own friendly name when it has one ("/tin-tuc/hoi-nghi-….html"), else the title's. */
export function slugFor(article: Pick<DrupalArticle, 'title' | 'aliases'>): string {
  for (const alias of article.aliases) {
    const last = normaliseOldPath(alias).split('/').pop() ?? '';
    const name = last.replace(/\.(html?|aspx|php)$/i, '').toLowerCase();
    if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name) && name.length <= 80 && !/^\d+$/.test(name)) return name;
  }
  return slugFromTitle(article.title);
}

/** A summary: Drupal's own, else the body's first paragraph, at most 300 characters cut at a word. */
function summaryOf(article: DrupalArticle, bodyHtml: string): string {
  const own = articleText(article.summary);
  if (own) return own;
  const first = /<p>([\s\S]*?)<\/p>/.exec(bodyHtml)?.[1] ?? '';
  const text = articleText(first);
  if (text.length <= 300) return text;
  return `${text.slice(0, 300).replace(/\s+\S*$/, '')}…`;
}

/** Why an article could not be written, in words (the database's own message, without the query, in brackets). */
function failureReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return `không ghi được bài vào cơ sở dữ liệu (${cause})`;
}

/** Imports `site` into the alliance's portal; with dryRun everything is rolled back and the same report returned. */
export async function importDrupalSite(db: Db, { site, tenantId, dryRun = false }: { site: DrupalSite; tenantId: number; dryRun?: boolean }): Promise<DrupalImportReport> {
  const report: DrupalImportReport = { source: { form: site.form, origin: site.origin }, dryRun, imported: [], skipped: [], failed: [], images: { copied: 0, unreachable: [] }, redirects: 0, categoriesCreated: [] };
  try {
    await db.transaction(async (tx) => {
      await importInto(tx, site, tenantId, report);
      if (dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}

async function importInto(tx: Db, site: DrupalSite, tenantId: number, report: DrupalImportReport): Promise<void> {
  const existing = await tx.select({ legacyNid: portalArticles.legacyNid, slug: portalArticles.slug, kind: portalArticles.kind }).from(portalArticles).where(eq(portalArticles.tenantId, tenantId));
  const importedNids = new Set(existing.filter((r) => r.legacyNid !== null).map((r) => r.legacyNid!));
  const slugs = new Set(existing.filter((r) => r.kind === 'news').map((r) => r.slug));
  const categories = await tx.select({ id: portalCategories.id, name: portalCategories.name, slug: portalCategories.slug }).from(portalCategories).where(eq(portalCategories.tenantId, tenantId));
  const categoryByName = new Map(categories.map((c) => [searchKey(c.name), c.id]));
  const categorySlugs = new Set(categories.map((c) => c.slug));
  const [{ lastOrder } = { lastOrder: 0 }] = await tx.select({ lastOrder: max(portalCategories.menuOrder) }).from(portalCategories).where(eq(portalCategories.tenantId, tenantId));
  let menuOrder = lastOrder ?? 0;
  const stored = new Map<string, { id: string; width: number; height: number } | null>();
  const seen = new Set<number>();

  async function categoryId(name: string | undefined): Promise<string | null> {
    if (!name) return null;
    const key = searchKey(name);
    const found = categoryByName.get(key);
    if (found) return found;
    const slug = uniqueSlug(slugFromTitle(name), (s) => categorySlugs.has(s));
    const [row] = await tx.insert(portalCategories).values({ tenantId, slug, name: name.normalize('NFC').trim(), kind: 'news', menuOrder: ++menuOrder }).returning({ id: portalCategories.id });
    categoryByName.set(key, row!.id);
    categorySlugs.add(slug);
    report.categoriesCreated.push(name);
    return row!.id;
  }

  async function place(sp: Db, article: DrupalArticle, image: BodyImage) {
    const key = image.src;
    if (stored.has(key)) return stored.get(key)!;
    const bytes = await site.readImage(image.src);
    let result: { id: string; width: number; height: number } | null = null;
    if (!bytes.ok) report.images.unreachable.push({ nid: article.nid, url: bytes.sourceUrl, reason: bytes.reason });
    else {
      try {
        const saved = await storeImage({ db: sp, tenantId, bytes: bytes.bytes, originalName: bytes.name, alt: image.alt, caption: image.caption, sourceUrl: bytes.sourceUrl, uploadedBy: IMPORTED_BY });
        result = { id: saved.id, width: saved.width, height: saved.height };
        report.images.copied += 1;
      } catch (error) {
        report.images.unreachable.push({ nid: article.nid, url: bytes.sourceUrl, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    stored.set(key, result);
    return result;
  }

  async function importArticle(sp: Db, article: DrupalArticle) {
    let cover: string | null = null;
    let images = 0;
    const body = await importBody(article.bodyHtml, async (image) => {
      const saved = await place(sp, article, image);
      if (!saved) return null;
      cover ??= saved.id;
      images += 1;
      const width = Math.max(...variantWidths(saved.width).filter((w) => w <= BODY_WIDTH), Math.min(...variantWidths(saved.width)));
      return { src: mediaUrl(saved.id, width, 'webp'), width: saved.width, height: saved.height };
    });
    const slug = uniqueSlug(slugFor(article), (s) => slugs.has(s));
    slugs.add(slug);
    const summary = summaryOf(article, body.bodyHtml);
    const [row] = await sp
      .insert(portalArticles)
      .values({
        tenantId,
        kind: 'news',
        slug,
        categoryId: await categoryId(article.categories[0]),
        title: article.title.normalize('NFC'),
        summary,
        bodyHtml: body.bodyHtml,
        coverImageId: cover,
        tags: [...new Set(article.tags.map((t) => t.normalize('NFC').trim()))],
        authorName: body.author?.name ?? article.accountName,
        authorPosition: body.author?.position ?? null,
        state: 'published',
        publishedAt: article.created,
        searchText: articleSearchText(article.title, summary, body.bodyHtml),
        version: 1,
        legacyNid: article.nid,
        createdBy: IMPORTED_BY,
        createdAt: article.created,
        updatedBy: IMPORTED_BY,
        updatedAt: article.changed,
      })
      .returning();
    await addArticleVersion(sp, row!, { savedBy: IMPORTED_BY, note: `Nhập từ Drupal (nút ${article.nid})` });
    const path = articlePath(row!);
    const oldPaths = [...new Set([`/node/${article.nid}`, ...article.aliases].map(normaliseOldPath))].filter((p) => p !== '/' && p !== path && !p.startsWith('/api/'));
    if (oldPaths.length) {
      const added = await sp
        .insert(portalRedirects)
        .values(oldPaths.map((oldPath) => ({ tenantId, oldPath, targetPath: path, source: 'drupal' })))
        .onConflictDoNothing()
        .returning({ oldPath: portalRedirects.oldPath });
      report.redirects += added.length;
    }
    return { path, images };
  }

  for (const article of [...site.articles].sort((a, b) => a.created.getTime() - b.created.getTime() || a.nid - b.nid)) {
    const item = { nid: article.nid, title: article.title };
    if (seen.has(article.nid)) {
      report.failed.push({ ...item, reason: `nguồn có hai bài cùng mã nút ${article.nid}` });
      continue;
    }
    seen.add(article.nid);
    if (article.type !== 'article') {
      report.skipped.push({ ...item, reason: `loại nội dung "${article.type}" không phải tin bài` });
      continue;
    }
    if (!article.published) {
      report.skipped.push({ ...item, reason: 'bài chưa đăng trên trang cũ' });
      continue;
    }
    if (importedNids.has(article.nid)) {
      report.skipped.push({ ...item, reason: 'đã nhập từ lần trước (cùng mã nút)' });
      continue;
    }
    const photosBefore = new Set(stored.keys());
    const copiedBefore = report.images.copied;
    try {
      // A savepoint per article: one that fails leaves the others (and the transaction) intact.
      const done = await tx.transaction(async (sp) => importArticle(sp, article));
      report.imported.push({ ...item, path: done.path, images: done.images });
      importedNids.add(article.nid);
    } catch (error) {
      // Its photos went with its savepoint: a later article naming them stores them again.
      for (const key of stored.keys()) if (!photosBefore.has(key)) stored.delete(key);
      report.images.copied = copiedBefore;
      report.failed.push({ ...item, reason: failureReason(error) });
    }
  }


  if (report.imported.length || report.redirects) {
    await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, {
      actor: systemActor(tenantId),
      tenantId,
      action: 'portal.drupal_imported',
      entityType: 'portal_import',
      entityId: randomUUID(),
      before: null,
      after: { form: site.form, origin: site.origin, imported: report.imported.length, skipped: report.skipped.length, failed: report.failed.length, imagesCopied: report.images.copied, redirects: report.redirects },
    });
  }
}

/** How many articles of the alliance came from Drupal (for tests and the summary). */
export async function countImportedArticles(db: Db, tenantId: number): Promise<number> {
  const rows = await db.select({ nid: portalArticles.legacyNid }).from(portalArticles).where(and(eq(portalArticles.tenantId, tenantId), isNotNull(portalArticles.legacyNid)));
  return rows.length;
}
