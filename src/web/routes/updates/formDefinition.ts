/**
 * The annual update's form as these pages read it (sections of fields with a type and a unit), how a value is
 * written for people, what changed since last year, and the checks of a definition typed as JSON before it is
 * published (the server checks it again).
 */
import { FormDefinition as FormDefinitionSchema, type FormDefinition, type FormField, type FormSection } from '../../../server/modules/annual-updates/form-definition.ts';
import { formatCount, formatVnd } from '../../../shared/format.ts';

export type { FormDefinition, FormField, FormSection };
export type Value = number | string | boolean | null | undefined;
export type Lang = 'vi' | 'en';
type Words = { yes: string; no: string; people: string; none: string };

/** The field's unit as these pages name it. */
export function unitOf(field: FormField): 'vnd' | 'people' | 'percent' | null {
  if (field.unit === 'VND' || field.type === 'money') return 'vnd';
  if (field.unit === 'người') return 'people';
  if (field.unit === '%' || field.type === 'percent') return 'percent';
  return null;
}

/** A label of the form ({vi, en}) in the reader's language. */
export const textIn = (text: { vi: string; en: string }, lang: Lang) => (lang === 'en' ? text.en : text.vi);

/** A value written for people: "1.300.000 đ", "25 người", "12,5%", "Có" / "Không", a choice by its label. */
export function formatValue(field: FormField, value: Value, words: Words, lang: Lang = 'vi'): string {
  if (value === null || value === undefined || value === '') return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') {
    const unit = unitOf(field);
    if (unit === 'vnd') return formatVnd(BigInt(Math.trunc(value)));
    if (unit === 'percent') return `${String(value).replace('.', ',')}%`;
    const text = Number.isInteger(value) ? formatCount(value) : String(value).replace('.', ',');
    return unit === 'people' ? `${text} ${words.people}` : text;
  }
  const choice = field.choices?.find((c) => c.value === value);
  return choice ? textIn(choice.label, lang) : String(value);
}

export type Difference = { changed: boolean; delta: number | null; percent: number | null };

/** How this year's value differs from last year's accepted one (numbers: by how much). */
export function difference(current: Value, previous: Value): Difference {
  const empty = (v: Value) => v === null || v === undefined || v === '';
  if (empty(current) && empty(previous)) return { changed: false, delta: null, percent: null };
  if (typeof current === 'number' && typeof previous === 'number') {
    const delta = current - previous;
    const percent = previous === 0 ? null : Math.round((delta / Math.abs(previous)) * 1000) / 10;
    return { changed: delta !== 0, delta, percent };
  }
  return { changed: previous === undefined ? !empty(current) : current !== previous, delta: null, percent: null };
}

/** "+1.200.000 đ (+12,5%)" for a changed number. */
export function formatDelta(field: FormField, d: Difference, words: Words): string {
  if (d.delta === null || d.delta === 0) return '';
  const sign = d.delta > 0 ? '+' : '−';
  const amount = formatValue(field, Math.abs(d.delta), words);
  const percent = d.percent === null ? '' : ` (${sign}${String(Math.abs(d.percent)).replace('.', ',')}%)`;
  return `${sign}${amount}${percent}`;
}

/** Every field of the form in its order, with its section. */
export function fieldsOf(definition: FormDefinition): { section: FormSection; field: FormField }[] {
  return (definition.sections ?? []).flatMap((section) => (section.fields ?? []).map((field) => ({ section, field })));
}

export type DefinitionCheck = { ok: true; definition: FormDefinition } | { ok: false; errors: string[] };

/**
 * Parses a definition typed as JSON and checks it with the server's own schema, so that what passes here is
 * what the server accepts; each error says where (section, field) in Vietnamese.
 */
export function checkDefinition(text: string, kind: string): DefinitionCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`Không đọc được JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = FormDefinitionSchema.safeParse(parsed);
  if (!result.success) return { ok: false, errors: result.error.issues.slice(0, 20).map((issue) => `${whereIn(parsed, issue.path)}: ${issue.message}`) };
  if (result.data.kind !== kind) return { ok: false, errors: [`"kind" phải là ${kind} (mẫu biểu của loại hình này), không phải ${result.data.kind}.`] };
  return { ok: true, definition: result.data };
}

/** "Phần 2 (members), trường 3 (workers), \"label.vi\"" from a zod path. */
function whereIn(root: unknown, path: readonly PropertyKey[]): string {
  const LISTS: Record<string, string> = { sections: 'Phần', fields: 'trường', checks: 'phép kiểm tra', choices: 'lựa chọn' };
  const parts: string[] = [];
  let node: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const list = LISTS[String(path[i - 1])];
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[step as string] : undefined;
    if (typeof step === 'number' && list) {
      const key = node && typeof node === 'object' && 'key' in node ? ` (${String((node as { key: unknown }).key)})` : '';
      parts.push(`${list} ${step + 1}${key}`);
    } else if (!(String(step) in LISTS)) {
      parts.push(`"${path.slice(i).map(String).join('.')}"`);
      break;
    }
  }
  return parts.length ? parts.join(', ') : 'Mẫu biểu';
}
