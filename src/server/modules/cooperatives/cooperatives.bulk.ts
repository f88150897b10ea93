import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.ts';
import type { OrganisationInput } from '../../../shared/organisation.ts';
import { ENDED_STATUSES, type Status } from '../../../shared/organisation.ts';
import type { Actor } from '../accounts/roles.ts';
import { actorLabel } from '../accounts/roles.ts';
import { derivedColumns } from './cooperatives.search.ts';
import { toColumns } from './cooperatives.service.ts';
import { organisations } from './cooperatives.sql.ts';

const BATCH = 500; // the import reports its progress after each (`coop import`: "Đã ghi 500/…")
const STATUS_BATCH = 5_000;

export type BulkRow = OrganisationInput & { currentCommuneCode?: string | null; statusHistory?: { status: Status; validFrom: string }[] };

type StatusRow = { organisationId: string; status: Status; validFrom: string };

/** `{a,b,c}`: an array literal of values that hold no comma, quote, brace or backslash (uuids, status codes, ISO dates). */
const arrayLiteral = (values: string[]) => `{${values.join(',')}}`;

/**
 * Inserts many new organisations in batches, each with its status history and an audit event. Callers pass
 * the transaction and place organisations in today's commune themselves (once per commune, not per row).
 *
 * The organisations go in first, then their status histories: each status row's foreign key is checked by a
 * query whose plan the session caches, and a plan made while the registry was empty scans the whole table for
 * every row (an import of 35,000 rows into a new registry grew quadratically: the 35,000th status took 200 times
 * the first). So when this call more than doubles the registry the statistics know of, the session's plans are
 * discarded in between (DISCARD PLANS: no lock, nothing stored, allowed in a transaction): planned again on the
 * registry's present size, the check is an index lookup. (An ANALYZE would do it too, but its row estimate is
 * written in place and would outlive a dry run's rollback.)
 */
export async function bulkInsertOrganisations(
  tx: Db,
  { actor, tenantId, rows, onBatch }: { actor: Actor; tenantId: number; rows: BulkRow[]; onBatch?: (inserted: number) => void },
) {
  const ids: string[] = [];
  const statuses: StatusRow[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const values = batch.map(({ statusHistory: _h, ...input }) => {
      const columns = toColumns(input);
      const ended = columns.dissolvedOn && ENDED_STATUSES.includes(columns.status as Status);
      return {
        ...(columns as typeof organisations.$inferInsert),
        tenantId,
        statusSince: columns.statusSince ?? (ended ? columns.dissolvedOn : columns.foundedOn),
        ...derivedColumns({ ...columns, name: columns.name! }),
      };
    });
    const created = await insertOrganisations(tx, values);
    created.forEach((org, i) => {
      const history = batch[i]!.statusHistory ?? [{ status: org.status as Status, validFrom: org.statusSince! }];
      for (const h of history) statuses.push({ organisationId: org.id, status: h.status, validFrom: h.validFrom });
    });
    await auditCreated(tx, actor, tenantId, created.map((o) => o.id));
    ids.push(...created.map((o) => o.id));
    onBatch?.(ids.length);
  }
  if (rows.length >= BATCH && rows.length > (await plannedOrganisations(tx))) await tx.execute(sql`discard plans`);
  for (let start = 0; start < statuses.length; start += STATUS_BATCH) {
    const batch = statuses.slice(start, start + STATUS_BATCH);
    // Three array parameters instead of three per row: the statement is built and sent in a fraction of the time.
    await tx.execute(sql`
      insert into organisation_statuses (tenant_id, organisation_id, status, valid_from)
      select ${tenantId}::int, o, s, v
        from unnest(${arrayLiteral(batch.map((s) => s.organisationId))}::uuid[], ${arrayLiteral(batch.map((s) => s.status))}::text[], ${arrayLiteral(batch.map((s) => s.validFrom))}::date[]) as t (o, s, v)`);
  }
  return ids;
}

// The columns an insert writes (the key, the generated name key and the bookkeeping ones take their defaults),
// and the organisation's snapshot in the audit trail: snapshotOrganisation's fields, built by the database.
const COLUMNS = Object.entries(getTableColumns(organisations)).filter(([key]) => !['id', 'nameKey', 'version', 'createdAt', 'updatedAt'].includes(key));
const NOT_IN_SNAPSHOT = new Set(['searchText', 'nameOrder', 'nameKey', 'createdAt', 'updatedAt']);
const SNAPSHOT = sql.join(
  Object.entries(getTableColumns(organisations))
    .filter(([key]) => !NOT_IN_SNAPSHOT.has(key))
    .map(([key, column]) => sql`${key}::text, o.${sql.identifier(column.name)}${key === 'charterCapitalVnd' ? sql`::text` : sql``}`),
  sql`, `,
);
const bigintAsText = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

/**
 * One multi-row insert whose rows travel as one JSON parameter (json_populate_recordset): building a statement of
 * 30 parameters a row through the query builder cost more than the database's whole work. Returns the new rows'
 * id, status and status date in the order given.
 */
async function insertOrganisations(tx: Db, values: Record<string, unknown>[]) {
  const json = JSON.stringify(
    values.map((row) => Object.fromEntries(COLUMNS.map(([key, column]) => [column.name, row[key] ?? null]))),
    bigintAsText,
  );
  const select = COLUMNS.map(([, column]) => {
    const value = sql`r.${sql.identifier(column.name)}`;
    if (!column.notNull || !column.hasDefault) return value;
    const fallback = is(column.default, SQL) ? (column.default as SQL) : sql`${column.default}`;
    return sql`coalesce(${value}, ${fallback})`;
  });
  return queryRows<{ id: string; status: string; statusSince: string | null }>(
    tx,
    sql`insert into organisations (${sql.join(COLUMNS.map(([, column]) => sql.identifier(column.name)), sql`, `)})
        select ${sql.join(select, sql`, `)} from json_populate_recordset(null::organisations, ${json}::json) as r
        returning id, status, status_since::text as "statusSince"`,
  );
}

/** The audit events of new organisations (organisation.created, with the snapshot as snapshotOrganisation makes it). */
async function auditCreated(tx: Db, actor: Actor, tenantId: number, ids: string[]) {
  await tx.execute(sql`
    insert into audit_events (tenant_id, actor_user_id, actor_label, action, entity_type, entity_id, before, after)
    select o.tenant_id, ${actor.kind === 'user' ? actor.userId : null}::uuid, ${actorLabel(actor)}, 'organisation.created', 'organisation', o.id, null, jsonb_build_object(${SNAPSHOT})
      from unnest(${arrayLiteral(ids)}::uuid[]) with ordinality as n (id, at)
      join organisations o on o.tenant_id = ${tenantId} and o.id = n.id
     order by n.at`);
}

/** The planner's count of organisations (0 when never analysed). */
async function plannedOrganisations(tx: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'organisations'::regclass`);
  return Number(row?.n ?? 0);
}
