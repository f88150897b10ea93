import { describe, expect, it } from 'vitest';
import { builtInForm } from '../../../server/modules/annual-updates/forms/index.ts';
import { checkDefinition, difference, fieldsOf, formatDelta, formatValue, type FormField } from './formDefinition.ts';

const words = { yes: 'Có', no: 'Không', people: 'người', none: '—' };
const htx = builtInForm('HTX');
const field = (key: string): FormField => fieldsOf(htx).find((f) => f.field.key === key)!.field;

describe('values as staff read them', () => {
  it('writes money in đồng, people, yes/no, a choice by its label, empty as a dash', () => {
    expect(formatValue(field('revenueVnd'), 4_200_000_000, words)).toBe('4.200.000.000 đ');
    expect(formatValue(field('membersOfficial'), 1300, words)).toBe('1.300 người');
    expect(formatValue(field('digitalWebsite'), false, words)).toBe('Không');
    expect(formatValue(field('managerTraining'), 'university', words)).toBe('Đại học');
    expect(formatValue(field('managerTraining'), 'university', words, 'en')).toBe('University');
    expect(formatValue(field('difficulties'), null, words)).toBe('—');
  });

  it('says by how much a number changed since last year, and whether anything else did', () => {
    const d = difference(45, 40);
    expect(d).toEqual({ changed: true, delta: 5, percent: 12.5 });
    expect(formatDelta(field('membersOfficial'), d, words)).toBe('+5 người (+12,5%)');
    expect(formatDelta(field('profitBeforeTaxVnd'), difference(-20_000_000, 180_000_000), words)).toBe('−200.000.000 đ (−111,1%)');
    expect(difference(12, 12).changed).toBe(false);
    expect(difference(5, 0)).toEqual({ changed: true, delta: 5, percent: null });
    expect(difference('Vải', 'Vải').changed).toBe(false);
    expect(difference(true, false).changed).toBe(true);
    expect(difference(null, undefined).changed).toBe(false);
  });
});

describe('a definition typed as JSON', () => {
  it('passes when it is the version in force', () => {
    const result = checkDefinition(JSON.stringify(htx), 'HTX');
    expect(result.ok).toBe(true);
  });

  it('names where each mistake is, in Vietnamese', () => {
    expect(checkDefinition('{ "sections": [', 'HTX')).toMatchObject({ ok: false, errors: [expect.stringContaining('Không đọc được JSON')] });
    const broken = structuredClone(htx);
    broken.sections[1]!.fields[0]!.key = broken.sections[0]!.fields[0]!.key;
    const duplicate = checkDefinition(JSON.stringify(broken), 'HTX');
    expect(duplicate.ok).toBe(false);
    if (!duplicate.ok) expect(duplicate.errors.join('\n')).toMatch(/Phần 2 \(\w+\), trường 1 \(membersOfficial\).*trùng mã/);
    const wrongCheck = structuredClone(htx);
    wrongCheck.checks.push({ kind: 'lte', field: 'workersMembers', than: 'nobody', message: 'Không hợp lệ' });
    const check = checkDefinition(JSON.stringify(wrongCheck), 'HTX');
    if (check.ok) throw new Error('a check naming an unknown field passed');
    expect(check.errors.join('\n')).toContain('"nobody" không có trong biểu mẫu');
    expect(checkDefinition(JSON.stringify(htx), 'THT')).toMatchObject({ ok: false, errors: [expect.stringContaining('"kind" phải là THT')] });
  });
});
