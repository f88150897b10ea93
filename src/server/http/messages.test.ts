/**
 * Messages name fields as users read them: every field of every route's body, query and path has a Vietnamese
 * label, and a validation error says the label, in plain Vietnamese, never the key or zod's technical words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_LABELS } from '../../shared/field-labels.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema | JsonSchema[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[] };

function keysOf(schema: JsonSchema | undefined, into: Set<string>): void {
  if (!schema || typeof schema !== 'object') return;
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    into.add(key);
    keysOf(value, into);
  }
  for (const child of [schema.items, schema.anyOf, schema.oneOf, schema.allOf].flat()) keysOf(child as JsonSchema, into);
}

describe('field labels', () => {
  it('every field a route reads has a Vietnamese label', () => {
    const doc = (t.app as unknown as { swagger(): { paths: Record<string, Record<string, { parameters?: Array<{ name: string }>; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> } }).swagger();
    const keys = new Set<string>();
    for (const operations of Object.values(doc.paths)) {
      for (const op of Object.values(operations)) {
        for (const p of op.parameters ?? []) keys.add(p.name);
        for (const content of Object.values(op.requestBody?.content ?? {})) keysOf(content.schema, keys);
      }
    }
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys].filter((k) => !FIELD_LABELS[k]);
    expect(missing).toEqual([]);
  });
});

describe('validation messages', () => {
  const bad: Array<{ url: string; method?: 'POST' | 'PATCH'; payload?: object; label: string }> = [
    { url: '/api/cooperatives?page=abc', label: 'Trang' },
    { url: '/api/cooperatives', method: 'POST', payload: { name: 'x'.repeat(400), kind: 'HTX' }, label: 'Tên' },
    { url: '/api/reports/annual?year=nam-ngoai', label: 'Năm' },
    { url: '/api/loans', method: 'POST', payload: { organisationId: 5 }, label: 'Tổ chức' },
  ];
  it('say the field by its label in plain Vietnamese, with no key and no technical word', async () => {
    const { cookie } = await t.signIn('alliance_admin');
    for (const b of bad) {
      const res = await t.request({ url: b.url, method: b.method ?? 'GET', payload: b.payload, cookie });
      expect(res.statusCode, `${b.url}: ${res.body}`).toBe(400);
      const { message } = res.json() as { message: string };
      expect(message, b.url).toContain(b.label);
      expect(message, b.url).not.toMatch(/\b(string|number|NaN|expected|received|Invalid|undefined|instanceof)\b/);
      for (const key of Object.keys(FIELD_LABELS)) if (key.length > 3) expect(message, `${b.url}: ${message}`).not.toMatch(new RegExp(`\\b${key}\\b`));
    }
  });
});
