import { queryRows, type Db } from '../../../db/client.ts';
import { KIND_LABELS, type Kind } from '../../../shared/organisation.ts';
import { SECTOR_GROUPS } from '../../../shared/sectors.ts';
import type { Actor } from '../accounts/roles.ts';
import { UNKNOWN_COMMUNE } from '../reports/annual-report.build.ts';
import {
  CATEGORY_LABELS,
  complianceCounts,
  complianceList,
  dueUpdates,
  type ComplianceCategory,
  type ComplianceCountRow,
  type ComplianceCounts,
  type ComplianceFilters,
  type ComplianceScope,
} from './compliance.ts';
import { complianceReadScope } from './compliance.policy.ts';
import { updateDeadline } from './annual-updates.calendar.ts';

const collator = new Intl.Collator('vi');

export type Compliance = ComplianceCounts & {
  year: number;
  deadline: string;
  byCommune: (ComplianceCounts & { code: string | null; name: string })[];
  byKind: (ComplianceCounts & { kind: string; name: string })[];
  bySectorGroup: (ComplianceCounts & { group: string; name: string })[];
};

const counts = (r: ComplianceCounts | undefined): ComplianceCounts => ({
  due: r?.due ?? 0,
  onTime: r?.onTime ?? 0,
  late: r?.late ?? 0,
  missing: r?.missing ?? 0,
  returned: r?.returned ?? 0,
  accepted: r?.accepted ?? 0,
});

/** The counts of a year for a scope (no access check: callers check it). */
export async function computeCompliance(db: Db, scope: ComplianceScope, year: number): Promise<Compliance> {
  const rows = await queryRows<ComplianceCountRow>(db, complianceCounts(dueUpdates(scope, year)));
  const of = (dimension: ComplianceCountRow['dimension']) => rows.filter((r) => r.dimension === dimension);
  return {
    year,
    deadline: updateDeadline(year),
    ...counts(of('all')[0]),
    byCommune: of('commune')
      .map((r) => ({ code: r.key, name: r.key === null ? UNKNOWN_COMMUNE : (r.label ?? r.key), ...counts(r) }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    byKind: (['HTX', 'LHHTX', 'THT'] as const).map((kind) => ({ kind, name: KIND_LABELS[kind as Kind], ...counts(of('kind').find((r) => r.key === kind)) })),
    bySectorGroup: SECTOR_GROUPS.map((g) => ({ group: g.code, name: g.name, ...counts(of('sectorGroup').find((r) => r.key === g.code)) })),
  };
}

/** Who had to file the year's update and who did, for the actor's alliance or commune. */
export async function getCompliance(db: Db, { actor, year }: { actor: Actor; year: number }): Promise<Compliance> {
  return computeCompliance(db, complianceReadScope(actor), year);
}

export type ComplianceListItem = {
  organisationId: string;
  name: string;
  registrationNumber: string | null;
  kind: string;
  representative: string | null;
  phone: string | null;
  email: string | null;
  communeCode: string | null;
  communeName: string;
  state: string;
  updateId: string | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  onTime: boolean | null;
};

export type ComplianceList = { year: number; deadline: string; category: ComplianceCategory; label: string; total: number; items: ComplianceListItem[] };

type ListRow = {
  organisation_id: string;
  name: string;
  registration_number: string | null;
  kind: string;
  representative: string | null;
  phone: string | null;
  email: string | null;
  commune_code: string | null;
  commune_name: string | null;
  state: string;
  update_id: string | null;
  first_submitted_at: string | null;
  submitted_at: string | null;
  on_time: boolean;
  late: boolean;
};

/** The organisations behind one number of a scope (no access check). */
export async function computeComplianceList(db: Db, scope: ComplianceScope, year: number, category: ComplianceCategory, filters: ComplianceFilters = {}): Promise<ComplianceList> {
  const rows = await queryRows<ListRow>(db, complianceList(dueUpdates(scope, year, filters), category));
  const items = rows.map((r) => ({
    organisationId: r.organisation_id,
    name: r.name,
    registrationNumber: r.registration_number,
    kind: r.kind,
    representative: r.representative,
    phone: r.phone,
    email: r.email,
    communeCode: r.commune_code,
    communeName: r.commune_name ?? UNKNOWN_COMMUNE,
    state: r.state,
    updateId: r.update_id,
    firstSubmittedAt: r.first_submitted_at,
    submittedAt: r.submitted_at,
    onTime: r.on_time ? true : r.late ? false : null,
  }));
  return { year, deadline: updateDeadline(year), category, label: CATEGORY_LABELS[category], total: items.length, items };
}

/** The list behind one number of the compliance view, for the actor's alliance or commune. */
export async function findComplianceList(
  db: Db,
  { actor, year, category, filters }: { actor: Actor; year: number; category: ComplianceCategory; filters?: ComplianceFilters },
): Promise<ComplianceList> {
  return computeComplianceList(db, complianceReadScope(actor), year, category, filters);
}
