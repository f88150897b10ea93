import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The boundary of a 2025 commune, as a GeoJSON geometry (Polygon or MultiPolygon, WGS 84), for the
 * dashboard's choropleth map. Boundaries are public reference data shared by every alliance (a reference
 * table on Citus); an alliance's administrator loads those of its own province.
 */
export const communeBoundaries = pgTable(
  'commune_boundaries',
  {
    code: text('code').primaryKey(), // the 2025 commune's code (admin_units version '2025')
    provinceCode: text('province_code').notNull(),
    geometry: jsonb('geometry').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [index('commune_boundaries_province_idx').on(t.provinceCode)],
);
