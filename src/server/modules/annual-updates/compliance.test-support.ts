// Test helpers of the compliance counts: updates written straight into annual_updates (the filing service is
// tested on its own), so that a test states exactly when each was first submitted. Test code only.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { UpdateKind } from './form-definition.ts';
import { builtInForm } from './forms/index.ts';

export type UpdateSpec = {
  organisationId: string;
  state: 'draft' | 'submitted' | 'returned' | 'accepted';
  firstSubmittedAt?: string | null;
  submittedAt?: string | null;
  values?: Record<string, unknown>;
  channel?: string;
};

/** The built-in form of a year and kind, as the filing service would store it. */
export async function insertTestForm(db: Db, tenantId: number, year: number, kind: UpdateKind = 'HTX'): Promise<string> {
  const result = (await db.execute(sql`
    insert into update_forms (tenant_id, year, kind, version, definition)
    values (${tenantId}, ${year}, ${kind}, 1, ${JSON.stringify(builtInForm(kind))}::jsonb)
    on conflict (tenant_id, year, kind, version) do update set kind = excluded.kind
    returning id::text as id`)) as unknown as { rows: { id: string }[] };
  return result.rows[0]!.id;
}

/** Writes one update per spec; times are ISO instants with their offset ("2026-12-15T23:59:59+07:00"). */
export async function insertUpdates(db: Db, tenantId: number, year: number, specs: UpdateSpec[]): Promise<void> {
  const formId = await insertTestForm(db, tenantId, year);
  for (const s of specs) {
    const first = s.state === 'draft' ? null : (s.firstSubmittedAt ?? null);
    await db.execute(sql`
      insert into annual_updates (tenant_id, organisation_id, year, form_id, state, values, channel, first_submitted_at, submitted_at, accepted_at)
      values (${tenantId}, ${s.organisationId}, ${year}, ${formId}, ${s.state}, ${JSON.stringify(s.values ?? {})}::jsonb, ${s.channel ?? 'online'},
              ${first}::timestamptz, ${s.submittedAt ?? first}::timestamptz, ${s.state === 'accepted' ? (s.submittedAt ?? first) : null}::timestamptz)`);
  }
}
