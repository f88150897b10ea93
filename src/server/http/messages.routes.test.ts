/**
 * No key or column name in anything a person reads: bad bodies sent to every POST/PATCH/PUT route (built from
 * each route's own schema in the OpenAPI document: everything missing, every field of the wrong type, every
 * field out of its bounds), a few domain refusals, and every value of the web app's dictionaries. A message
 * may name a field only by its label; never `paidOn`, `name_order`, nor zod's "expected string, received NaN".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../web/i18n/en.ts';
import { vi } from '../../web/i18n/vi.ts';
import { FIELD_LABELS } from '../../shared/field-labels.ts';
import { systemActor } from '../modules/accounts/roles.ts';
import { createOrganisation } from '../modules/cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../modules/demo/factories.ts';
import { disbursedLoan, issueRules } from '../modules/loans/loans.test-support.ts';
import { createTestApp, TENANT, type TestApp } from '../../test/harness.ts';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: string;
};
type Operation = { requestBody?: { content: Record<string, { schema: JsonSchema }> } };

/** An identifier as code writes it: camelCase, snake_case, or a dotted key ("loan.applied"). */
const IDENTIFIER = /\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b[a-z]+\.[a-z]+(?:\.[a-z_]+)+\b/;
/** Words of a schema library or a stack trace, in English, that no Vietnamese message uses. */
const TECHNICAL = /\b(expected|received|Invalid|invalid input|undefined|NaN|null|string|number|boolean|object|array|instanceof|Required|too_small|too_big|enum)\b/;
// Field keys that are also plain words of a message ("email", "body" of a letter) are not taken for keys.
const KEYS = Object.keys(FIELD_LABELS).filter((key) => /[A-Z_]/.test(key));

function problemsOf(text: string): string[] {
  const problems: string[] = [];
  const identifier = text.match(IDENTIFIER);
  if (identifier) problems.push(`identifier "${identifier[0]}"`);
  const technical = text.match(TECHNICAL);
  if (technical) problems.push(`technical word "${technical[0]}"`);
  for (const key of KEYS) if (new RegExp(`\\b${key}\\b`).test(text)) problems.push(`key "${key}"`);
  return problems;
}

/** The first concrete type of a schema (zod's nullable/optional fields come as anyOf). */
function typeOf(schema: JsonSchema): string | undefined {
  if (schema.anyOf) return schema.anyOf.map(typeOf).find((t) => t && t !== 'null');
  return [schema.type].flat().find((t) => t && t !== 'null');
}

/** A value of the wrong type for a field. */
function wrongType(schema: JsonSchema): unknown {
  const type = typeOf(schema);
  if (type === 'string') return 12345;
  if (type === 'number' || type === 'integer') return 'mười hai';
  if (type === 'boolean') return 'có';
  if (type === 'array') return 'một';
  return 7;
}

/** A value of the right type but outside the field's bounds, when it has any. */
function outOfBounds(schema: JsonSchema): unknown {
  const concrete = schema.anyOf?.find((s) => typeOf(s) && typeOf(s) !== 'null') ?? schema;
  if (concrete.enum) return 'khong-co-gia-tri-nay';
  const type = typeOf(concrete);
  if (type === 'string') {
    if (concrete.maxLength !== undefined) return 'x'.repeat(concrete.maxLength + 1);
    if (concrete.format || concrete.pattern) return 'không đúng dạng';
    return undefined;
  }
  if (type === 'number' || type === 'integer') {
    if (concrete.maximum !== undefined) return concrete.maximum + 1;
    if (concrete.minimum !== undefined) return concrete.minimum - 1;
    return 1.5;
  }
  if (type === 'array') return [wrongType(concrete.items ?? {})];
  return undefined;
}

/** The bad bodies of one route: empty, then for each field one of the wrong type and one out of bounds. */
function badBodies(schema: JsonSchema): Array<{ what: string; body: unknown }> {
  const bodies: Array<{ what: string; body: unknown }> = [{ what: 'empty', body: {} }, { what: 'an array', body: [] }];
  for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
    bodies.push({ what: `${field} of the wrong type`, body: { [field]: wrongType(fieldSchema) } });
    const out = outOfBounds(fieldSchema);
    if (out !== undefined) bodies.push({ what: `${field} out of bounds`, body: { [field]: out } });
  }
  return bodies;
}

let t: TestApp;
let cookie: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  cookie = (await t.signIn('alliance_admin')).cookie;
  const db = t.database.db;
  const org = await createOrganisation(db, { actor: systemActor(TENANT), input: buildOrganisation({ registrationNumber: null, foundedOn: '2010-01-01' }) });
  await issueRules(db);
  const appraiser = (await t.signIn('fund_officer')).actor;
  const approver = (await t.signIn('alliance_admin')).actor;
  const loan = await disbursedLoan(db, { organisationId: org.id, amountVnd: '30000000', termMonths: 3, disbursedOn: '2024-06-10', appraiser, approver });
  ids.cooperatives = org.id;
  ids.loans = loan.id;
});
afterAll(() => t.close());

/** A path with its parameters filled: the fixture's ids where the route family has one, else a fresh uuid. */
function fill(path: string): string {
  const family = path.split('/')[2] ?? '';
  return path
    .replace(/\{year\}|:year/g, '2023')
    .replace(/\{id\}|:id/g, ids[family] ?? '00000000-0000-4000-8000-000000000000')
    .replace(/\{\w+\}|:\w+/g, '00000000-0000-4000-8000-000000000000');
}

describe('no key or column name in any message', () => {
  it('the check itself: the messages issue 12 found are caught, plain Vietnamese passes', () => {
    expect(problemsOf('Ngày trả (paidOn) phải sau ngày giải ngân.')).not.toEqual([]);
    expect(problemsOf('Quá lớn: mong đợi string có <=300 ký tự')).not.toEqual([]);
    expect(problemsOf('Invalid input: expected number, received NaN')).not.toEqual([]);
    expect(problemsOf('nameKey hop tac xa')).not.toEqual([]);
    expect(problemsOf('Cột name_order không hợp lệ')).not.toEqual([]);
    expect(problemsOf('Ngày trả phải sau ngày giải ngân (10/06/2024).')).toEqual([]);
    expect(problemsOf('Tên tổ chức quá dài (tối đa 300 ký tự).')).toEqual([]);
  });

  it('bad bodies on every POST/PATCH/PUT route are answered in words, never keys', async () => {
    const doc = (t.app as unknown as { swagger(): { paths: Record<string, Record<string, Operation>> } }).swagger();
    const failures: string[] = [];
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!['post', 'patch', 'put'].includes(method)) continue;
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        for (const { what, body } of badBodies(schema)) {
          const res = await t.request({ method: method.toUpperCase() as 'POST', url: fill(path), cookie, payload: body as object });
          if (res.statusCode >= 500) failures.push(`${method.toUpperCase()} ${path} (${what}): ${res.statusCode}`);
          if (res.statusCode < 400) continue;
          checked++;
          const message = String((res.json() as { message?: unknown }).message ?? '');
          if (!message.trim()) failures.push(`${method.toUpperCase()} ${path} (${what}): no message`);
          for (const problem of problemsOf(message)) failures.push(`${method.toUpperCase()} ${path} (${what}): ${problem} in "${message}"`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('domain refusals name dates and fields in words', async () => {
    const refusals = [
      // The day before the disbursement: a repayment cannot come before it.
      { url: `/api/loans/${ids.loans}/payments`, payload: { paidOn: '2024-06-09', amountVnd: '1000', idempotencyKey: 'thong-bao-0001' } },
      { url: `/api/loans/${ids.loans}/payments`, payload: { paidOn: '2023-01-01', amountVnd: '1000', idempotencyKey: 'thong-bao-0002' } },
      { url: `/api/loans/${ids.loans}/reschedule`, payload: { effectiveOn: '2024-06-01', newTermMonths: 2, decisionNumber: '1/QĐ', reason: 'Thử' } },
      { url: '/api/loans', payload: { organisationId: ids.cooperatives, purpose: 'Thử', amountVnd: '900000000000', termMonths: 3, method: 'bullet' } },
    ];
    for (const r of refusals) {
      const res = await t.request({ method: 'POST', url: r.url, cookie, payload: r.payload });
      expect(res.statusCode, `${r.url}: ${res.body}`).toBeGreaterThanOrEqual(400);
      const { message } = res.json() as { message: string };
      expect(problemsOf(message), `${r.url}: ${message}`).toEqual([]);
      // Dates the way people write them, not ISO.
      expect(message, r.url).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    }
  });

  it('the web app’s dictionaries hold words, not keys', () => {
    const failures: string[] = [];
    for (const [lang, dictionary] of [['vi', vi], ['en', en]] as const) {
      for (const [key, value] of Object.entries(dictionary)) {
        const text = value.replace(/\{\w+\}/g, '');
        const problems = problemsOf(text).filter((p) => lang === 'vi' || !p.startsWith('technical word'));
        for (const problem of problems) failures.push(`${lang} ${key}: ${problem} in "${value}"`);
      }
    }
    expect(failures).toEqual([]);
  });
});
