import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.ts';
import type { SearchQuery, SortField } from '../../../shared/organisation.ts';
import { vietnameseSortKey } from '../../../shared/vietnamese-order.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import type { Actor } from '../accounts/roles.ts';
import { adminUnits } from '../admin-units/admin-units.sql.ts';
import { organisationReadScope } from './cooperatives.policy.ts';
import { organisations } from './cooperatives.sql.ts';
import { sectors } from './sectors.sql.ts';

type Searchable = {
  name?: string | null;
  shortName?: string | null;
  registrationNumber?: string | null;
  address?: string | null;
  registeredCommune?: string | null;
  registeredDistrict?: string | null;
  representative?: string | null;
};

/**
 * The accent-, case- and đ/d-insensitive text that search runs on, computed by the application (portable to
 * Citus, unlike unaccent in an index). The name comes first so that ranking favours it.
 */
export function buildSearchText(o: Searchable): string {
  return [o.name, o.shortName, o.registrationNumber, o.address, o.registeredCommune, o.registeredDistrict, o.representative]
    .filter((v): v is string => Boolean(v))
    .map(searchKey)
    .join(' | ');
}

/**
 * The columns derived from an organisation's texts, written on every insert and every update (one place): the
 * search text and the name's key in Vietnamese dictionary order.
 */
export function derivedColumns(o: Searchable & { name: string }): { searchText: string; nameOrder: string } {
  return { searchText: buildSearchText(o), nameOrder: vietnameseSortKey(o.name) };
}

/**
 * The words a search must find. "hợp tác xã" and "htx" name the kind, not the organisation, and stand in
 * nearly every name: they still rank, but do not filter (so "htx che" also finds "Hợp tác xã Chè …").
 */
function filterTokens(key: string): string[] {
  const specific = ` ${key} `.replace(/ (hop tac xa|htx) /g, ' ').trim();
  return (specific || key).split(' ').filter(Boolean);
}

const nameKey = organisations.nameKey;

function textMatch(q: string | undefined, column: SQL = sql`${organisations.searchText}`): { where: SQL | undefined; rank: SQL | undefined } {
  const key = q ? searchKey(q) : '';
  if (!key) return { where: undefined, rank: undefined };
  const tokens = filterTokens(key);
  const like = (t: string) => `%${t.replace(/[%_\\]/g, '')}%`;
  // Every word must appear (a trigram index answers LIKE). Ranking stays cheap string tests on the name —
  // trigram similarity over thousands of matches cost 100 ms at national scale: the whole name first, then
  // the phrase at its start, then the phrase anywhere in it, then all words in it.
  return {
    // Words under three letters give the trigram index nothing to look up: test them on the rows it returns.
    where: and(...tokens.map((t) => (t.length >= 3 ? sql`${column} like ${like(t)}` : sql`strpos(${column}, ${t}) > 0`))),
    rank: sql`(case when ${nameKey} = ${key} then 4
      when ${nameKey} like ${key + '%'} then 3
      when ' ' || ${nameKey} || ' ' like ${'% ' + key + ' %'} then 2
      when ${and(...tokens.map((t) => sql`${nameKey} like ${like(t)}`))} then 1 else 0 end)`,
  };
}

function filters(query: SearchQuery): SQL[] {
  const out: SQL[] = [];
  if (query.kind) out.push(eq(organisations.kind, query.kind));
  if (query.status) out.push(eq(organisations.status, query.status));
  if (query.sectorGroup) out.push(inArray(organisations.sectorCode, sql`(select ${sectors.code} from ${sectors} where ${sectors.groupKey} = ${query.sectorGroup})`));
  if (query.communeCode) out.push(eq(organisations.currentCommuneCode, query.communeCode));
  if (query.district) out.push(eq(organisations.registeredDistrict, query.district));
  if (query.foundedYear) out.push(sql`extract(year from ${organisations.foundedOn}) = ${query.foundedYear}`);
  return out;
}

/**
 * What each sortable column sorts by. Names by their stored Vietnamese order key (name_order, COLLATE "C"); a
 * commune by its name's key (admin_units.name_order, one primary-key lookup a row).
 */
const SORT_KEYS: Record<SortField, SQL> = {
  name: sql`${organisations.nameOrder}`,
  foundedOn: sql`${organisations.foundedOn}`,
  charterCapital: sql`${organisations.charterCapitalVnd}`,
  members: sql`(${organisations.membersOfficial} + ${organisations.membersAssociatedCapital} + ${organisations.membersAssociatedNoCapital})`,
  commune: sql`(select ${adminUnits.nameOrder} from ${adminUnits} where ${adminUnits.version} = '2025' and ${adminUnits.code} = ${organisations.currentCommuneCode})`,
};

type Order = { field: SortField; descending: boolean; byRank: boolean };

/**
 * The order of a result: an explicit `sort` decides (a column the user clicked); without one, a search ranks by
 * relevance first, and everything else comes in Vietnamese order of the name. Ties go by name, then by id, so
 * that pages never overlap; `-name` is exactly the reverse of `name`. Organisations without a commune come last
 * either way.
 */
function orderOf(query: SearchQuery, rank: SQL | undefined): Order {
  if (!query.sort) return { field: 'name', descending: false, byRank: rank !== undefined };
  const descending = query.sort.startsWith('-');
  return { field: (descending ? query.sort.slice(1) : query.sort) as SortField, descending, byRank: false };
}

function orderColumns(order: Order, columns: { rank: SQL.Aliased | SQL; sortValue: SQL.Aliased | SQL; nameOrder: unknown; id: unknown }): SQL[] {
  const dir = (descending: boolean) => (descending ? sql`desc` : sql`asc`);
  const out: SQL[] = [];
  if (order.byRank) out.push(sql`${columns.rank} desc`);
  if (order.field === 'name') {
    out.push(sql`${columns.nameOrder} ${dir(order.descending)}`, sql`${columns.id} ${dir(order.descending)}`);
  } else {
    out.push(sql`${columns.sortValue} ${dir(order.descending)} nulls last`, sql`${columns.nameOrder} asc`, sql`${columns.id} asc`);
  }
  return out;
}

/**
 * One page of the matching organisations' keys, in the order asked for. Only the keys travel through the ranking
 * (thousands of rows for a broad search of the whole country); the page's twenty rows are read in full afterwards,
 * by key. A page in name order is an index scan that stops at the page (index (tenant_id, name_order, id)): a
 * window count over every match would make it read all of them. A page ranked by relevance reads and ranks every
 * match anyway: there the number of matches rides along (`matches`, a window count over the rows already read).
 */
function matchingPage(db: Db, where: SQL | undefined, rank: SQL | undefined, query: SearchQuery, order: Order) {
  const rankValue = sql<number>`${rank ?? sql`0`}`;
  const sortValue = order.field === 'name' ? sql`''` : SORT_KEYS[order.field];
  return db
    .select({
      tenantId: organisations.tenantId,
      id: organisations.id,
      rank: rankValue.as('rank'),
      sortValue: sql`${sortValue}`.as('sort_value'),
      nameOrder: sql<string>`${organisations.nameOrder}`.as('name_order'),
      matches: (order.byRank ? sql<number>`count(*) over ()` : sql<number>`null`).as('matches'),
    })
    .from(organisations)
    .where(where)
    .orderBy(...orderColumns(order, { rank: sql`"rank"`, sortValue: sql`"sort_value"`, nameOrder: organisations.nameOrder, id: organisations.id }))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .as('page');
}

type Page = ReturnType<typeof matchingPage>;

// The page's own columns, named with the subquery (the joined organisations row has a name_order too).
const pageOrder = (page: Page, order: Order) => orderColumns(order, { rank: sql`"page"."rank"`, sortValue: sql`"page"."sort_value"`, nameOrder: sql`"page"."name_order"`, id: page.id });
const onPage = (page: Page) => and(eq(organisations.tenantId, page.tenantId), eq(organisations.id, page.id));
/**
 * How many organisations match, carried by every row of the page, so that a search is one statement (issue 17:
 * ~2 ms of 8 on PostgreSQL, 3 of 12 on PGlite were the second statement that found the same matches again). A
 * ranked page: its window count. Any other order: the capped count (see countMatches), a subquery that runs once
 * for the statement and stops at one past the limit.
 */
const matchesOf = (order: Order, where: SQL | undefined) =>
  (order.byRank ? sql`"page"."matches"` : sql`(${cappedCountQuery(where)})`).mapWith((v: unknown) => (v === null ? null : Number(v)));
/** What the page's count says, when it carries one: the first row's (every row carries the same). */
const counted = (rows: { matches: number | null }[]) => rows[0]?.matches ?? undefined;

/** Searches the registry within what the actor may read, best match first, a page at a time. */
export async function findOrganisations(db: Db, { actor, query }: { actor: Actor; query: SearchQuery }) {
  const scope = organisationReadScope(actor);
  const text = textMatch(query.q);
  const where = and(scope, text.where, ...filters(query));
  const order = orderOf(query, text.rank);
  const page = matchingPage(db, where, text.rank, query, order);
  const rows = await db
    .select({
      id: organisations.id,
      tenantId: organisations.tenantId,
      name: organisations.name,
      registrationNumber: organisations.registrationNumber,
      kind: organisations.kind,
      status: organisations.status,
      sectorCode: organisations.sectorCode,
      sectorGroup: sectors.groupKey,
      foundedOn: organisations.foundedOn,
      registeredDistrict: organisations.registeredDistrict,
      registeredCommune: organisations.registeredCommune,
      currentCommuneCode: organisations.currentCommuneCode,
      // The commune's name travels with the row: a national viewer has no province whose communes it could load.
      currentCommuneName: adminUnits.name,
      representative: organisations.representative,
      charterCapitalVnd: organisations.charterCapitalVnd,
      /** Members as the registry's column sorts them: official and associated. */
      members: sql<number>`${SORT_KEYS.members}`.mapWith(Number),
      matches: matchesOf(order, where),
    })
    .from(page)
    .innerJoin(organisations, onPage(page))
    .innerJoin(sectors, eq(sectors.code, organisations.sectorCode))
    .leftJoin(adminUnits, and(eq(adminUnits.version, '2025'), eq(adminUnits.code, organisations.currentCommuneCode)))
    .orderBy(...pageOrder(page, order));
  return {
    items: rows.map(({ charterCapitalVnd, matches: _matches, ...r }) => ({ ...r, charterCapitalVnd: charterCapitalVnd.toString() })),
    ...(await countMatches(db, where, query, rows.length, counted(rows))),
  };
}

/** Matches counted exactly up to this many; beyond, the answer says "more than" (a broad search counts no further). */
export const EXACT_COUNT_LIMIT = 1_000;

export type MatchCount = { total: number; totalIsLowerBound: boolean };

/**
 * How many organisations match: exactly when they are at most EXACT_COUNT_LIMIT, otherwise a lower bound
 * (`totalIsLowerBound`, which the pages show as "hơn 1.000"). Counting 20,000 matches of a broad search cost
 * more than finding its page, and 50 such searches at once queued behind one another; counting stops at 1,001.
 * A page past the limit still tells the truth: a full page means "at least this far and more", a short one ends
 * the list and gives the exact number. `known`: the matches counted by the page's own statement (every match on a
 * ranked page, else the capped count), which answers exactly as the capped count does (at most the limit: that
 * number; beyond: more than the limit). An empty page carries none: the count runs on its own then.
 */
export async function countMatches(db: Db, where: SQL | undefined, query: SearchQuery, onPage: number, known?: number): Promise<MatchCount> {
  const before = (query.page - 1) * query.pageSize;
  if (onPage > 0 && onPage < query.pageSize) return { total: before + onPage, totalIsLowerBound: false };
  if (query.page === 1 && onPage === 0) return { total: 0, totalIsLowerBound: false };
  const counted = known !== undefined ? Math.min(known, EXACT_COUNT_LIMIT + 1) : await cappedCount(db, where);
  if (counted <= EXACT_COUNT_LIMIT) return { total: counted, totalIsLowerBound: false };
  // A full page: at least this many. A page past the end of more than the limit: only the limit is known.
  return { total: onPage > 0 ? Math.max(EXACT_COUNT_LIMIT, before + onPage) : EXACT_COUNT_LIMIT, totalIsLowerBound: true };
}

/**
 * The matches counted up to one past EXACT_COUNT_LIMIT (it stops there). Uncorrelated also inside the page's
 * statement: `where` names "organisations", which the subquery's own FROM binds.
 */
const cappedCountQuery = (where: SQL | undefined) =>
  sql`select count(*)::int from (select 1 from ${organisations} where ${where ?? sql`true`} limit ${EXACT_COUNT_LIMIT + 1}) as capped`;

async function cappedCount(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select (${cappedCountQuery(where)}) as n`);
  return Number(row?.n ?? 0);
}

/** The public directory: anyone may search it; it carries no personal data. */
export async function findPublicDirectory(db: Db, { tenantId, query }: { tenantId: number | undefined; query: SearchQuery }) {
  // Only the name is searchable here: a person's name must not find the organisation they represent.
  const text = textMatch(query.q, sql`${nameKey}`);
  const where = and(tenantId === undefined ? undefined : eq(organisations.tenantId, tenantId), text.where, ...filters(query));
  const order = orderOf(query, text.rank);
  const page = matchingPage(db, where, text.rank, query, order);
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      sectorCode: organisations.sectorCode,
      status: organisations.status,
      currentCommuneCode: organisations.currentCommuneCode,
      currentCommuneName: adminUnits.name,
      matches: matchesOf(order, where),
    })
    .from(page)
    .innerJoin(organisations, onPage(page))
    .leftJoin(adminUnits, and(eq(adminUnits.version, '2025'), eq(adminUnits.code, organisations.currentCommuneCode)))
    .orderBy(...pageOrder(page, order));
  return { items: rows.map(({ matches: _matches, ...r }) => r), ...(await countMatches(db, where, query, rows.length, counted(rows))) };
}
