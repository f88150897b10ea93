// Every table of the platform, for Drizzle and drizzle-kit. Each domain keeps its tables beside its code.
export * from '../server/modules/tenants/tenants.sql.ts';
export * from '../server/modules/admin-units/admin-units.sql.ts';
export * from '../server/modules/cooperatives/sectors.sql.ts';
export * from '../server/modules/cooperatives/cooperatives.sql.ts';
export * from '../server/modules/cooperatives/imports.sql.ts';
export * from '../server/modules/audit/audit.sql.ts';
export * from '../server/modules/accounts/accounts.sql.ts';
export * from '../server/modules/reports/reports.sql.ts';
export * from '../server/modules/loans/loans.sql.ts';
export * from '../server/modules/admin-units/boundaries.sql.ts';
export * from '../server/modules/annual-updates/annual-updates.sql.ts';
export * from '../server/modules/calendar/calendar.sql.ts';
export * from '../server/modules/difficulties/difficulties.sql.ts';
export * from '../server/modules/consultations/consultations.sql.ts';
export * from '../server/modules/portal/portal.sql.ts';
export * from '../server/modules/awards/awards.sql.ts';
export * from '../server/modules/emulation/emulation.sql.ts';
