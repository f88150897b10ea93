// Importing past years' registers from Excel (decision 010, `coop awards import FILE [--dry-run] [--json]`).
// Columns (first sheet, first row the headers): Năm, Hình thức, Cấp, Đối tượng (Tập thể/Cá nhân), Tên, Chức vụ,
// Đơn vị (tên hoặc mã số HTX), Số quyết định, Ngày quyết định, Số tiền. Every row is checked (a Vietnamese reason
// per row and column, the once-per-recipient rule against the register and the file's earlier rows); on any error
// nothing is written; otherwise all rows go in one transaction (source 'import'), audited.
import ExcelJS from 'exceljs';
import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { parseSpreadsheetDate } from '../../../shared/dates.ts';
import { searchKey } from '../../../shared/vietnamese-text.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { blockingWarnings, eligibilityWarnings, type HeldAward } from './award-eligibility.ts';
import { loadAwardKinds, type AwardKind } from './award-kinds.service.ts';
import { awardSearchText } from './award-decisions.service.ts';
import { candidateOf, loadHeldAwards } from './award-recipients.ts';
import { requireAwardsStaff } from './awards.policy.ts';
import { awards } from './awards.sql.ts';
import { AWARD_FORM_LABELS, AWARD_LEVEL_LABELS } from './awards.words.ts';

export const IMPORT_COLUMNS = ['Năm', 'Hình thức', 'Cấp', 'Đối tượng', 'Tên', 'Chức vụ', 'Đơn vị', 'Số quyết định', 'Ngày quyết định', 'Số tiền'] as const;

export type ImportIssue = { row: number; column: string; message: string };
export type ImportReport = { rows: number; valid: number; imported: number; dryRun: boolean; errors: ImportIssue[]; byYear: { year: number; awards: number }[] };

type Parsed = {
  row: number;
  year: number;
  kind: AwardKind;
  recipientKind: 'collective' | 'individual';
  recipientName: string;
  personPosition: string | null;
  organisation: { id: string; name: string; currentCommuneCode: string | null } | null;
  decisionNumber: string | null;
  decidedOn: string | null;
  cashVnd: number;
};

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('').trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
};

/** Finds the kind from the form and level as written ("Bằng khen" + "UBND tỉnh"), or a kind's code or full name. */
function findKind(kinds: AwardKind[], formText: string, levelText: string): AwardKind | undefined {
  const byName = kinds.find((k) => k.code === formText || searchKey(k.name) === searchKey(formText) || searchKey(k.shortName) === searchKey(formText));
  if (byName) return byName;
  const form = Object.entries(AWARD_FORM_LABELS).find(([, label]) => searchKey(label) === searchKey(formText))?.[0];
  const levelKey = searchKey(levelText).replace(/^cua /, '').replace(/chu tich /, '').replace('uy ban nhan dan', 'ubnd').replace('hop tac xa', 'htx');
  const level = Object.entries(AWARD_LEVEL_LABELS).find(([, label]) => searchKey(label) === levelKey)?.[0];
  return kinds.find((k) => k.form === form && k.level === level);
}

function parseCash(v: ExcelJS.CellValue): number | null {
  if (v === null || v === undefined || v === '') return 0;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : null;
  const text = cellText(v).replace(/\s|đ|VNĐ|VND|đồng/gi, '');
  if (text === '') return 0;
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(text)) return null;
  return Number(text.replace(/[.,]/g, ''));
}

/** Reads and checks the file, then (unless a dry run or an error) writes its awards. */
export async function importAwards(db: Db, { actor, content, dryRun }: { actor: Actor; content: Buffer; dryRun: boolean }): Promise<ImportReport> {
  const { tenantId } = requireAwardsStaff(actor);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { rows: 0, valid: 0, imported: 0, dryRun, errors: [{ row: 0, column: '', message: 'Tệp không phải là tệp Excel (.xlsx) đọc được.' }], byYear: [] };
  }
  const sheet = workbook.worksheets[0];
  const errors: ImportIssue[] = [];
  if (!sheet) return { rows: 0, valid: 0, imported: 0, dryRun, errors: [{ row: 0, column: '', message: 'Tệp không có trang tính nào.' }], byYear: [] };
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => searchKey(cellText(v)));
  const col: Record<string, number> = {};
  for (const name of IMPORT_COLUMNS) {
    const i = headers.findIndex((h) => h.startsWith(searchKey(name)));
    if (i === -1) errors.push({ row: 1, column: name, message: `Thiếu cột "${name}".` });
    col[name] = i + 1;
  }
  if (errors.length) return { rows: 0, valid: 0, imported: 0, dryRun, errors, byYear: [] };

  const kinds = await loadAwardKinds(db);
  const parsed: Parsed[] = [];
  let rows = 0;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (name: (typeof IMPORT_COLUMNS)[number]) => row.getCell(col[name]!).value;
    if (IMPORT_COLUMNS.every((c) => cellText(get(c)) === '')) continue;
    rows++;
    const issue = (column: string, message: string) => errors.push({ row: r, column, message });
    const before = errors.length;
    const yearText = cellText(get('Năm'));
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 1990 && year <= 2100)) issue('Năm', `Năm "${yearText}" không hợp lệ (4 chữ số, từ 1990).`);
    const kind = findKind(kinds, cellText(get('Hình thức')), cellText(get('Cấp')));
    if (!kind) issue('Hình thức', `Không nhận ra hình thức "${cellText(get('Hình thức'))}" cấp "${cellText(get('Cấp'))}".`);
    const who = searchKey(cellText(get('Đối tượng')));
    const recipientKind = who === 'tap the' ? 'collective' : who === 'ca nhan' ? 'individual' : null;
    if (!recipientKind) issue('Đối tượng', `Đối tượng phải là "Tập thể" hoặc "Cá nhân" (nhận được "${cellText(get('Đối tượng'))}").`);
    const name = cellText(get('Tên'));
    if (!name) issue('Tên', 'Thiếu tên người hoặc tập thể được khen.');
    const unitText = cellText(get('Đơn vị')) || (recipientKind === 'collective' ? name : '');
    let organisation: Parsed['organisation'] = null;
    if (unitText) {
      const [found] = await db
        .select({ id: organisations.id, name: organisations.name, currentCommuneCode: organisations.currentCommuneCode })
        .from(organisations)
        .where(and(eq(organisations.tenantId, tenantId), or(eq(organisations.registrationNumber, unitText), eq(organisations.nameKey, searchKey(unitText)))))
        .limit(1);
      organisation = found ?? null;
      if (!found && cellText(get('Đơn vị'))) issue('Đơn vị', `Không tìm thấy đơn vị "${unitText}" (tên hoặc mã số HTX) trong sổ đăng ký.`);
    }
    const numberText = cellText(get('Số quyết định')) || null;
    const dateCell = get('Ngày quyết định');
    const date = parseSpreadsheetDate(dateCell instanceof Date || typeof dateCell === 'number' ? dateCell : cellText(dateCell));
    if (date && !date.ok) issue('Ngày quyết định', date.reason);
    const cashVnd = parseCash(get('Số tiền'));
    if (cashVnd === null) issue('Số tiền', `Số tiền "${cellText(get('Số tiền'))}" không hợp lệ (số đồng, không âm, không có số lẻ).`);
    if (errors.length > before || !kind || !recipientKind) continue;
    parsed.push({ row: r, year, kind, recipientKind, recipientName: name, personPosition: cellText(get('Chức vụ')) || null, organisation, decisionNumber: numberText, decidedOn: date?.ok ? date.date : null, cashVnd: cashVnd! });
  }

  // The blocking rules against the register and the file's own earlier rows.
  const given: HeldAward[] = [];
  for (const p of parsed) {
    const candidate = candidateOf(p.year, { recipientKind: p.recipientKind, organisationId: p.organisation?.id ?? null, recipientName: p.recipientName });
    const held = [...(await loadHeldAwards(db, tenantId, candidate)), ...given];
    for (const w of blockingWarnings(eligibilityWarnings(p.kind, candidate, held))) errors.push({ row: p.row, column: w.code === 'wrong_recipient_kind' ? 'Đối tượng' : 'Tên', message: w.message });
    given.push({ awardKindCode: p.kind.code, year: p.year, recipientKind: p.recipientKind, organisationId: p.organisation?.id ?? null, recipientName: p.recipientName, personKey: candidate.personKey, decisionNumber: p.decisionNumber, decidedOn: p.decidedOn, revokedOn: null });
  }
  errors.sort((a, b) => a.row - b.row);
  const years = new Map<number, number>();
  for (const p of parsed) years.set(p.year, (years.get(p.year) ?? 0) + 1);
  const byYear = [...years].sort((a, b) => a[0] - b[0]).map(([year, n]) => ({ year, awards: n }));
  const report = { rows, valid: rows - new Set(errors.map((e) => e.row)).size, imported: 0, dryRun, errors, byYear };
  if (errors.length || dryRun || parsed.length === 0) return report;

  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(awards)
      .values(
        parsed.map((p) => ({
          tenantId,
          year: p.year,
          awardKindCode: p.kind.code,
          recipientKind: p.recipientKind,
          organisationId: p.organisation?.id ?? null,
          recipientName: p.recipientName,
          personPosition: p.personPosition,
          personKey: candidateOf(p.year, { recipientKind: p.recipientKind, organisationId: p.organisation?.id ?? null, recipientName: p.recipientName }).personKey,
          communeCode: p.organisation?.currentCommuneCode ?? null,
          decisionNumber: p.decisionNumber,
          decidedOn: p.decidedOn,
          cashVnd: p.cashVnd,
          source: 'import',
          searchText: awardSearchText(p.recipientName, p.organisation?.name ?? null, p.decisionNumber),
          createdBy: actor.kind === 'user' ? actor.email : null,
        })),
      )
      .returning({ id: awards.id });
    await recordAudit(tx, { actor, tenantId, action: 'awards.imported', entityType: 'awards_import', entityId: inserted[0]!.id, before: null, after: { awards: inserted.length, byYear, awardIds: inserted.map((a) => a.id) } });
  });
  return { ...report, imported: parsed.length };
}

/** The report as Vietnamese lines for the terminal. */
export function importReportText(report: ImportReport, file: string): string {
  const lines = [`Nhập sổ khen thưởng từ ${file}: ${report.rows} dòng, ${report.valid} dòng hợp lệ.`];
  for (const e of report.errors) lines.push(`  Dòng ${e.row}${e.column ? `, cột "${e.column}"` : ''}: ${e.message}`);
  if (report.errors.length) lines.push('Có lỗi: không ghi gì vào sổ. Sửa tệp rồi chạy lại.');
  else if (report.dryRun) lines.push(`Chạy thử (--dry-run): sẽ ghi ${report.valid} khen thưởng (${report.byYear.map((y) => `năm ${y.year}: ${y.awards}`).join('; ')}); chưa ghi gì.`);
  else lines.push(`Đã ghi ${report.imported} khen thưởng vào sổ (${report.byYear.map((y) => `năm ${y.year}: ${y.awards}`).join('; ')}).`);
  return lines.join('\n');
}
