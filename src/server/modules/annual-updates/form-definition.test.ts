// The form definition as data and its validator: every check of the first versions, at its boundaries.
import { describe, expect, it } from 'vitest';
import { FormDefinition, formFields, validate, type FormDefinition as Definition } from './form-definition.ts';
import { builtInForm } from './forms/index.ts';
import { htxValues, thtValues } from './annual-updates.test-support.ts';

const htx = builtInForm('HTX');
const submit = (values: Record<string, unknown>, def: Definition = htx) => validate(def, values, { forSubmit: true });
const fieldsInError = (values: Record<string, unknown>, def: Definition = htx) => submit(values, def).errors.map((e) => e.field).sort();

describe('the first versions', () => {
  it('are valid definitions carrying the keys of decision 007', () => {
    const keys = formFields(htx).map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining([
      'membersOfficial', 'membersAssociatedCapital', 'membersAssociatedNoCapital', 'membersTotal', 'membersJoined', 'membersLeft', 'workers', 'workersMembers',
      'charterCapitalVnd', 'totalCapitalVnd', 'totalAssetsVnd', 'revenueVnd', 'revenueFromMembersVnd', 'profitBeforeTaxVnd', 'taxesPaidVnd', 'averageIncomeVnd',
      'managerTraining', 'valueChainEnterprise', 'valueChainProduct', 'ocopProducts', 'digitalWebsite', 'digitalEInvoice', 'digitalAccounting', 'digitalECommerce',
      'digitalTraceability', 'difficulties',
    ]));
    expect(keys).toHaveLength(26);
    expect(formFields(builtInForm('LHHTX')).map((f) => f.key).sort()).toEqual([...keys].sort());
    const tht = formFields(builtInForm('THT'));
    expect(tht.length).toBeLessThan(keys.length);
    expect(tht.map((f) => f.key)).not.toContain('membersOfficial');
    for (const def of [htx, builtInForm('LHHTX'), builtInForm('THT')]) expect(FormDefinition.safeParse(def).success).toBe(true);
  });

  it('accept a complete, consistent update', () => {
    expect(submit(htxValues())).toMatchObject({ ok: true, errors: [] });
    expect(submit(thtValues(), builtInForm('THT'))).toMatchObject({ ok: true, errors: [] });
  });

  it('say which unit each field is in', () => {
    const unit = (key: string) => formFields(htx).find((f) => f.key === key)!.unit;
    expect([unit('membersTotal'), unit('revenueVnd'), unit('digitalWebsite')]).toEqual(['người', 'VND', null]);
  });
});

describe('cross-field checks', () => {
  it('members by class add up to the total, exactly', () => {
    expect(fieldsInError(htxValues({ membersTotal: 49 }))).toEqual(['membersTotal']);
    expect(fieldsInError(htxValues({ membersTotal: 47 }))).toEqual(['membersTotal']);
    const message = submit(htxValues({ membersTotal: 49 })).errors[0]!.message;
    expect(message).toBe('Tổng số thành viên: phải bằng tổng thành viên chính thức và thành viên liên kết (Thành viên chính thức + Thành viên liên kết góp vốn + Thành viên liên kết không góp vốn = 48, khác 49).');
  });

  it('workers who are members ≤ workers and ≤ members (equal passes)', () => {
    expect(fieldsInError(htxValues({ workersMembers: 12 }))).toEqual([]);
    expect(fieldsInError(htxValues({ workersMembers: 13 }))).toEqual(['workersMembers']);
    expect(submit(htxValues({ workersMembers: 13 })).errors[0]!.message).toContain('Trong đó: lao động là thành viên: không được lớn hơn số lao động thường xuyên (13 > 12');
    expect(fieldsInError(htxValues({ workers: 60, workersMembers: 49 }))).toEqual(['workersMembers']);
  });

  it('revenue from members, profit and taxes ≤ revenue; total capital ≤ total assets', () => {
    expect(fieldsInError(htxValues({ revenueFromMembersVnd: 3_200_000_000 }))).toEqual([]);
    expect(fieldsInError(htxValues({ revenueFromMembersVnd: 3_200_000_001 }))).toEqual(['revenueFromMembersVnd']);
    expect(fieldsInError(htxValues({ profitBeforeTaxVnd: 3_200_000_001 }))).toEqual(['profitBeforeTaxVnd']);
    expect(fieldsInError(htxValues({ taxesPaidVnd: 3_200_000_001 }))).toEqual(['taxesPaidVnd']);
    expect(fieldsInError(htxValues({ totalCapitalVnd: 2_500_000_001 }))).toEqual(['totalCapitalVnd']);
    expect(submit(htxValues({ profitBeforeTaxVnd: 3_200_000_001 })).errors[0]!.message).toBe('Lợi nhuận trước thuế (đồng): không được lớn hơn doanh thu (3.200.000.001 > 3.200.000.000 của "Doanh thu (đồng)").');
  });

  it('a loss is a negative profit; a check is skipped when one of its fields is already wrong', () => {
    expect(fieldsInError(htxValues({ profitBeforeTaxVnd: -50_000_000 }))).toEqual([]);
    expect(fieldsInError(htxValues({ revenueVnd: 'nhiều', profitBeforeTaxVnd: 5 }))).toEqual(['revenueVnd']);
  });

  it('are not applied to a draft', () => {
    expect(validate(htx, { membersOfficial: 5, membersTotal: 1 }, { forSubmit: false })).toMatchObject({ ok: true });
  });
});

describe('values', () => {
  it('whole đồng only, up to the largest safe integer, never negative where meaningless', () => {
    expect(fieldsInError(htxValues({ charterCapitalVnd: 1.5 }))).toEqual(['charterCapitalVnd']);
    expect(submit(htxValues({ charterCapitalVnd: 1.5 })).errors[0]!.message).toBe('Vốn điều lệ (đồng): phải là số đồng chẵn, không có phần lẻ.');
    const big = htxValues({ totalAssetsVnd: Number.MAX_SAFE_INTEGER, totalCapitalVnd: Number.MAX_SAFE_INTEGER });
    expect(fieldsInError(big)).toEqual([]);
    expect(fieldsInError(htxValues({ totalAssetsVnd: Number.MAX_SAFE_INTEGER + 1 }))).toEqual(['totalAssetsVnd']);
    expect(fieldsInError(htxValues({ taxesPaidVnd: -1 }))).toEqual(['taxesPaidVnd']);
    expect(fieldsInError(htxValues({ workers: 0, workersMembers: 0 }))).toEqual([]);
    expect(fieldsInError(htxValues({ membersJoined: 2.5 }))).toEqual(['membersJoined']);
    expect(fieldsInError(htxValues({ ocopProducts: 1001 }))).toEqual(['ocopProducts']);
    expect(fieldsInError(htxValues({ ocopProducts: 1000 }))).toEqual([]);
  });

  it('required fields must be there to submit, not to save a draft', () => {
    const { revenueVnd: _r, ...withoutRevenue } = htxValues();
    expect(submit(withoutRevenue).errors).toEqual([{ field: 'revenueVnd', message: 'Doanh thu (đồng): chưa nhập (bắt buộc).' }]);
    expect(validate(htx, {}, { forSubmit: false }).ok).toBe(true);
    expect(fieldsInError(htxValues({ valueChainEnterprise: null, difficulties: '' }))).toEqual([]);
  });

  it('text is trimmed and limited; choices and yes/no are checked', () => {
    const cleaned = validate(htx, { difficulties: '  Thiếu vốn  ', valueChainProduct: '   ' }, { forSubmit: false }).values;
    expect(cleaned.difficulties).toBe('Thiếu vốn');
    expect(cleaned.valueChainProduct).toBeNull();
    expect(fieldsInError(htxValues({ difficulties: 'x'.repeat(4001) }))).toEqual(['difficulties']);
    expect(fieldsInError(htxValues({ difficulties: 'x'.repeat(4000) }))).toEqual([]);
    expect(fieldsInError(htxValues({ managerTraining: 'phd' }))).toEqual(['managerTraining']);
    expect(fieldsInError(htxValues({ digitalWebsite: 1 }))).toEqual(['digitalWebsite']);
    expect(fieldsInError(htxValues({ unknownField: 3 }))).toEqual(['unknownField']);
  });

  it('percent fields: decimals allowed, 0 to 100 unless told', () => {
    const def = FormDefinition.parse({ ...structuredClone(htx), sections: [{ key: 's', title: { vi: 'Mục', en: 'Part' }, fields: [{ key: 'share', label: { vi: 'Tỷ lệ', en: 'Share' }, type: 'percent', unit: '%', required: true }] }], checks: [] });
    expect(submit({ share: 12.5 }, def).ok).toBe(true);
    expect(submit({ share: 100 }, def).ok).toBe(true);
    expect(submit({ share: 100.01 }, def).errors[0]!.message).toBe('Tỷ lệ: không được lớn hơn 100.');
  });
});

describe('a definition', () => {
  const base = () => structuredClone(htx) as Definition;
  it('refuses a check naming a field it does not have, or a text field', () => {
    const bad = base();
    bad.checks.push({ kind: 'lte', field: 'workers', than: 'nothing', message: 'x' });
    expect(FormDefinition.safeParse(bad).error?.issues[0]?.message).toContain('"nothing" không có trong biểu mẫu');
    const text = base();
    text.checks.push({ kind: 'lte', field: 'difficulties', than: 'workers', message: 'x' });
    expect(FormDefinition.safeParse(text).success).toBe(false);
  });

  it('refuses duplicate keys, a choice without choices, min above max', () => {
    const dup = base();
    dup.sections[1]!.fields.push({ ...dup.sections[0]!.fields[0]! });
    expect(FormDefinition.safeParse(dup).error?.issues[0]?.message).toContain('trùng mã');
    const choice = base();
    choice.sections[4]!.fields[0] = { ...choice.sections[4]!.fields[0]!, choices: undefined };
    expect(FormDefinition.safeParse(choice).success).toBe(false);
    const range = base();
    range.sections[0]!.fields[0] = { ...range.sections[0]!.fields[0]!, min: 10, max: 5 };
    expect(FormDefinition.safeParse(range).success).toBe(false);
  });

  it('holds no code: unknown check kinds are refused', () => {
    const bad = base() as unknown as { checks: unknown[] };
    bad.checks.push({ kind: 'script', code: 'return true' });
    expect(FormDefinition.safeParse(bad).success).toBe(false);
  });
});
