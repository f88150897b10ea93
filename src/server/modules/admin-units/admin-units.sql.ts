import { date, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Administrative units of every version (reference table on Citus). A bare code is ambiguous across the
 * 2025 reform (new codes reuse old ones), so units are keyed by (version, code).
 */
export const adminUnits = pgTable(
  'admin_units',
  {
    version: text('version').notNull(), // '2024' (state of January 2025, before the reform) or '2025'
    code: text('code').notNull(),
    level: text('level').notNull(), // 'province' | 'district' | 'commune'
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(), // search key of the name without its type prefix
    /** The name's key in Vietnamese dictionary order (COLLATE "C", migration 0008); '' until backfilled. */
    nameOrder: text('name_order').notNull().default(''),
    provinceCode: text('province_code'),
    provinceName: text('province_name'),
    districtName: text('district_name'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    legalBasis: text('legal_basis'),
  },
  (t) => [primaryKey({ columns: [t.version, t.code] }), index('admin_units_name_key_idx').on(t.nameKey)],
);

/** Old (January 2025) commune → new (1 July 2025) commune: many-to-many. */
export const adminUnitMappings = pgTable(
  'admin_unit_mappings',
  {
    oldCode: text('old_code').notNull(),
    oldName: text('old_name').notNull(),
    oldNameKey: text('old_name_key').notNull(),
    oldDistrictName: text('old_district_name'),
    oldDistrictKey: text('old_district_key'),
    oldProvinceName: text('old_province_name'),
    oldProvinceKey: text('old_province_key'),
    newCode: text('new_code').notNull(),
    newName: text('new_name').notNull(),
    newProvinceName: text('new_province_name'),
  },
  (t) => [
    primaryKey({ columns: [t.oldCode, t.newCode] }),
    index('admin_unit_mappings_old_name_idx').on(t.oldProvinceKey, t.oldNameKey),
  ],
);
