// Numbering series of an alliance per year (decision 008): difficulty codes "2026-0012" and letter numbers
// "125/LMHTX-VP". The number is taken inside the transaction that uses it: the UPDATE locks the series' row, so
// two concurrent takers serialise on it, and a rolled-back transaction gives its number back.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.ts';

export type NumberSeries = 'difficulty' | 'letter';

/** The next number of a series for a year (1 for the first); call it with the transaction that uses it. */
export async function nextNumber(tx: Db, tenantId: number, series: NumberSeries, year: number): Promise<number> {
  await tx.execute(sql`
    INSERT INTO number_series (tenant_id, series, year, last_number) VALUES (${tenantId}, ${series}, ${year}, 0)
    ON CONFLICT (tenant_id, series, year) DO NOTHING`);
  const [row] = await queryRows<{ last_number: number }>(
    tx,
    sql`UPDATE number_series SET last_number = last_number + 1
        WHERE tenant_id = ${tenantId} AND series = ${series} AND year = ${year}
        RETURNING last_number`,
  );
  return Number(row!.last_number);
}

/** A difficulty's code: the year and its number padded to 4 digits ("2026-0012"). */
export function difficultyCode(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, '0')}`;
}
