import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../cooperatives/cooperatives.sql.ts';

/**
 * The annual update's form (Circular 09/2024, Forms VII): a versioned definition per alliance, year and kind
 * (THT, HTX, LHHTX), data rather than code (see form-definition.ts for its shape). A submitted update keeps the
 * form it was filed on.
 */
export const updateForms = pgTable(
  'update_forms',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: text('published_by'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('update_forms_version_key').on(t.tenantId, t.year, t.kind, t.version)],
);

/**
 * One organisation's update for one year. States: draft → submitted → (returned → submitted)* → accepted.
 * `values` maps the form's field keys to numbers (whole VND, people, %), strings, booleans or null.
 * `firstSubmittedAt` decides on time / late; `submitKey` makes a retried submit file once.
 */
export const annualUpdates = pgTable(
  'annual_updates',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    year: integer('year').notNull(),
    formId: uuid('form_id').notNull(),
    state: text('state').notNull().default('draft'),
    values: jsonb('values').notNull().default(sql`'{}'::jsonb`),
    /** Bumped by every save: a save sent with an older number is a conflict (two devices). */
    draftVersion: integer('draft_version').notNull().default(1),
    /** How it came: 'online' (the manager), 'staff' (typed by staff from paper), 'excel' (a template import). */
    channel: text('channel').notNull().default('online'),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    submitKey: text('submit_key'),
    /** Staff's questions when returned: { fieldKey: reason }. */
    returnReasons: jsonb('return_reasons'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedBy: text('returned_by'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: text('accepted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('annual_updates_org_year_key').on(t.tenantId, t.organisationId, t.year),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    index('annual_updates_year_state_idx').on(t.tenantId, t.year, t.state),
  ],
);
