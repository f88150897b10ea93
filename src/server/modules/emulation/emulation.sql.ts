import { date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Emulation (thi đua), decision 010: a block of peer organisations per year, its pact of criteria, each member's
 * results, the scoreboard computed from the rules (never stored: always recomputed from results and rules).
 */
export const emulationBlocks = pgTable(
  'emulation_blocks',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    headOrganisationId: uuid('head_organisation_id'),
    deputyOrganisationId: uuid('deputy_organisation_id'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('emulation_blocks_name_key').on(t.tenantId, t.year, t.name)],
);

export const emulationBlockMembers = pgTable(
  'emulation_block_members',
  {
    tenantId: integer('tenant_id').notNull(),
    blockId: uuid('block_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.blockId, t.organisationId] }), index('emulation_block_members_org_idx').on(t.tenantId, t.organisationId)],
);

/**
 * The block's pact for its year (one per block). state: 'draft' (criteria editable) → 'signed' (signedOn; members
 * report) → 'closed' (results final, review minutes) ; scoreboardPublishedAt: members see the ranking from then.
 * tieBreak: how equal totals are ordered, stated on the scoreboard — 'criteria_order' (the higher score on the
 * first criterion, then the second, …, then the organisation's name in Vietnamese order).
 */
export const emulationPacts = pgTable(
  'emulation_pacts',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    blockId: uuid('block_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    state: text('state').notNull().default('draft'),
    tieBreak: text('tie_break').notNull().default('criteria_order'),
    reviewMinutes: text('review_minutes'),
    scoreboardPublishedAt: timestamp('scoreboard_published_at', { withTimezone: true }),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('emulation_pacts_block_key').on(t.tenantId, t.blockId)],
);

/**
 * A criterion of a pact: target (a decimal in `unit`), `points` for meeting it, `maxPoints` the most it can give
 * with bonuses; direction 'higher_better' | 'lower_better'; rule (zod-checked jsonb, emulation-scoring.ts):
 * below-target and above-target scoring, e.g. {"below": "proportional", "bonusPerStep": 1, "step": "10",
 * "penaltyPerStep": 0}. Scores are decimals with 2 places, computed, never stored.
 */
export const emulationCriteria = pgTable(
  'emulation_criteria',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pactId: uuid('pact_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    target: numeric('target', { precision: 18, scale: 4 }).notNull(),
    points: integer('points').notNull(),
    maxPoints: integer('max_points').notNull(),
    direction: text('direction').notNull().default('higher_better'),
    rule: jsonb('rule').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('emulation_criteria_pact_idx').on(t.tenantId, t.pactId, t.position)],
);

/** One member's result on one criterion (value in the criterion's unit), from its manager or entered by staff. */
export const emulationResults = pgTable(
  'emulation_results',
  {
    tenantId: integer('tenant_id').notNull(),
    pactId: uuid('pact_id').notNull(),
    criterionId: uuid('criterion_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    value: numeric('value', { precision: 18, scale: 4 }).notNull(),
    note: text('note'),
    source: text('source').notNull().default('member'),
    reportedBy: text('reported_by'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.criterionId, t.organisationId] }), index('emulation_results_pact_idx').on(t.tenantId, t.pactId, t.organisationId)],
);
