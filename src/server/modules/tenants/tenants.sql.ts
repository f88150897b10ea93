import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** An alliance (Liên minh HTX of a province): the tenant. Its id is the distribution column on Citus. */
export const alliances = pgTable('alliances', {
  id: integer('id').primaryKey(),
  provinceCode: text('province_code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
