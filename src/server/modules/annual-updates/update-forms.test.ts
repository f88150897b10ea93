// Forms per alliance and year: made on first need from the latest earlier year (else the built-in first version),
// published by the alliance's administrator; a submitted update keeps its form, drafts move to the new one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, type TestApp } from '../../../test/harness.ts';
import type { FormDefinition } from './form-definition.ts';
import { builtInForm } from './forms/index.ts';
import { createUpdatingOrganisation, htxValues } from './annual-updates.test-support.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let drafting: { id: string };
let filed: { id: string };
let filedFormId: string;

/** The HTX form with one more required field in the last section. */
function withExtraField(): FormDefinition {
  const def = builtInForm('HTX');
  def.sections.at(-1)!.fields.push({ key: 'trainingCourses', label: { vi: 'Số khóa đào tạo đã tham gia', en: 'Training courses attended' }, type: 'integer', unit: null, required: true });
  return def;
}

beforeAll(async () => {
  t = await createTestApp();
  drafting = await createUpdatingOrganisation(t.database.db, { name: 'Hợp tác xã Nhãn Tân Dĩnh' });
  filed = await createUpdatingOrganisation(t.database.db, { name: 'Hợp tác xã Gạo Tân Dĩnh' });
  cookies.admin = (await t.signIn('alliance_admin')).cookie;
  cookies.staff = (await t.signIn('alliance_staff')).cookie;
  cookies.otherAdmin = (await t.signIn('alliance_admin', { tenantId: OTHER_TENANT })).cookie;
});
afterAll(() => t.close());

const forms = async (year: number, cookie = cookies.staff) => (await t.request({ url: `/api/annual-updates/forms?year=${year}`, cookie })).json();
const publish = (payload: object, cookie = cookies.admin) => t.request({ method: 'POST', url: '/api/annual-updates/forms', cookie, payload });

describe('forms of a year', () => {
  it('show the built-in first version of each kind until a year is used, writing nothing', async () => {
    const body = await forms(2026);
    expect(body.forms.map((f: { kind: string }) => f.kind)).toEqual(['THT', 'HTX', 'LHHTX']);
    for (const f of body.forms) expect(f).toMatchObject({ current: { id: null, version: 1 }, versions: [] });
    expect(body.forms[1].current.definition).toEqual(builtInForm('HTX'));
  });

  it('store version 1 the first time an update needs it', async () => {
    await t.request({ method: 'PUT', url: `/api/annual-updates/organisations/${drafting.id}/2026/draft`, cookie: cookies.staff, payload: { values: { workers: 5 }, draftVersion: 0 } });
    const res = await t.request({ method: 'POST', url: `/api/annual-updates/organisations/${filed.id}/2026/submit`, cookie: cookies.staff, payload: { values: htxValues(), submitKey: 'forms-filed-0001' } });
    filedFormId = res.json().update.formId;
    const htx = (await forms(2026)).forms[1];
    expect(htx.current).toMatchObject({ id: filedFormId, version: 1 });
    expect(htx.versions).toHaveLength(1);
  });
});

describe('publishing a version', () => {
  it('is the administrator’s: staff and another alliance’s administrator cannot touch this one', async () => {
    expect((await publish({ year: 2026, kind: 'HTX', definition: withExtraField() }, cookies.staff)).statusCode).toBe(403);
    const other = await publish({ year: 2026, kind: 'HTX', definition: withExtraField() }, cookies.otherAdmin);
    expect(other.statusCode).toBe(201);
    expect((await forms(2026)).forms[1].versions).toHaveLength(1);
  });

  it('refuses a definition that is not valid, saying where', async () => {
    const broken = withExtraField();
    broken.checks.push({ kind: 'lte', field: 'workers', than: 'salary', message: 'x' });
    const res = await publish({ year: 2026, kind: 'HTX', definition: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Biểu mẫu không hợp lệ: Phép kiểm tra nhắc đến trường "salary" không có trong biểu mẫu');
    const wrongKind = await publish({ year: 2026, kind: 'THT', definition: withExtraField() });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().message).toContain('loại HTX, không phải THT');
    const notAForm = await publish({ year: 2026, kind: 'HTX', definition: 'biểu mẫu' });
    expect(notAForm.statusCode).toBe(400);
  });

  it('moves drafts to the new version; a submitted update keeps the one it was filed on', async () => {
    const res = await publish({ year: 2026, kind: 'HTX', definition: withExtraField() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ form: { year: 2026, kind: 'HTX', version: 2, publishedBy: expect.stringContaining('alliance_admin') }, draftsMoved: 1 });
    const v2 = res.json().form.id;
    const draft = (await t.request({ url: `/api/annual-updates/mine?year=2026&organisationId=${drafting.id}`, cookie: cookies.staff })).json();
    expect(draft.update.formId).toBe(v2);
    expect(draft.form.version).toBe(2);
    const kept = (await t.request({ url: `/api/annual-updates/mine?year=2026&organisationId=${filed.id}`, cookie: cookies.staff })).json();
    expect(kept.update.formId).toBe(filedFormId);
    expect(kept.form.version).toBe(1);
    // The draft is now checked against version 2: its new field is required.
    const submit = await t.request({ method: 'POST', url: `/api/annual-updates/organisations/${drafting.id}/2026/submit`, cookie: cookies.staff, payload: { values: htxValues(), submitKey: 'forms-v2-0002' } });
    expect(submit.statusCode).toBe(400);
    expect(submit.json().message).toBe('Số khóa đào tạo đã tham gia: chưa nhập (bắt buộc).');
    const ok = await t.request({ method: 'POST', url: `/api/annual-updates/organisations/${drafting.id}/2026/submit`, cookie: cookies.staff, payload: { values: htxValues({ trainingCourses: 2 }), submitKey: 'forms-v2-0003' } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('gives the next year the latest earlier version as its first', async () => {
    const next = (await forms(2027)).forms[1].current;
    expect(next).toMatchObject({ id: null, version: 1 });
    expect(next.definition).toEqual(withExtraField());
    await t.request({ method: 'PUT', url: `/api/annual-updates/organisations/${filed.id}/2027/draft`, cookie: cookies.staff, payload: { values: { trainingCourses: 1 }, draftVersion: 0 } });
    const stored = (await forms(2027)).forms[1];
    expect(stored.current).toMatchObject({ version: 1, definition: withExtraField() });
    expect(stored.current.id).not.toBeNull();
  });
});
