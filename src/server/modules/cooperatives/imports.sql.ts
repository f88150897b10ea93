import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, boolean } from 'drizzle-orm/pg-core';

/** One run of the workbook importer and its report (kept so the report can be downloaded later). */
export const importRuns = pgTable(
  'import_runs',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorLabel: text('actor_label').notNull(),
    fileName: text('file_name').notNull(),
    dryRun: boolean('dry_run').notNull(),
    report: jsonb('report').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
