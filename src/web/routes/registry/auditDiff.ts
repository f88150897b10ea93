/** What an audit event changed: the fields whose value differs between the snapshots before and after. */
import type { AuditEvent } from '../../api/types.ts';
import { count, date, money } from '../../format.ts';
import type { MessageKey } from '../../i18n/index.tsx';

/** An event's title: the annual update that made it ("Cập nhật thông tin năm 2026"), else its kind of change. */
export function auditTitle(event: Pick<AuditEvent, 'action' | 'fromAnnualUpdate'>): { key: MessageKey; params?: Record<string, number> } | null {
  if (event.fromAnnualUpdate) return { key: 'audit.fromAnnualUpdate', params: { year: event.fromAnnualUpdate.year } };
  if (event.action.includes('import')) return { key: 'audit.imported' };
  if (event.action.endsWith('.created')) return { key: 'audit.created' };
  if (event.action.endsWith('.updated')) return { key: 'audit.updated' };
  return null;
}

export type FieldChange = { field: string; before: unknown; after: unknown };

// Bookkeeping columns that change with every edit and mean nothing to a reader.
const IGNORED = new Set(['id', 'tenantId', 'version', 'searchText', 'createdAt', 'updatedAt', 'registeredUnitCode']);

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The changed fields, in the order the "after" snapshot lists them. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  if (!before || !after) return [];
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return fields.filter((f) => !IGNORED.has(f) && !same(before[f], after[f])).map((field) => ({ field, before: before[field], after: after[field] }));
}

const DATE_FIELDS = new Set(['foundedOn', 'statusSince', 'dissolvedOn', 'allianceMemberSince']);

export type ValueLabels = {
  kind(kind: string): string;
  status(status: string): string;
  sector(code: string): string;
  communeName(code: string | null): string | null;
};

/** A snapshot value written for people: dates dd/mm/yyyy, money in đồng, codes as their names. */
export function formatAuditValue(field: string, value: unknown, labels: ValueLabels): string {
  if (isEmpty(value)) return '—';
  if (DATE_FIELDS.has(field)) return date(String(value));
  if (field === 'charterCapitalVnd') return money(String(value));
  if (field === 'status') return labels.status(String(value));
  if (field === 'kind') return labels.kind(String(value));
  if (field === 'sectorCode') return labels.sector(String(value));
  if (field === 'currentCommuneCode') return labels.communeName(String(value)) ?? String(value);
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'number') return count(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
