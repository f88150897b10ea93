/**
 * The dashboard and the annual report, answered from memory while nothing they count has changed (decision 005).
 *
 * Every write to what a report counts moves its alliance's data version in the same transaction (report_revisions,
 * moved by statement triggers, migrations 0005 and 0007). An answer is kept under a key made of the report, its
 * query, its scope and the scope's version (an alliance's, or for the nation every alliance's), so a write makes
 * the next request miss and count again: nothing is ever invalidated by hand. The HTTP ETag is the same key, with
 * a random epoch of this process, so a browser's If-None-Match gets a 304 without counting, and an ETag handed out
 * by another process (or before a restart, or a restore) never matches.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { readDataVersions, type DataVersions } from '../../../db/data-versions.ts';
import { asBackgroundWork } from '../../../db/turns.ts';
import type { TenantScope } from './reports.queries.ts';

/**
 * How many answers a process keeps, least recently used forgotten first: an alliance's dashboard is 20–60 KB of
 * JSON, the nation's a few hundred; the bytes are bounded too.
 */
export const CACHED_ANSWERS = 300;
/** Up to 64 MiB: a string takes at most two bytes a character. */
const CACHED_CHARS = 32 * 2 ** 20;

const EPOCH = randomBytes(6).toString('base64url');

/** The version of what a scope counts; undefined for an alliance that does not exist. */
export function scopeVersion(versions: DataVersions, scope: TenantScope): string | undefined {
  if (scope.kind === 'tenant') return versions.get(scope.tenantId);
  return [...versions.entries()]
    .sort(([a], [b]) => a - b)
    .map(([tenantId, version]) => `${tenantId}:${version}`)
    .join(',');
}

type Counting = Promise<{ body: string; kept: boolean }>;
type Lru = {
  answers: Map<string, string>;
  chars: number;
  /** Counts under way: a second request for the same answer waits for the first one's count, not a count of its own. */
  counting: Map<string, Counting>;
  stats: { counted: number; shared: number; hits: number };
};
/**
 * Which cache an answer lives in: the reports' (tens of big answers) and the registry's searches (many small
 * ones) are kept apart, so that a morning of searches never pushes a dashboard out.
 */
export type AnswerFamily = 'reports' | 'searches';
const caches = new WeakMap<Db, Map<AnswerFamily, Lru>>();

function cacheOf(db: Db, family: AnswerFamily = 'reports'): Lru {
  let families = caches.get(db);
  if (!families) caches.set(db, (families = new Map()));
  let cache = families.get(family);
  if (!cache) families.set(family, (cache = { answers: new Map(), chars: 0, counting: new Map(), stats: { counted: 0, shared: 0, hits: 0 } }));
  return cache;
}

/** How this process's report cache answered so far (counted, shared with a count under way, from memory). */
export function reportCacheStats(db: Db, family: AnswerFamily = 'reports'): Lru['stats'] {
  return { ...cacheOf(db, family).stats };
}

function remember(cache: Lru, key: string, body: string) {
  forget(cache, key);
  cache.answers.set(key, body);
  cache.chars += body.length;
  for (const oldest of cache.answers.keys()) {
    if (cache.answers.size <= CACHED_ANSWERS && cache.chars <= CACHED_CHARS) break;
    forget(cache, oldest);
  }
}

function forget(cache: Lru, key: string) {
  const body = cache.answers.get(key);
  if (body === undefined) return;
  cache.chars -= body.length;
  cache.answers.delete(key);
}

/** Forgets every answer of this database (tests compare a cached answer with one counted from scratch). */
export function forgetCachedReports(db: Db): void {
  caches.delete(db);
}

const canonical = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
    : value;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export type CachedReport = {
  /** Which answer: the route's name (a staff and a public answer of the same figures differ). */
  name: string;
  /**
   * Whose figures; when a public request names none, 'only alliance' (the only one, if there is one) or
   * 'first alliance' (the first by id: the one the portal's home shows until a visitor picks another).
   * Undefined: no scope whose version keys it (the answer is computed every time; the service says why).
   */
  scope: TenantScope | 'only alliance' | 'first alliance' | undefined;
  /** Reports by default; the registry's searches are kept apart. */
  family?: AnswerFamily;
  /**
   * A person waits for it as for any page (a search): computed at once, not as background work that lets the
   * embedded engine's waiting statements go first (src/db/turns.ts).
   */
  interactive?: boolean;
  /** Everything of the request the answer depends on besides the scope. */
  query: Record<string, unknown>;
  /** private: a signed-in reader's answer; public: the portal's. Both are revalidated on every use. */
  visibility: 'private' | 'public';
  /** Counts the answer (with the scope resolved, when it could be). */
  compute: (scope: TenantScope | undefined) => Promise<unknown>;
};

function resolveScope(scope: CachedReport['scope'], versions: DataVersions): TenantScope | undefined {
  if (scope === 'only alliance') return versions.size === 1 ? { kind: 'tenant', tenantId: [...versions.keys()][0]! } : undefined;
  if (scope === 'first alliance') return versions.size > 0 ? { kind: 'tenant', tenantId: Math.min(...versions.keys()) } : undefined;
  return scope;
}

type Keyed = { scope: TenantScope; version: string; hash: string; etag: string };

/**
 * Which cached answer a report is now: its resolved scope, the scope's data version, the cache key and ETag. The
 * versions the session's statement read for this request are used when they are of this database.
 */
async function keyOf(db: Db, report: CachedReport, request?: FastifyRequest): Promise<Keyed | { scope: TenantScope | undefined; version?: undefined }> {
  if (report.scope === undefined) return { scope: undefined };
  const preRead = request?.dataVersions;
  const versions = preRead && preRead.db === db ? preRead.versions : await readDataVersions(db);
  const scope = resolveScope(report.scope, versions);
  const version = scope && scopeVersion(versions, scope);
  if (!scope || version === undefined) return { scope };
  const hash = createHash('sha256').update(JSON.stringify([report.family ?? 'reports', report.name, scope, canonical(report.query), version])).digest('base64url').slice(0, 27);
  return { scope, version, hash, etag: `"${EPOCH}-${hash}"` };
}

/** The answer, counted: as background work unless a person waits for it as for a page. */
const computeOf = (report: CachedReport, scope: TenantScope | undefined) => (report.interactive ? report.compute(scope) : asBackgroundWork(() => report.compute(scope)));

/** The answer's JSON from the cache, else counted (once for every request asking the same at the same time). */
async function bodyOf(db: Db, report: CachedReport, key: Keyed): Promise<{ body: string; kept: boolean }> {
  const cache = cacheOf(db, report.family);
  const remembered = cache.answers.get(key.hash);
  if (remembered !== undefined) {
    cache.stats.hits++;
    remember(cache, key.hash, remembered);
    return { body: remembered, kept: true };
  }
  let counting = cache.counting.get(key.hash);
  if (counting) cache.stats.shared++;
  else {
    cache.stats.counted++;
    counting = (async () => {
      const body = JSON.stringify(await computeOf(report, key.scope));
      const kept = scopeVersion(await readDataVersions(db), key.scope) === key.version;
      if (kept) remember(cache, key.hash, body);
      return { body, kept };
    })().finally(() => cache.counting.delete(key.hash));
    cache.counting.set(key.hash, counting);
  }
  return counting;
}

/**
 * A report's answer for a server-rendered page (the portal's home and figures): the same cache as the API's, and
 * the data version it belongs to (a page cache keys on it); the version is undefined when the answer was not kept.
 */
export async function cachedReport<T>(db: Db, report: CachedReport): Promise<{ data: T; version: string | undefined }> {
  const key = await keyOf(db, report);
  if (key.version === undefined) return { data: (await computeOf(report, key.scope)) as T, version: undefined };
  const { body, kept } = await bodyOf(db, report, key);
  return { data: JSON.parse(body) as T, version: kept ? key.version : undefined };
}

/**
 * Answers a report from this process's cache while its scope's version is unchanged, with an ETag, and a 304 to a
 * request that already holds it. A count is kept only when the version was the same before and after it, so a
 * kept answer is exactly the figures of that version.
 */
export async function sendCachedReport(db: Db, request: FastifyRequest, reply: FastifyReply, report: CachedReport): Promise<unknown> {
  reply.header('cache-control', `${report.visibility}, no-cache`);
  const key = await keyOf(db, report, request);
  // An alliance that does not exist, or a public request that must name one: the service says why.
  if (key.version === undefined) return computeOf(report, key.scope);
  if (matches(request.headers['if-none-match'], key.etag)) return reply.header('etag', key.etag).code(304).send();
  // Kept as the JSON sent: a hit is not serialised again (the national dashboard's JSON takes milliseconds).
  reply.type('application/json; charset=utf-8');
  const { body, kept } = await bodyOf(db, report, key);
  if (kept) reply.header('etag', key.etag);
  return body;
}

/**
 * Moves every alliance's data version on (after `coop restore`): a server that counted while the restore was
 * half done must not keep those answers. Does nothing on a database older than migration 0007.
 */
export const MOVE_ALL_VERSIONS = `DO $$ BEGIN
  IF to_regproc('report_versions_move_all') IS NOT NULL THEN PERFORM report_versions_move_all(); END IF;
END $$`;
