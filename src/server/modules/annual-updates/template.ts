/**
 * The annual update as a workbook to fill on paper's behalf (issue 13, "Excel both ways"): one sheet per kind of
 * organisation due (its form's fields differ), one row per organisation due, its identifying columns filled in
 * and locked (sheet protection without a password: it prevents slips, not people), the form's fields as columns
 * with their units, and data validation on numbers, yes/no and choices. A hidden row under the title holds the
 * year, the kind and the field keys, which the import reads back (update-import.ts).
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../../db/client.ts';
import { KIND_LABELS } from '../../../shared/organisation.ts';
import type { Actor } from '../accounts/roles.ts';
import { columnLetter } from '../imports/read-sheets.ts';
import { neutraliseText, newWorkbook, workbookBuffer } from '../reports/export/xlsx-table.ts';
import { UPDATE_STATE_LABELS } from './compliance.ts';
import { requireUpdateStaff } from './compliance.policy.ts';
import { computeComplianceList, type ComplianceListItem } from './compliance.service.ts';
import { formFields, type FormField, type UpdateKind } from './form-definition.ts';
import { resolveForm } from './update-forms.service.ts';

/** First cell of the hidden key row: "coop-annual-update:2026:HTX". */
export const MARKER = 'coop-annual-update';
/** The identifying columns, locked, before the form's fields. */
export const ID_COLUMNS = [
  { key: 'ordinal', header: 'STT', width: 6 },
  { key: 'registrationNumber', header: 'Mã số HTX/THT', width: 15 },
  { key: 'name', header: 'Tên tổ chức', width: 40 },
  { key: 'commune', header: 'Xã, phường', width: 20 },
  { key: 'state', header: 'Tình trạng cập nhật', width: 22 },
  { key: 'organisationId', header: 'Mã nội bộ (không sửa)', width: 12 },
] as const;
export const TITLE_ROW = 1;
export const KEY_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;
const SHEET_KINDS: UpdateKind[] = ['HTX', 'LHHTX', 'THT'];
const YES = 'Có';
const NO = 'Không';

/** exceljs validates a whole range in one rule (one XML element for a column), which its types do not declare. */
type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

const UNIT_WORDS: Record<string, string> = { VND: 'đồng', người: 'người', '%': '%' };

/** A field's column header: its label with its unit (unless the label already says it) or what to type. */
export function fieldHeader(field: FormField): string {
  const label = field.label.vi;
  if (field.type === 'boolean') return `${label} (${YES}/${NO})`;
  if (field.type === 'choice') return `${label} (chọn trong danh sách)`;
  if (!field.unit) return label;
  const unit = UNIT_WORDS[field.unit] ?? field.unit;
  return label.includes(`(${unit}`) ? label : `${label} (${unit})`;
}

function validationOf(field: FormField): ExcelJS.DataValidation | undefined {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'warning' as const, errorTitle: field.label.vi };
  switch (field.type) {
    case 'integer':
    case 'money':
    case 'percent': {
      const min = field.min ?? 0;
      const max = field.max ?? (field.type === 'percent' ? 100 : Number.MAX_SAFE_INTEGER);
      const whole = field.type !== 'percent';
      return { ...common, type: whole ? 'whole' : 'decimal', operator: 'between', formulae: [min, max], error: `Nhập ${whole ? 'số nguyên' : 'số'} từ ${min} đến ${max}${field.type === 'money' ? ' (đồng, không có phần lẻ)' : ''}.` };
    }
    case 'boolean':
      return { ...common, type: 'list', formulae: [`"${YES},${NO}"`], error: `Chọn ${YES} hoặc ${NO}.` };
    case 'choice':
      return { ...common, type: 'list', formulae: [`"${(field.choices ?? []).map((c) => c.label.vi.replace(/[",]/g, ' ')).join(',')}"`], error: 'Chọn một giá trị trong danh sách.' };
    case 'text':
      return field.maxLength ? { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [field.maxLength], error: `Tối đa ${field.maxLength} ký tự.` } : undefined;
  }
}

const stateText = (item: ComplianceListItem) => {
  const state = UPDATE_STATE_LABELS[item.state] ?? item.state;
  return item.state === 'accepted' ? `${state} — không nhập lại` : state;
};

function addKindSheet(workbook: ExcelJS.Workbook, year: number, kind: UpdateKind, fields: FormField[], items: ComplianceListItem[]): void {
  const sheet = workbook.addWorksheet(kind, { views: [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW }] });
  const columns = [...ID_COLUMNS.map((c) => ({ width: c.width })), ...fields.map((f) => ({ width: f.type === 'text' ? 36 : f.type === 'money' ? 20 : 16 }))];
  sheet.columns = columns;
  const width = columns.length;
  const fieldColumn = (i: number) => ID_COLUMNS.length + i + 1;

  const title = sheet.getRow(TITLE_ROW);
  title.getCell(1).value = `Cập nhật thông tin năm ${year} — ${KIND_LABELS[kind]} (${kind}). Hạn nộp 23:59 ngày 15/12/${year}.`;
  title.font = { bold: true, size: 13 };
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, Math.min(width, 12));

  const keys = sheet.getRow(KEY_ROW);
  keys.values = [`${MARKER}:${year}:${kind}`, ...ID_COLUMNS.slice(1).map((c) => c.key), ...fields.map((f) => f.key)];
  keys.hidden = true;

  const header = sheet.getRow(HEADER_ROW);
  header.values = [...ID_COLUMNS.map((c) => c.header), ...fields.map(fieldHeader)];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 60;
  header.eachCell((cell, column) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column <= ID_COLUMNS.length ? 'FFEEEEEE' : 'FFE8F5E9' } };
  });

  items.forEach((item, i) => {
    const row = sheet.getRow(FIRST_DATA_ROW + i);
    row.values = [i + 1, item.registrationNumber ?? '', neutraliseText(item.name), neutraliseText(item.communeName), stateText(item), item.organisationId];
    for (let f = 0; f < fields.length; f++) {
      const cell = row.getCell(fieldColumn(f));
      cell.protection = { locked: false };
      if (fields[f]!.type === 'integer' || fields[f]!.type === 'money') cell.numFmt = '#,##0';
    }
  });
  if (items.length) {
    const last = FIRST_DATA_ROW + items.length - 1;
    fields.forEach((field, f) => {
      const validation = validationOf(field);
      const letter = columnLetter(fieldColumn(f));
      if (validation) (sheet as unknown as RangeValidations).dataValidations.add(`${letter}${FIRST_DATA_ROW}:${letter}${last}`, validation);
    });
  }
  // Sorting, filtering and widening columns stay possible; the identifying cells and the headers do not change.
  void sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: false, autoFilter: true });
}

function addGuideSheet(workbook: ExcelJS.Workbook, year: number, counts: Map<UpdateKind, number>): void {
  const sheet = workbook.addWorksheet('Hướng dẫn');
  sheet.columns = [{ width: 110 }];
  const lines = [
    `Mẫu nhập cập nhật thông tin năm ${year} (Thông tư 09/2024/TT-BKHĐT, Phụ lục VII)`,
    '',
    `Mỗi trang là một loại hình: ${SHEET_KINDS.filter((k) => counts.get(k)).map((k) => `${k} (${counts.get(k)} tổ chức)`).join(', ') || 'không có tổ chức nào phải cập nhật'}.`,
    'Mỗi dòng là một tổ chức phải cập nhật. Các cột tên, mã số, xã phường đã điền sẵn và được khoá: không sửa, không xoá dòng.',
    'Số tiền ghi bằng đồng, số nguyên (ví dụ 1.300.000 hoặc 1300000). Số người ghi số nguyên. Lợi nhuận lỗ ghi số âm.',
    `Cột Có/Không: chọn "${YES}" hoặc "${NO}". Cột lựa chọn: chọn trong danh sách.`,
    'Dòng để trống hết các cột số liệu được bỏ qua khi nhập. Tổ chức đã được chấp nhận thì không nhập lại.',
    'Nhập tệp: trang Cập nhật thông tin → Nhập từ Excel, hoặc lệnh "coop updates import TỆP --dry-run" để kiểm tra trước.',
  ];
  lines.forEach((text, i) => {
    const row = sheet.addRow([text]);
    if (i === 0) row.font = { bold: true, size: 13 };
    row.alignment = { wrapText: true };
  });
}

/** The template of a year for an alliance: every organisation due, by kind (no access check; never writes). */
export async function buildUpdateTemplate(db: Db, { tenantId, year }: { tenantId: number; year: number }): Promise<Buffer> {
  const due = await computeComplianceList(db, { scope: { kind: 'tenant', tenantId } }, year, 'due');
  const workbook = newWorkbook(`Cập nhật thông tin năm ${year}`);
  const counts = new Map<UpdateKind, number>(SHEET_KINDS.map((k) => [k, due.items.filter((i) => i.kind === k).length]));
  addGuideSheet(workbook, year, counts);
  for (const kind of SHEET_KINDS) {
    const items = due.items.filter((i) => i.kind === kind);
    if (!items.length) continue;
    const form = await resolveForm(db, tenantId, year, kind);
    addKindSheet(workbook, year, kind, formFields(form.definition), items);
  }
  return workbookBuffer(workbook);
}

/** The template for the actor's alliance (staff only). */
export async function getUpdateTemplate(db: Db, { actor, year }: { actor: Actor; year: number }): Promise<Buffer> {
  return buildUpdateTemplate(db, { tenantId: requireUpdateStaff(actor), year });
}

export { YES, NO };
