import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { alliances } from '../tenants/tenants.sql.ts';

/** An organisation of the registry: HTX, LHHTX, THT or QTDND. Tenant id leads every key (Citus). */
export const organisations = pgTable(
  'organisations',
  {
    tenantId: integer('tenant_id').notNull().references(() => alliances.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    registrationNumber: text('registration_number'),
    name: text('name').notNull(),
    shortName: text('short_name'),
    foreignName: text('foreign_name'),
    status: text('status').notNull(),
    statusSince: date('status_since', { mode: 'string' }),
    foundedOn: date('founded_on', { mode: 'string' }).notNull(),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    address: text('address'),
    registeredCommune: text('registered_commune'),
    registeredDistrict: text('registered_district'),
    registeredUnitCode: text('registered_unit_code'),
    currentCommuneCode: text('current_commune_code'),
    sectorCode: text('sector_code').notNull(),
    vsicCodes: text('vsic_codes').array().notNull().default(sql`'{}'::text[]`),
    charterCapitalVnd: bigint('charter_capital_vnd', { mode: 'bigint' }).notNull().default(sql`0`),
    membersOfficial: integer('members_official').notNull().default(0),
    membersAssociatedCapital: integer('members_associated_capital').notNull().default(0),
    membersAssociatedNoCapital: integer('members_associated_no_capital').notNull().default(0),
    workers: integer('workers').notNull().default(0),
    representative: text('representative'),
    phone: text('phone'),
    email: text('email'),
    allianceMemberSince: date('alliance_member_since', { mode: 'string' }),
    searchText: text('search_text').notNull(),
    /** The name's search key (the first part of search_text): what results are ranked and sorted by. */
    nameKey: text('name_key').generatedAlwaysAs(sql`split_part(search_text, ' | ', 1)`),
    /**
     * The name's key in Vietnamese dictionary order (vietnameseSortKey), computed by the application with
     * search_text and compared byte by byte (COLLATE "C", written into migration 0008: Drizzle has no collation).
     * '' until `coop db migrate` fills the rows of an earlier release (see backfillNameOrder).
     */
    nameOrder: text('name_order').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('organisations_registration_number_key').on(t.tenantId, t.registrationNumber),
    index('organisations_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('organisations_name_key_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
    index('organisations_tenant_founded_idx').on(t.tenantId, t.foundedOn),
    index('organisations_tenant_commune_idx').on(t.tenantId, t.currentCommuneCode),
    // Pages in name order: an index scan that stops at the page (ties by id, as the registry orders them).
    index('organisations_tenant_name_order_id_idx').on(t.tenantId, t.nameOrder, t.id),
  ],
);

/** Dated legal-status history: every status has a start date (business time). */
export const organisationStatuses = pgTable(
  'organisation_statuses',
  {
    tenantId: integer('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    status: text('status').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisations.tenantId, organisations.id] }),
    index('organisation_statuses_org_idx').on(t.tenantId, t.organisationId, t.validFrom),
  ],
);
