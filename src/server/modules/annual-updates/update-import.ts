/**
 * The annual update's template filled in, imported (issue 13, "Excel both ways"): each filled row becomes a
 * submitted update of its organisation, channel 'excel', verified by staff like any other. Row by row, a report
 * says what did not land and why: a registration number the alliance does not have, an organisation not due this
 * year, text in a number column, a total that does not add up (the form's own validator), an update already
 * accepted or waiting for verification (never overwritten). The same file imported again files nothing twice:
 * a row's submit key is its organisation, year and values.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.ts';
import { parseVietnameseNumber } from '../../../shared/numbers.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { columnLetter, readXlsxSheets, type Cell, type GridRow } from '../imports/read-sheets.ts';
import { submitUpdateFor } from './annual-updates.filing.ts';
import { dueUpdates } from './compliance.ts';
import { requireUpdateStaff } from './compliance.policy.ts';
import { formFields, validate, type FieldValue, type FormDefinition, type FormField, type UpdateKind, type UpdateValues } from './form-definition.ts';
import { HEADER_ROW, ID_COLUMNS, KEY_ROW, MARKER, NO, YES } from './template.ts';
import { getFormById, resolveForm } from './update-forms.service.ts';

export type RejectedRow = { sheet: string; row: number; registrationNumber: string | null; name: string | null; reasons: string[] };

export type UpdateImportReport = {
  fileName: string;
  year: number;
  dryRun: boolean;
  /** Rows of organisations in the file (filled or not). */
  rowsInFile: number;
  /** Filed now (or, in a dry run, that would be). */
  submitted: number;
  /** Already filed from this same row before (the same values): nothing filed again. */
  unchanged: number;
  /** Rows with none of the form's columns filled: not an update. */
  blank: number;
  rejected: RejectedRow[];
};

type DueRow = { organisation_id: string; registration_number: string | null; name: string; kind: string; state: string; submit_key: string | null; form_id: string | null };
type Organisation = { id: string; name: string; registration_number: string | null; kind: string };

const text = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim());
const isBlank = (cell: Cell | undefined) => text(cell) === '';

/** A cell as the form's value of a field, or why it cannot be. */
export function cellValue(field: FormField, cell: Cell | undefined): { value: FieldValue } | { error: string } {
  if (isBlank(cell)) return { value: null };
  switch (field.type) {
    case 'integer':
    case 'money':
    case 'percent': {
      if (typeof cell === 'boolean' || cell instanceof Date) return { error: `không phải số ("${text(cell)}")` };
      const parsed = parseVietnameseNumber(cell);
      if (!parsed) return { value: null };
      if (!parsed.ok) return { error: parsed.reason };
      return { value: parsed.value };
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { value: cell };
      const key = searchKey(text(cell));
      if (['co', 'x', 'yes', 'true', '1'].includes(key)) return { value: true };
      if (['khong', 'no', 'false', '0'].includes(key)) return { value: false };
      return { error: `chọn "${YES}" hoặc "${NO}" (nhận được "${text(cell)}")` };
    }
    case 'choice': {
      const key = searchKey(text(cell));
      const choice = field.choices?.find((c) => searchKey(c.label.vi) === key || c.value === text(cell));
      return choice ? { value: choice.value } : { error: `chọn một trong: ${(field.choices ?? []).map((c) => c.label.vi).join(', ')} (nhận được "${text(cell)}")` };
    }
    case 'text':
      return { value: text(cell) };
  }
}

type TemplateSheet = { name: string; year: number; kind: UpdateKind; columns: Map<string, number>; rows: GridRow[] };

/** The template's sheets in a workbook: those whose hidden row names the year and kind. */
async function readTemplate(content: Buffer): Promise<TemplateSheet[]> {
  if (content.length === 0) throw new AppError('bad_request', 'Tệp rỗng (0 byte): hãy chọn lại tệp mẫu đã điền.');
  if (!content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new AppError('bad_request', 'Tệp không phải bảng tính .xlsx: hãy dùng tệp mẫu tải từ hệ thống (lệnh "coop updates template" hoặc nút "Tải mẫu Excel"), điền rồi lưu dạng .xlsx.');
  }
  const sheets: TemplateSheet[] = [];
  for (const sheet of await readXlsxSheets(content)) {
    const rows = sheet.rows();
    const keyRow = rows.find((r) => r.number === KEY_ROW);
    const marker = /^coop-annual-update:(\d{4}):(HTX|LHHTX|THT)$/.exec(text(keyRow?.cells[0]));
    if (!keyRow || !marker) continue;
    const columns = new Map<string, number>();
    keyRow.cells.forEach((cell, index) => {
      if (index > 0 && text(cell)) columns.set(text(cell), index);
    });
    sheets.push({ name: sheet.name, year: Number(marker[1]), kind: marker[2] as UpdateKind, columns, rows: rows.filter((r) => r.number > HEADER_ROW) });
  }
  if (!sheets.length) {
    throw new AppError('bad_request', `Không thấy trang nào của mẫu cập nhật thông tin (thiếu dòng ẩn "${MARKER}:…" ở dòng ${KEY_ROW}): hãy dùng tệp mẫu tải từ hệ thống, không chép dữ liệu sang tệp khác.`);
  }
  const years = [...new Set(sheets.map((s) => s.year))];
  if (years.length > 1) throw new AppError('bad_request', `Tệp có mẫu của nhiều năm (${years.join(', ')}): mỗi lần nhập một năm.`);
  return sheets;
}

const submitKeyOf = (organisationId: string, year: number, values: UpdateValues) =>
  `excel:${createHash('sha256').update(JSON.stringify([organisationId, year, Object.entries(values).sort(([a], [b]) => a.localeCompare(b))])).digest('base64url').slice(0, 32)}`;

/** The alliance's organisations by registration number and by id, and the year's due ones with their update. */
async function loadOrganisations(db: Db, tenantId: number, year: number) {
  const all = await queryRows<Organisation>(db, sql`select id::text as id, name, registration_number, kind from organisations where tenant_id = ${tenantId}`);
  const due = await queryRows<DueRow>(db, sql`
    select d.organisation_id::text as organisation_id, o.registration_number, o.name, d.kind, d.state, u.submit_key, u.form_id::text as form_id
    from (${dueUpdates({ scope: { kind: 'tenant', tenantId } }, year)}) d
    join organisations o on o.tenant_id = d.tenant_id and o.id = d.organisation_id
    left join annual_updates u on u.tenant_id = d.tenant_id and u.organisation_id = d.organisation_id and u.year = ${year}`);
  return {
    byNumber: new Map(all.filter((o) => o.registration_number).map((o) => [o.registration_number!.replace(/\s/g, ''), o])),
    byId: new Map(all.map((o) => [o.id, o])),
    due: new Map(due.map((d) => [d.organisation_id, d])),
  };
}

/**
 * Imports a filled template for an alliance (no access check: callers check it). A dry run reports what would
 * land and writes nothing.
 */
export async function importUpdates(
  db: Db,
  { actor, tenantId, fileName, content, dryRun }: { actor: Actor; tenantId: number; fileName: string; content: Buffer; dryRun: boolean },
): Promise<UpdateImportReport> {
  const sheets = await readTemplate(content);
  const year = sheets[0]!.year;
  const orgs = await loadOrganisations(db, tenantId, year);
  const report: UpdateImportReport = { fileName, year, dryRun, rowsInFile: 0, submitted: 0, unchanged: 0, blank: 0, rejected: [] };
  const seen = new Map<string, string>();
  const forms = new Map<string, FormDefinition>();
  const definitionOf = async (kind: UpdateKind, formId: string | null) => {
    const key = formId ?? `latest:${kind}`;
    if (!forms.has(key)) forms.set(key, (formId ? await getFormById(db, tenantId, formId) : await resolveForm(db, tenantId, year, kind)).definition);
    return forms.get(key)!;
  };

  for (const sheet of sheets) {
    const cellOf = (row: GridRow, key: string) => {
      const index = sheet.columns.get(key);
      return index === undefined ? undefined : row.cells[index];
    };
    for (const row of sheet.rows) {
      const number = text(cellOf(row, 'registrationNumber')).replace(/\s/g, '');
      const id = text(row.cells[sheet.columns.get('organisationId') ?? -1]);
      if (!number && !id && !text(cellOf(row, 'name'))) continue;
      report.rowsInFile += 1;
      const reject = (reasons: string[], name: string | null = text(cellOf(row, 'name')) || null) =>
        report.rejected.push({ sheet: sheet.name, row: row.number, registrationNumber: number || null, name, reasons });

      const organisation = number ? orgs.byNumber.get(number) : orgs.byId.get(id);
      if (!organisation) {
        reject([number ? `Mã số ${number} không có trong sổ đăng ký của Liên minh.` : `Dòng không có mã số tổ chức${id ? ', và mã nội bộ không phải của một tổ chức trong Liên minh' : ''}.`]);
        continue;
      }
      const due = orgs.due.get(organisation.id);
      const formKeys = [...sheet.columns.keys()].filter((k) => !ID_COLUMNS.some((c) => c.key === k));
      if (formKeys.every((k) => isBlank(cellOf(row, k)))) {
        report.blank += 1;
        continue;
      }
      if (!due) {
        reject([`${organisation.name} không thuộc diện cập nhật thông tin năm ${year} (chỉ HTX, liên hiệp HTX, tổ hợp tác thành lập trước 15/12/${year} và chưa giải thể).`], organisation.name);
        continue;
      }
      if (due.kind !== sheet.kind) {
        reject([`${organisation.name} là ${due.kind}: hãy nhập ở trang ${due.kind}, không phải trang ${sheet.kind}.`], organisation.name);
        continue;
      }
      const earlier = seen.get(organisation.id);
      if (earlier) {
        reject([`Trùng tổ chức với ${earlier}: chỉ nhập dòng đầu tiên.`], organisation.name);
        continue;
      }
      seen.set(organisation.id, `dòng ${row.number} trang ${sheet.name}`);

      const definition = await definitionOf(sheet.kind, due.form_id);
      const fields = formFields(definition);
      const reasons: string[] = [];
      const values: UpdateValues = {};
      for (const field of fields) {
        const index = sheet.columns.get(field.key);
        if (index === undefined) continue;
        const read = cellValue(field, row.cells[index]);
        if ('error' in read) reasons.push(`Cột "${field.label.vi}" (ô ${columnLetter(index + 1)}${row.number}): ${read.error}.`);
        else values[field.key] = read.value;
      }
      if (reasons.length) {
        reject(reasons, organisation.name);
        continue;
      }
      const full = validate(definition, values, { forSubmit: true });
      if (!full.ok) {
        reject(full.errors.map((e) => e.message), organisation.name);
        continue;
      }
      const submitKey = submitKeyOf(organisation.id, year, full.values);
      if (due.submit_key === submitKey && due.state !== 'draft') {
        report.unchanged += 1;
        continue;
      }
      if (due.state === 'accepted') {
        reject([`Bản cập nhật năm ${year} của ${organisation.name} đã được chấp nhận: không ghi đè.`], organisation.name);
        continue;
      }
      if (due.state === 'submitted') {
        reject([`${organisation.name} đã nộp bản cập nhật năm ${year}, đang chờ Liên minh xem xét: không ghi đè (trả lại bản đó trước nếu cần sửa).`], organisation.name);
        continue;
      }
      if (dryRun) {
        report.submitted += 1;
        continue;
      }
      try {
        const filed = await submitUpdateFor(db, { actor, tenantId, organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind }, year, values: full.values, submitKey, channel: 'excel' });
        if (filed.repeated) report.unchanged += 1;
        else report.submitted += 1;
      } catch (error) {
        if (!(error instanceof AppError) || error.code === 'forbidden' || error.code === 'unauthenticated') throw error;
        reject([error.message], organisation.name);
      }
    }
  }
  return report;
}

/** Imports a filled template into the actor's alliance (staff only). */
export async function importUpdatesFor(db: Db, { actor, fileName, content, dryRun }: { actor: Actor; fileName: string; content: Buffer; dryRun: boolean }): Promise<UpdateImportReport> {
  return importUpdates(db, { actor, tenantId: requireUpdateStaff(actor), fileName, content, dryRun });
}
