import type { Db } from '../../../db/client.ts';
import type { OrganisationInput } from '../../../shared/organisation.ts';
import { ENDED_STATUSES, type Status } from '../../../shared/organisation.ts';
import type { Actor } from '../accounts/roles.ts';
import { actorLabel } from '../accounts/roles.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { snapshotOrganisation } from './cooperatives.present.ts';
import { derivedColumns } from './cooperatives.search.ts';
import { toColumns } from './cooperatives.service.ts';
import { organisations, organisationStatuses } from './cooperatives.sql.ts';

const BATCH = 250;

export type BulkRow = OrganisationInput & { currentCommuneCode?: string | null; statusHistory?: { status: Status; validFrom: string }[] };

/**
 * Inserts many new organisations in batches, each with its status history and an audit event. Callers pass
 * the transaction and place organisations in today's commune themselves (once per commune, not per row).
 */
export async function bulkInsertOrganisations(tx: Db, { actor, tenantId, rows }: { actor: Actor; tenantId: number; rows: BulkRow[] }) {
  const ids: string[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const values = batch.map(({ statusHistory: _h, ...input }) => {
      const columns = toColumns(input);
      const ended = columns.dissolvedOn && ENDED_STATUSES.includes(columns.status as Status);
      return {
        ...(columns as typeof organisations.$inferInsert),
        tenantId,
        statusSince: columns.statusSince ?? (ended ? columns.dissolvedOn : columns.foundedOn),
        ...derivedColumns({ ...columns, name: columns.name! }),
      };
    });
    const created = await tx.insert(organisations).values(values).returning();
    const statuses = created.flatMap((org, i) => {
      const history = batch[i]!.statusHistory ?? [{ status: org.status as Status, validFrom: org.statusSince! }];
      return history.map((h) => ({ tenantId, organisationId: org.id, status: h.status, validFrom: h.validFrom }));
    });
    await tx.insert(organisationStatuses).values(statuses);
    await tx.insert(auditEvents).values(
      created.map((org) => ({
        tenantId,
        actorUserId: actor.kind === 'user' ? actor.userId : null,
        actorLabel: actorLabel(actor),
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: org.id,
        before: null,
        after: snapshotOrganisation(org),
      })),
    );
    ids.push(...created.map((o) => o.id));
  }
  return ids;
}
