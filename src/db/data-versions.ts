/**
 * Every alliance's data version (report_revisions, decision 005): moved in the same transaction by every write to
 * what the reports and the registry's searches read (statement triggers, migrations 0005, 0007 and 0011). An
 * answer kept under a version is exactly the answer of that version.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.ts';

/** Alliance → its version, as text (a bigint). */
export type DataVersions = Map<number, string>;

/**
 * The versions as one text value ("1:17…,2:17…"), for a column of another statement: the session's read carries
 * them (src/server/http/session.ts), so a revalidation is one statement, not two.
 */
export const dataVersionsColumn = sql<string>`(select coalesce(string_agg(a.id::text || ':' || coalesce(r.revision, 0)::text, ','), '')
  from alliances a left join report_revisions r on r.tenant_id = a.id)`;

export function parseDataVersions(text: string): DataVersions {
  const versions: DataVersions = new Map();
  for (const pair of text ? text.split(',') : []) {
    const [tenantId, version] = pair.split(':');
    versions.set(Number(tenantId), version!);
  }
  return versions;
}

/** Every alliance's data version, in one read (never a write: a replica can answer it). */
export async function readDataVersions(db: Db): Promise<DataVersions> {
  const [row] = await queryRows<{ versions: string }>(db, sql`select ${dataVersionsColumn} as versions`);
  return parseDataVersions(row?.versions ?? '');
}
