/**
 * The public pages' cache (decision 009), one per app: the answer of each (alliance, path, query) kept under the
 * portal's content version, the next scheduled publication and the day in Vietnam. The version is read at most
 * every CHECK_EVERY_MS (and as soon as a scheduled publication falls due), so a publication shows within a
 * second on every server, with no invalidation by hand; between checks a hit costs no query. Answers carry an
 * ETag (a If-None-Match that matches gets a 304) and `cache-control: public, max-age=0, must-revalidate`.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../../db/client.ts';
import { todayIso } from '../../../../shared/dates.ts';
import type { Config } from '../../../config.ts';
import { readPortalVersion } from '../portal-version.ts';
import { portalTenant } from '../portal-tenant.ts';
import { nextScheduledPublication } from '../published-articles.ts';

export const CHECK_EVERY_MS = 500;
const MAX_ENTRIES = 500;
export const HTML_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export type CachedAnswer = { status: number; contentType: string; body: string; location?: string };
type Entry = CachedAnswer & { key: string; etag: string; storedAt: number };
type Version = { tenantId: number; key: string; checkedAt: number; nextAt: number };

export type PageCache = {
  /** Answers from the cache, or produces (and keeps) the answer; `maxAgeMs` bounds pages that show other data. */
  serve(request: FastifyRequest, reply: FastifyReply, db: Db, produce: () => Promise<CachedAnswer>, options?: { maxAgeMs?: number }): Promise<unknown>;
  stats: { hits: number; misses: number; notModified: number };
};

export function createPageCache(config: Pick<Config, 'portalTenant'>): PageCache {
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, misses: 0, notModified: 0 };
  let version: Version | undefined;
  let reading: Promise<Version> | undefined;

  async function readVersion(db: Db): Promise<Version> {
    const tenant = await portalTenant(db, config);
    const [content, next] = [await readPortalVersion(db, tenant.id), await nextScheduledPublication(db, tenant.id)];
    const nextAt = next ? next.getTime() : Number.POSITIVE_INFINITY;
    const key = `${tenant.id}:${content}:${next ? nextAt : '-'}:${todayIso(new Date(), 'Asia/Ho_Chi_Minh')}`;
    return { tenantId: tenant.id, key, checkedAt: Date.now(), nextAt };
  }

  /** The version now: remembered for CHECK_EVERY_MS, read once for requests arriving together. */
  async function currentVersion(db: Db): Promise<Version> {
    const now = Date.now();
    if (version && now - version.checkedAt < CHECK_EVERY_MS && now < version.nextAt) return version;
    reading ??= readVersion(db).finally(() => (reading = undefined));
    version = await reading;
    return version;
  }

  function send(request: FastifyRequest, reply: FastifyReply, entry: Entry) {
    reply.header('cache-control', HTML_CACHE_CONTROL).header('etag', entry.etag);
    if (request.headers['if-none-match'] === entry.etag) {
      stats.notModified += 1;
      return reply.status(304).send();
    }
    if (entry.location) reply.header('location', entry.location);
    return reply.status(entry.status).type(entry.contentType).send(entry.body);
  }

  return {
    stats,
    async serve(request, reply, db, produce, { maxAgeMs } = {}) {
      const { key } = await currentVersion(db);
      const id = request.url;
      const kept = entries.get(id);
      if (kept && kept.key === key && (maxAgeMs === undefined || Date.now() - kept.storedAt < maxAgeMs)) {
        stats.hits += 1;
        entries.delete(id); // least recently used last out
        entries.set(id, kept);
        return send(request, reply, kept);
      }
      stats.misses += 1;
      const answer = await produce();
      const etag = `"${createHash('sha1').update(key).update('\0').update(answer.body).digest('base64url')}"`;
      const entry: Entry = { ...answer, key, etag, storedAt: Date.now() };
      entries.delete(id);
      entries.set(id, entry);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return send(request, reply, entry);
    },
  };
}
