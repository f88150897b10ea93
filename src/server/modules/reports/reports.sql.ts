import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Yearly targets of the alliance (kế hoạch): one per indicator, for the province (area '') or one area as
 * the report names it (a registered district). Targets are whole numbers (counts, or đồng for capital).
 */
export const reportPlans = pgTable(
  'report_plans',
  {
    tenantId: integer('tenant_id').notNull(),
    year: integer('year').notNull(),
    indicator: text('indicator').notNull(),
    area: text('area').notNull().default(''),
    target: bigint('target', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year, t.indicator, t.area] })],
);

/** A closed year: the published report as it was computed, frozen. */
export const reportClosures = pgTable(
  'report_closures',
  {
    tenantId: integer('tenant_id').notNull(),
    year: integer('year').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    report: jsonb('report').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: text('closed_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year] })],
);

/**
 * The organisations behind a closed year's figures, with the facts they were counted under (group, area,
 * commune, status, money). Columns mirror the live counting query so that both aggregate the same way.
 */
export const reportClosureOrganisations = pgTable(
  'report_closure_organisations',
  {
    tenantId: integer('tenant_id').notNull(),
    year: integer('year').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    statusAt: text('status_at').notNull(),
    sectorCode: text('sector_code').notNull(),
    sectorGroup: text('sector_group').notNull(),
    area: text('area'),
    communeCode: text('commune_code'),
    communeName: text('commune_name'),
    foundedOn: date('founded_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endStatus: text('end_status'),
    counted: boolean('counted').notNull(),
    newlyEstablished: boolean('newly_established').notNull(),
    endedInYear: boolean('ended_in_year').notNull(),
    charterCapitalVnd: bigint('charter_capital_vnd', { mode: 'bigint' }).notNull(),
    members: integer('members').notNull(),
    workers: integer('workers').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.year, t.organisationId] }),
    index('report_closure_organisations_year_idx').on(t.tenantId, t.year, t.sectorGroup),
  ],
);

/**
 * Each alliance's revision of what its figures count: moved on, in the same transaction, by a trigger on every
 * change to organisations, statuses and closed years (migration 0005). No row: revision 0.
 */
export const reportRevisions = pgTable('report_revisions', {
  tenantId: integer('tenant_id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull(),
});

/**
 * The national roll-up's parts: one alliance's share of a report query (key: a hash of the query), kept while
 * the alliance's revision is the one it was computed at. The roll-up adds 34 parts instead of counting 35,000
 * organisations again; a change in one alliance recomputes that alliance's part alone.
 */
export const reportParts = pgTable(
  'report_parts',
  {
    tenantId: integer('tenant_id').notNull(),
    key: text('key').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    part: jsonb('part').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

/**
 * The national queries viewers asked for (a recipe: which query, year, date, filters), with when they were last
 * asked. The refresher (rollup-refresher.ts) recomputes their parts after every change, in the background, so
 * that a national viewer reads stored parts; recipes not asked for in 30 days are forgotten with their parts.
 */
export const reportRecipes = pgTable('report_recipes', {
  recipe: text('recipe').primaryKey(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
});
