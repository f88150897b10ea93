/**
 * The national roll-up, added up from each alliance's part. A part is one alliance's share of a report query
 * (its breakdowns of a year, its ten-year trend), stored in report_parts with the alliance's revision at the
 * time. Triggers move an alliance's revision on with every change to what its figures count (migration 0005),
 * so a stored part is used only while nothing it counts has changed: the roll-up then adds 34 parts instead of
 * counting 35,000 organisations, and a change in one alliance recomputes that alliance's part alone.
 *
 * The parts are the alliance's own figures (what its dashboard shows), and the national figures are their sum:
 * reports.rollup.test.ts checks that the sum equals one count over the whole country, and that a change in
 * any counted table reaches the roll-up.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { queryRows } from './reports.queries.ts';

/** Moves on when how parts are built or added up changes (the queries' own text is already in the key). */
const PART_FORMAT = 1;

const dialect = new PgDialect();

/** The key of a query's parts: a hash of its SQL and parameters, so that a new release never reads old parts. */
export function partKey(label: string, queries: SQL[]): string {
  const hash = createHash('sha256').update(`${PART_FORMAT}/${label}`);
  for (const query of queries) {
    const { sql: text, params } = dialect.sqlToQuery(query);
    hash.update(text).update(JSON.stringify(params, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
  }
  return hash.digest('hex');
}

export type PartSource<T> = {
  key: string;
  /** One alliance's part: stale parts are recomputed alliance by alliance, in short statements. */
  oneAlliance: (tenantId: number) => Promise<T>;
  /** How a part is stored as JSON, and read back (default: as it is). */
  pack?: (part: T) => unknown;
  unpack?: (stored: unknown) => T;
};

type StoredPart = { tenant_id: number; revision: string | number; part_revision: string | number | null; computed_at: string | null };

/**
 * Parts being computed, per database and key: a viewer asking while the refresher (or another viewer) computes
 * the same parts waits for them instead of counting the country a second time beside it.
 */
const computing = new WeakMap<Db, Map<string, Promise<unknown>>>();

/**
 * Parts already read or computed, per database, key and alliance, with their revision and when they were
 * computed: a part still stored as it was is not read again (a year's groups are thousands of rows). Keys are
 * forgotten, least recently used first, beyond 400,000 remembered rows (a year's groups of the whole country:
 * about 15,000; a dashboard reads eleven years'). Parts are shared: whoever reads them must not change them.
 */
type Remembered = Map<number, { revision: number; computedAt: string; part: unknown }>;
const remembered = new WeakMap<Db, Map<string, Remembered>>();
const REMEMBERED_ROWS = 400_000;

const rowsOf = (parts: Remembered) => [...parts.values()].reduce((n, p) => n + (Array.isArray(p.part) ? p.part.length : 1), 0);

function rememberedParts(db: Db, key: string): Remembered {
  const byKey = remembered.get(db) ?? new Map<string, Remembered>();
  remembered.set(db, byKey);
  const parts: Remembered = byKey.get(key) ?? new Map();
  // Most recently used last: the first keys are the ones to forget.
  byKey.delete(key);
  byKey.set(key, parts);
  let rows = [...byKey.values()].reduce((n, p) => n + rowsOf(p), 0);
  for (const [oldKey, oldParts] of byKey) {
    if (rows <= REMEMBERED_ROWS || oldKey === key) break;
    rows -= rowsOf(oldParts);
    byKey.delete(oldKey);
  }
  return parts;
}

/** Every alliance's part of a query, from the stored parts where nothing has changed, recomputed elsewhere. */
export async function allianceParts<T>(db: Db, source: PartSource<T>): Promise<Map<number, T>> {
  const inProgress = computing.get(db) ?? new Map<string, Promise<unknown>>();
  computing.set(db, inProgress);
  const running = inProgress.get(source.key);
  if (running) {
    await running.catch(() => undefined);
    return readOrRecompute(db, source);
  }
  const work = readOrRecompute(db, source);
  inProgress.set(source.key, work);
  try {
    return await work;
  } finally {
    if (inProgress.get(source.key) === work) inProgress.delete(source.key);
  }
}

async function readOrRecompute<T>(db: Db, source: PartSource<T>): Promise<Map<number, T>> {
  const known = rememberedParts(db, source.key);
  // The revisions and which part each alliance has stored, without the parts: most are in memory already.
  const stored = await queryRows<StoredPart>(db, sql`
    select a.id as tenant_id, coalesce(r.revision, 0) as revision, p.revision as part_revision, p.computed_at::text as computed_at
    from alliances a
    left join report_revisions r on r.tenant_id = a.id
    left join report_parts p on p.tenant_id = a.id and p.key = ${source.key}
    order by a.id`);
  const parts = new Map<number, T>();
  const stale: { tenantId: number; revision: number }[] = [];
  const toRead = new Map<number, number>();
  for (const row of stored) {
    const revision = Number(row.revision);
    const inMemory = known.get(row.tenant_id);
    if (row.part_revision === null || Number(row.part_revision) !== revision) stale.push({ tenantId: row.tenant_id, revision });
    else if (inMemory?.revision === revision && inMemory.computedAt === row.computed_at) parts.set(row.tenant_id, inMemory.part as T);
    else toRead.set(row.tenant_id, revision);
  }
  if (toRead.size > 0) {
    const { unpack = (p: unknown) => p as T } = source;
    const read = await queryRows<{ tenant_id: number; revision: string | number; computed_at: string; part: unknown }>(db, sql`
      select tenant_id, revision, computed_at::text as computed_at, part from report_parts
      where key = ${source.key} and tenant_id = any(${sqlArray([...toRead.keys()], 'int')})`);
    for (const row of read) {
      // Stored anew since the first read: current only if still at the alliance's revision read then.
      if (Number(row.revision) !== toRead.get(row.tenant_id)) continue;
      const part = unpack(row.part);
      known.set(row.tenant_id, { revision: Number(row.revision), computedAt: row.computed_at, part });
      parts.set(row.tenant_id, part);
      toRead.delete(row.tenant_id);
    }
    for (const [tenantId, revision] of toRead) stale.push({ tenantId, revision });
  }
  if (stale.length === 0) return parts;
  for (const [tenantId, part] of await recompute(db, source, stale, known)) parts.set(tenantId, part);
  return parts;
}

/** Recomputes the stale alliances' parts, alliance by alliance, and stores them. */
async function recompute<T>(db: Db, source: PartSource<T>, stale: { tenantId: number; revision: number }[], known: Remembered): Promise<Map<number, T>> {
  const { pack = (p: T) => p } = source;
  const parts = new Map<number, T>();
  for (const { tenantId } of stale) parts.set(tenantId, await source.oneAlliance(tenantId));
  // Stored with the revision read before computing: a change committed meanwhile leaves the part stale. A part
  // stored meanwhile from a later revision is kept.
  const rows = stale.map(({ tenantId, revision }) => {
    const part = parts.get(tenantId)!;
    return sql`(${tenantId}, ${source.key}, ${revision}, ${JSON.stringify(pack(part))}::jsonb)`;
  });
  const written = await queryRows<{ tenant_id: number; revision: string | number; computed_at: string }>(db, sql`
    insert into report_parts (tenant_id, key, revision, part)
    values ${sql.join(rows, sql`, `)}
    on conflict (tenant_id, key) do update set revision = excluded.revision, part = excluded.part, computed_at = now()
    where report_parts.revision <= excluded.revision
    returning tenant_id, revision, computed_at::text as computed_at`);
  for (const row of written) known.set(row.tenant_id, { revision: Number(row.revision), computedAt: row.computed_at, part: parts.get(row.tenant_id) });
  return parts;
}

/** Of these keys, how many alliances' parts are missing or older than the alliance's revision (keys with none left out). */
export async function staleParts(db: Db, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await queryRows<{ key: string; stale: number }>(db, sql`
    select k.key, count(*)::int as stale
    from unnest(${textArray(keys)}) as k(key)
    cross join alliances a
    left join report_revisions r on r.tenant_id = a.id
    left join report_parts p on p.tenant_id = a.id and p.key = k.key
    where p.revision is distinct from coalesce(r.revision, 0)
    group by k.key`);
  return new Map(rows.map((r) => [r.key, r.stale]));
}

/**
 * A viewer recomputes stale parts alliance by alliance up to this many (about what one count over the country
 * costs, bench/README.md); beyond, the viewer's figures are counted over the country at once, in SQL, and the
 * parts are left to the refresher.
 */
export const VIEWER_RECOMPUTES_UP_TO = 16;

/** Is it cheaper for a viewer to count over the country than to recompute the stale parts of these keys? */
export async function countingIsCheaper(db: Db, keys: string[]): Promise<boolean> {
  const stale = [...(await staleParts(db, keys)).values()].reduce((a, b) => a + b, 0);
  return stale > VIEWER_RECOMPUTES_UP_TO;
}

/** An array parameter (drizzle spreads a JavaScript array into a list of parameters). */
export const sqlArray = (values: (string | number)[], type: 'text' | 'int' | 'bigint' | 'timestamptz'): SQL =>
  sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::${sql.raw(type)}[]`;

export const textArray = (values: string[]): SQL => sqlArray(values, 'text');
