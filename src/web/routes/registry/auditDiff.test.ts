import { describe, expect, it } from 'vitest';
import { auditTitle, changedFields, formatAuditValue } from './auditDiff.ts';

const labels = {
  kind: (k: string) => `kind:${k}`,
  status: (s: string) => `status:${s}`,
  sector: (c: string) => `sector:${c}`,
  communeName: (c: string | null) => (c === '07399' ? 'Xã Kép' : null),
};

describe('changedFields', () => {
  it('lists the fields whose value changed, leaving out bookkeeping columns', () => {
    const before = { id: 'a', version: 1, workers: 14, phone: '0910', vsicCodes: [], email: null };
    const after = { id: 'a', version: 2, workers: 17, phone: '0910', vsicCodes: [], email: '' };
    expect(changedFields(before, after)).toEqual([{ field: 'workers', before: 14, after: 17 }]);
  });

  it('has nothing to compare for a creation', () => {
    expect(changedFields(null, { workers: 3 })).toEqual([]);
  });
});

describe('auditTitle', () => {
  it('names a change made by an accepted annual update by its year, the others by their kind', () => {
    expect(auditTitle({ action: 'organisation.updated', fromAnnualUpdate: { id: 'u1', year: 2026 } })).toEqual({ key: 'audit.fromAnnualUpdate', params: { year: 2026 } });
    expect(auditTitle({ action: 'organisation.updated', fromAnnualUpdate: null })).toEqual({ key: 'audit.updated' });
    expect(auditTitle({ action: 'organisation.created' })).toEqual({ key: 'audit.created' });
    expect(auditTitle({ action: 'organisation.imported' })).toEqual({ key: 'audit.imported' });
    expect(auditTitle({ action: 'something.else' })).toBeNull();
  });
});

describe('formatAuditValue', () => {
  it('writes values the way the registry does', () => {
    expect(formatAuditValue('charterCapitalVnd', '2772000000', labels)).toBe('2.772.000.000 đ');
    expect(formatAuditValue('foundedOn', '2008-10-05', labels)).toBe('05/10/2008');
    expect(formatAuditValue('status', 'suspended', labels)).toBe('status:suspended');
    expect(formatAuditValue('currentCommuneCode', '07399', labels)).toBe('Xã Kép');
    expect(formatAuditValue('membersOfficial', 1116, labels)).toBe('1.116');
    expect(formatAuditValue('vsicCodes', ['0111', '0112'], labels)).toBe('0111, 0112');
    expect(formatAuditValue('phone', null, labels)).toBe('—');
  });
});
