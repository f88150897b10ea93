/** Vitest global setup: prepares the migrated template database once per run (filled in by the db harness). */
export default async function setup(): Promise<void> {}
