// The annual update's form as data (decision 007): sections, fields with their types and units, and cross-field
// checks written as data (no code), so that staff publish next year's version without a release. The same
// validator checks a draft (types and ranges of what is there) and a submission (everything, required fields and
// cross-field checks), and names each field by its Vietnamese label.
import { z } from 'zod';
import { formatCount } from '../../../shared/format.ts';

/** 1300000 → "1.300.000", 12.5 → "12,5". */
const formatNumberVi = (n: number) => (Number.isInteger(n) ? formatCount(n) : String(n).replace('.', ','));

export const UPDATE_KINDS = ['THT', 'HTX', 'LHHTX'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

export const FIELD_TYPES = ['integer', 'money', 'percent', 'text', 'choice', 'boolean'] as const;
export const UNITS = ['VND', 'người', '%'] as const;

const Key = z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/, 'Mã trường chỉ gồm chữ và số, bắt đầu bằng chữ thường');
const Text = z.object({ vi: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
const Bound = z.number().refine(Number.isFinite).refine((n) => Math.abs(n) <= Number.MAX_SAFE_INTEGER, 'Giới hạn vượt quá số nguyên an toàn');

export const FormField = z.object({
  key: Key,
  label: Text,
  type: z.enum(FIELD_TYPES),
  unit: z.enum(UNITS).nullable(),
  required: z.boolean(),
  min: Bound.optional(),
  max: Bound.optional(),
  maxLength: z.number().int().min(1).max(10_000).optional(),
  help: Text.optional(),
  choices: z.array(z.object({ value: z.string().min(1).max(64), label: Text })).min(2).max(50).optional(),
});
export type FormField = z.infer<typeof FormField>;

export const FormSection = z.object({ key: Key, title: Text, fields: z.array(FormField).min(1).max(100) });
export type FormSection = z.infer<typeof FormSection>;

/** Cross-field checks: `sum` — the fields add up to `equals`; `lte` — `field` is at most `than`. */
export const FormCheck = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sum'), fields: z.array(Key).min(2).max(20), equals: Key, message: z.string().trim().min(1).max(300) }),
  z.object({ kind: z.literal('lte'), field: Key, than: Key, message: z.string().trim().min(1).max(300) }),
]);
export type FormCheck = z.infer<typeof FormCheck>;

const NUMERIC = new Set(['integer', 'money', 'percent']);

export const FormDefinition = z
  .object({
    kind: z.enum(UPDATE_KINDS),
    title: Text,
    sections: z.array(FormSection).min(1).max(30),
    checks: z.array(FormCheck).max(100),
  })
  .superRefine((def, ctx) => {
    const fields = new Map<string, FormField>();
    const sectionKeys = new Set<string>();
    def.sections.forEach((section, s) => {
      if (sectionKeys.has(section.key)) ctx.addIssue({ code: 'custom', path: ['sections', s, 'key'], message: `Mục "${section.key}" trùng mã` });
      sectionKeys.add(section.key);
      section.fields.forEach((field, f) => {
        const path = ['sections', s, 'fields', f];
        if (fields.has(field.key)) ctx.addIssue({ code: 'custom', path: [...path, 'key'], message: `Trường "${field.key}" trùng mã` });
        fields.set(field.key, field);
        if (field.type === 'choice' && !field.choices?.length) ctx.addIssue({ code: 'custom', path: [...path, 'choices'], message: `Trường "${field.label.vi}" cần danh sách lựa chọn` });
        if (field.type !== 'choice' && field.choices) ctx.addIssue({ code: 'custom', path: [...path, 'choices'], message: `Chỉ trường lựa chọn mới có danh sách lựa chọn ("${field.label.vi}")` });
        if (field.min !== undefined && field.max !== undefined && field.min > field.max) ctx.addIssue({ code: 'custom', path: [...path, 'min'], message: `Trường "${field.label.vi}": giá trị nhỏ nhất lớn hơn giá trị lớn nhất` });
        if ((field.min !== undefined || field.max !== undefined) && !NUMERIC.has(field.type)) ctx.addIssue({ code: 'custom', path: [...path, 'min'], message: `Trường "${field.label.vi}" không phải số nên không có giới hạn` });
      });
    });
    def.checks.forEach((check, c) => {
      const keys = check.kind === 'sum' ? [...check.fields, check.equals] : [check.field, check.than];
      for (const key of keys) {
        const field = fields.get(key);
        if (!field) ctx.addIssue({ code: 'custom', path: ['checks', c], message: `Phép kiểm tra nhắc đến trường "${key}" không có trong biểu mẫu` });
        else if (!NUMERIC.has(field.type)) ctx.addIssue({ code: 'custom', path: ['checks', c], message: `Phép kiểm tra chỉ áp dụng cho trường số ("${field.label.vi}")` });
      }
    });
  });
export type FormDefinition = z.infer<typeof FormDefinition>;

export type FieldValue = number | string | boolean | null;
export type UpdateValues = Record<string, FieldValue>;
export type FieldError = { field: string; message: string };
export type Validation = { ok: boolean; errors: FieldError[]; values: UpdateValues };

/** Every field of a definition, in the order of its sections. */
export function formFields(definition: FormDefinition): FormField[] {
  return definition.sections.flatMap((s) => s.fields);
}

const isNumber = (v: FieldValue | undefined): v is number => typeof v === 'number';

/**
 * Checks values against a definition. A draft: unknown fields and values of the wrong type or out of range are
 * refused, empty ones are fine. A submission (`forSubmit`): required fields too, and the cross-field checks.
 * Errors name the field by its Vietnamese label; `values` is the cleaned copy (text trimmed, '' as null).
 */
export function validate(definition: FormDefinition, input: Record<string, unknown>, { forSubmit }: { forSubmit: boolean }): Validation {
  const fields = new Map(formFields(definition).map((f) => [f.key, f]));
  const errors: FieldError[] = [];
  const values: UpdateValues = {};
  for (const key of Object.keys(input)) {
    if (!fields.has(key)) errors.push({ field: key, message: `Trường "${key}" không có trong biểu mẫu này; hãy tải lại biểu mẫu.` });
  }
  for (const field of fields.values()) {
    const raw = input[field.key];
    const checked = checkValue(field, raw === undefined ? null : raw);
    if ('error' in checked) {
      errors.push({ field: field.key, message: `${field.label.vi}: ${checked.error}` });
      continue;
    }
    values[field.key] = checked.value;
    if (forSubmit && field.required && checked.value === null) errors.push({ field: field.key, message: `${field.label.vi}: chưa nhập (bắt buộc).` });
  }
  if (forSubmit) {
    const failed = new Set(errors.map((e) => e.field));
    for (const check of definition.checks) {
      const keys = check.kind === 'sum' ? [...check.fields, check.equals] : [check.field, check.than];
      if (keys.some((k) => failed.has(k))) continue;
      const error = crossFieldError(check, values, fields);
      if (error) errors.push(error);
    }
  }
  return { ok: errors.length === 0, errors, values };
}

function crossFieldError(check: FormCheck, values: UpdateValues, fields: Map<string, FormField>): FieldError | null {
  const label = (key: string) => fields.get(key)?.label.vi ?? key;
  if (check.kind === 'sum') {
    // Blank parts of a sum count as 0 only when the total is given; a blank total with parts is for `required`.
    const total = values[check.equals];
    if (!isNumber(total)) return null;
    const parts = check.fields.map((k) => values[k]);
    if (parts.every((p) => !isNumber(p))) return null;
    const sum = parts.reduce<number>((acc, p) => acc + (isNumber(p) ? p : 0), 0);
    if (sum === total) return null;
    const names = check.fields.map(label).join(' + ');
    return { field: check.equals, message: `${label(check.equals)}: ${check.message} (${names} = ${formatNumberVi(sum)}, khác ${formatNumberVi(total)}).` };
  }
  const a = values[check.field];
  const b = values[check.than];
  if (!isNumber(a) || !isNumber(b) || a <= b) return null;
  return { field: check.field, message: `${label(check.field)}: ${check.message} (${formatNumberVi(a)} > ${formatNumberVi(b)} của "${label(check.than)}").` };
}

function checkValue(field: FormField, raw: unknown): { value: FieldValue } | { error: string } {
  if (raw === null || raw === '') return { value: null };
  switch (field.type) {
    case 'integer':
    case 'money':
    case 'percent': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return { error: 'phải là một số.' };
      if (Math.abs(raw) > Number.MAX_SAFE_INTEGER) return { error: `số quá lớn (tối đa ${formatNumberVi(Number.MAX_SAFE_INTEGER)}).` };
      if (field.type !== 'percent' && !Number.isInteger(raw)) {
        return { error: field.type === 'money' ? 'phải là số đồng chẵn, không có phần lẻ.' : 'phải là số nguyên.' };
      }
      const min = field.min ?? 0;
      const max = field.max ?? (field.type === 'percent' ? 100 : Number.MAX_SAFE_INTEGER);
      if (raw < min) return { error: min === 0 ? 'không được là số âm.' : `không được nhỏ hơn ${formatNumberVi(min)}.` };
      if (raw > max) return { error: `không được lớn hơn ${formatNumberVi(max)}.` };
      return { value: raw };
    }
    case 'text': {
      if (typeof raw !== 'string') return { error: 'phải là chữ.' };
      const text = raw.normalize('NFC').trim();
      const maxLength = field.maxLength ?? 2000;
      if (text.length > maxLength) return { error: `dài quá ${formatNumberVi(maxLength)} ký tự.` };
      return { value: text === '' ? null : text };
    }
    case 'choice': {
      if (typeof raw !== 'string' || !field.choices?.some((c) => c.value === raw)) {
        return { error: `chọn một trong: ${(field.choices ?? []).map((c) => c.label.vi).join(', ')}.` };
      }
      return { value: raw };
    }
    case 'boolean':
      if (typeof raw !== 'boolean') return { error: 'chọn Có hoặc Không.' };
      return { value: raw };
  }
}
