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
 * Each alliance's data version: what its reports count changed when it moved. Statement triggers move it in the
 * same transaction as every write to organisations, statuses, plans and closed years (per alliance), and to
 * sectors, communes and alliances (all of them) (migrations 0005, 0007). A new value is never below the clock in
 * microseconds, so a version never comes back, not even after a restore (decision 005). No row: version 0.
 */
export const reportRevisions = pgTable('report_revisions', {
  tenantId: integer('tenant_id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull(),
});
