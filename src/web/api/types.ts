import type { Capabilities } from '../../server/modules/accounts/capabilities.ts';
/** The shapes the API sends back (requests use the shared zod schemas in src/shared/organisation.ts). */
import type { Kind, OrganisationInput, Status } from '../../shared/organisation.ts';
import type { SectorGroup } from '../../shared/sectors.ts';

export type SessionUser = {
  id: string | null;
  email: string;
  role: string;
  roleLabel: string;
  tenantId: number | null;
  organisationId: string | null;
  communeCode: string | null;
  /** What the server lets this user open (menus and buttons follow it; the server checks every request). */
  can: Capabilities;
};

/** A page of a list; `totalIsLowerBound`: the server stopped counting at `total` (the registry and the directory
 * count exactly up to 1,000 matches and say "hơn 1.000" beyond). */
export type Page<T> = { items: T[]; total: number; totalIsLowerBound?: boolean };

/** What a pager may offer: past a lower bound, one page more whenever this one is full. */
export const pagerTotal = (page: Page<unknown>, current: number, pageSize: number) =>
  page.totalIsLowerBound && page.items.length === pageSize ? Math.max(page.total, current * pageSize + 1) : page.total;

export type OrganisationListItem = {
  id: string;
  name: string;
  registrationNumber: string | null;
  kind: Kind;
  status: Status;
  sectorCode: string;
  sectorGroup: SectorGroup | null;
  foundedOn: string;
  registeredDistrict: string | null;
  registeredCommune: string | null;
  currentCommuneCode: string | null;
  currentCommuneName: string | null;
  representative: string | null;
  charterCapitalVnd: string;
};

export type OrganisationPermissions = { update: boolean; updateAllFields: boolean; viewAudit: boolean };

/** The full record: every editable field (nulls where empty) plus what the server adds. */
export type Organisation = {
  [K in keyof OrganisationInput]-?: Exclude<OrganisationInput[K], undefined>;
} & {
  id: string;
  tenantId: number;
  sectorGroup: SectorGroup | null;
  registeredUnitCode: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  can: OrganisationPermissions;
  /** Kept but doubtful values (a registration number whose check digit is wrong), in Vietnamese. */
  warnings: { field: string; message: string }[];
};

export type StatusPeriod = { status: Status; validFrom: string; note: string | null; recordedAt: string };

export type AuditEvent = {
  id?: string;
  at: string;
  actorLabel: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Set when an accepted annual update made the change. */
  fromAnnualUpdate?: { id: string; year: number } | null;
};

export type OrganisationHistory = { statuses: StatusPeriod[]; audit: AuditEvent[] };

export type DirectoryEntry = {
  id: string;
  name: string;
  kind: Kind;
  sectorCode: string;
  status: Status;
  currentCommuneCode: string | null;
  currentCommuneName: string | null;
};

export type Sector = { code: string; name: string; groupKey: SectorGroup };
export type Alliance = { id: number; name: string; provinceCode: string };
export type Commune = { code: string; name: string };

/** POST /api/imports/cooperatives: what a run did (or, dry, would do). Row numbers are the file's own. */
export type ImportReport = {
  importId: string | null;
  fileName?: string;
  dryRun?: boolean;
  sheetName?: string;
  rowsInFile?: number;
  imported: number;
  updated: number;
  unchanged: number;
  duplicates: { row: number; firstRow: number; registrationNumber: string | null; name?: string }[];
  rejected: { row: number; reason: string }[];
  warnings: { row: number; message: string }[];
};
