import { pgTable, text } from 'drizzle-orm/pg-core';

/** Sectors and their reporting groups (reference table; rows come from src/shared/sectors.ts). */
export const sectors = pgTable('sectors', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  groupKey: text('group_key').notNull(),
});
