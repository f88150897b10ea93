// Old addresses answering 301 (decision 009): the Drupal site's /node/123 and aliases, an article's former slug,
// and those the staff add by hand. One normalisation for storing and for looking up (normaliseOldPath).
import { createHash } from 'node:crypto';
import { and, asc, count, eq, like, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireLibraryManager } from './library.policy.ts';
import { bumpPortalVersion } from './portal-version.ts';
import { portalRedirects } from './portal.sql.ts';

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    // A lone "%" or a broken escape: decode what can be decoded, keep the rest as typed.
    return s.replace(/(%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * The one form of an old address: the path of a URL (scheme and host dropped), without query or fragment,
 * percent-decoded, NFC, with one leading slash, no repeated slashes and no trailing slash ("/" stays "/").
 * "https://lmhtx.vn/tin-tuc/h%E1%BB%99i-ngh%E1%BB%8B/?page=2" → "/tin-tuc/hội-nghị".
 */
export function normaliseOldPath(raw: string): string {
  let path = raw.trim();
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(path);
  if (url) path = path.slice(url[0].length);
  path = path.replace(/[?#].*$/s, '');
  path = decodeSafely(path).normalize('NFC');
  path = `/${path}`.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path || '/';
}

/** The target of an old address, or null. */
export async function findRedirect({ db, tenantId, path }: { db: Db; tenantId: number; path: string }): Promise<string | null> {
  const oldPath = normaliseOldPath(path);
  const [row] = await db
    .select({ targetPath: portalRedirects.targetPath })
    .from(portalRedirects)
    .where(and(eq(portalRedirects.tenantId, tenantId), eq(portalRedirects.oldPath, oldPath)));
  return row?.targetPath ?? null;
}

/**
 * Records (or repoints) an old address inside the caller's transaction and bumps the portal version. Used by
 * the staff's form, an article's slug change and the Drupal import (source 'manual' | 'slug' | 'drupal').
 */
export async function saveRedirect(tx: Db, { tenantId, oldPath, targetPath, source = 'manual' }: { tenantId: number; oldPath: string; targetPath: string; source?: string }) {
  const from = normaliseOldPath(oldPath);
  const to = targetPath.trim();
  if (from === '/') throw new AppError('bad_request', 'Không thể chuyển hướng trang chủ.', { field: 'oldPath' });
  if (from.startsWith('/api/') || from === '/api') throw new AppError('bad_request', 'Đường dẫn cũ không được bắt đầu bằng /api.', { field: 'oldPath' });
  if (!/^\/(?!\/)/.test(to) && !/^https?:\/\/[^\s]+$/i.test(to)) throw new AppError('bad_request', 'Đường dẫn mới phải bắt đầu bằng "/" hoặc "https://".', { field: 'targetPath' });
  if (to.startsWith('/') && normaliseOldPath(to) === from) throw new AppError('bad_request', 'Đường dẫn mới trùng đường dẫn cũ.', { field: 'targetPath' });
  const [row] = await tx
    .insert(portalRedirects)
    .values({ tenantId, oldPath: from, targetPath: to, source })
    .onConflictDoUpdate({ target: [portalRedirects.tenantId, portalRedirects.oldPath], set: { targetPath: to, source } })
    .returning();
  await bumpPortalVersion(tx, tenantId);
  return row!;
}

export type Redirect = typeof portalRedirects.$inferSelect;

/** The audit trail's id of a redirect (keyed by its old path, not by a uuid): a name-based uuid of the path. */
export function redirectAuditId(oldPath: string): string {
  const h = createHash('sha1').update(`portal_redirect:${oldPath}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

export const presentRedirect = (r: Redirect) => ({ oldPath: r.oldPath, targetPath: r.targetPath, source: r.source, createdAt: r.createdAt.toISOString() });

/** The alliance's redirects, by old path; `q` filters on either side. */
export async function listRedirects(db: Db, { actor, q, limit, offset }: { actor: Actor; q?: string; limit: number; offset: number }) {
  const { tenantId } = requireLibraryManager(actor);
  const needle = q?.trim() ? `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(eq(portalRedirects.tenantId, tenantId), needle ? or(like(portalRedirects.oldPath, needle), like(portalRedirects.targetPath, needle)) : undefined);
  const [rows, [total]] = await Promise.all([
    db.select().from(portalRedirects).where(where).orderBy(asc(portalRedirects.oldPath)).limit(limit).offset(offset),
    db.select({ n: count() }).from(portalRedirects).where(where),
  ]);
  return { items: rows.map(presentRedirect), total: total?.n ?? 0 };
}

/** Adds or repoints a redirect by hand; audited. */
export async function createRedirect(db: Db, { actor, oldPath, targetPath }: { actor: Actor; oldPath: string; targetPath: string }) {
  const { tenantId } = requireLibraryManager(actor);
  return db.transaction(async (tx) => {
    const row = await saveRedirect(tx, { tenantId, oldPath, targetPath, source: 'manual' });
    await recordAudit(tx, { actor, tenantId, action: 'portal_redirect.saved', entityType: 'portal_redirect', entityId: redirectAuditId(row.oldPath), before: null, after: presentRedirect(row) });
    return presentRedirect(row);
  });
}

/** Removes a redirect (the old address then answers 404); audited. */
export async function deleteRedirect(db: Db, { actor, oldPath }: { actor: Actor; oldPath: string }) {
  const { tenantId } = requireLibraryManager(actor);
  const from = normaliseOldPath(oldPath);
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(portalRedirects).where(and(eq(portalRedirects.tenantId, tenantId), eq(portalRedirects.oldPath, from))).returning();
    if (!row) throw notFound(`chuyển hướng từ "${from}"`);
    await bumpPortalVersion(tx, tenantId);
    await recordAudit(tx, { actor, tenantId, action: 'portal_redirect.deleted', entityType: 'portal_redirect', entityId: redirectAuditId(from), before: presentRedirect(row), after: null });
  });
}
