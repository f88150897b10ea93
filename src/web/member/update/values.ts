/**
 * What the manager typed ↔ the values the server stores: numbers typed the Vietnamese way ("1.300.000",
 * "12,5") become JSON numbers; text stays text; a choice its value; yes/no a boolean.
 */
import { count as formatCount } from '../../format.ts';
import { parseVietnameseNumber } from '../../../shared/numbers.ts';
import type { Typed } from './draftStore.ts';
import type { FieldValue, FormDefinition, FormField, UpdateValues } from './types.ts';

export const NUMERIC_TYPES = new Set(['integer', 'money', 'percent']);

export const UNIT_LABELS: Record<string, string> = { VND: 'đồng', người: 'người', '%': '%' };

/** A number as it is read here: 1300000 → "1.300.000", 12.5 → "12,5". */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return formatCount(value);
  const [whole, fraction] = String(value).split('.');
  return `${formatCount(Number(whole))},${fraction}`;
}

/** A stored value as the form shows it. */
export function typedOf(field: FormField, value: FieldValue | undefined): string | boolean | null {
  if (value === undefined || value === null) return NUMERIC_TYPES.has(field.type) || field.type === 'text' ? '' : null;
  if (typeof value === 'number') return formatNumber(value);
  return value;
}

export function typedFromValues(definition: FormDefinition, values: UpdateValues): Typed {
  const typed: Typed = {};
  for (const section of definition.sections) for (const field of section.fields) typed[field.key] = typedOf(field, values[field.key]);
  return typed;
}

/** Reads what was typed: the values to send, and the fields whose text is not a number (with the reason). */
export function valuesFromTyped(definition: FormDefinition, typed: Typed): { values: UpdateValues; unreadable: Record<string, string> } {
  const values: UpdateValues = {};
  const unreadable: Record<string, string> = {};
  for (const section of definition.sections) {
    for (const field of section.fields) {
      const raw = typed[field.key];
      if (raw === undefined || raw === null || raw === '') {
        values[field.key] = null;
      } else if (NUMERIC_TYPES.has(field.type)) {
        const parsed = parseVietnameseNumber(String(raw));
        if (parsed === undefined) values[field.key] = null;
        else if (parsed.ok) values[field.key] = parsed.value;
        else unreadable[field.key] = `${field.label.vi}: ${parsed.reason}.`;
      } else {
        values[field.key] = raw;
      }
    }
  }
  return { values, unreadable };
}

/** "1300000" typed → "1.300.000" shown once the field is left; text that is not a number stays as typed. */
export function tidyNumber(text: string): string {
  const parsed = parseVietnameseNumber(text);
  return parsed?.ok ? formatNumber(parsed.value) : text;
}
