import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { queryRows } from '../src/server/modules/reports/reports.queries.ts';

/**
 * Changes the national figures count, for timing the reports after them: a worker more in one organisation of an
 * alliance, or of a quarter of the alliances (8 of 34).
 */
export async function allianceChanges(db: Db) {
  const alliances = (await queryRows<{ id: number }>(db, sql`select id from alliances order by id`)).map((a) => a.id);
  const quarter = alliances.slice(0, Math.floor(alliances.length / 4));
  const changeAlliance = (id: number) =>
    db.execute(sql`update organisations set workers = workers + 1 where tenant_id = ${id} and id = (select id from organisations where tenant_id = ${id} order by id limit 1)`);
  const changeAQuarter = async () => {
    for (const id of quarter) await changeAlliance(id);
  };
  return { quarter, changeAlliance, changeAQuarter };
}
