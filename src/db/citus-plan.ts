/**
 * How the schema scales out on Citus: tables of an alliance's data are distributed by tenant_id (the
 * alliance), small lookup tables and accounts are reference tables copied to every node. The schema test
 * checks every table against this plan; `coop db citus` prints the statements that apply it.
 */
export const REFERENCE_TABLES = ['alliances', 'sectors', 'admin_units', 'admin_unit_mappings', 'commune_boundaries', 'users', 'sessions', 'user_organisations', 'one_time_tokens', 'calendar_days', 'award_kinds'] as const;

/** Tables left on the coordinator (bookkeeping of the migrator). */
export const LOCAL_TABLES = ['__drizzle_migrations'] as const;

export const DISTRIBUTION_COLUMN = 'tenant_id';

/** The SQL that distributes the schema on a Citus cluster (run once, after the migrations). */
export function citusStatements(distributedTables: string[]): string[] {
  return [
    ...REFERENCE_TABLES.map((t) => `SELECT create_reference_table('${t}');`),
    ...distributedTables.map((t, i) =>
      i === 0 ? `SELECT create_distributed_table('${t}', '${DISTRIBUTION_COLUMN}');` : `SELECT create_distributed_table('${t}', '${DISTRIBUTION_COLUMN}', colocate_with => '${distributedTables[0]}');`,
    ),
  ];
}
