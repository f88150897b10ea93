import { parseSpreadsheetDate, formatDateVi, todayIso } from '../../../shared/dates.ts';
import { scaleDecimal } from '../../../shared/decimal.ts';
import { parseVietnameseNumber } from '../../../shared/numbers.ts';
import { ENDED_STATUSES, OrganisationInput, type Status } from '../../../shared/organisation.ts';
import { checkRegistrationNumber } from '../../../shared/registration-number.ts';
import { matchSector } from '../../../shared/sectors.ts';
import { normalizeText, searchKey } from '../../../shared/vietnamese-text.ts';
import type { CapitalScale, Field } from './columns.ts';
import { FIELD_LABELS } from './columns.ts';
import type { DataRow } from './parse-workbook.ts';
import type { Cell } from './read-sheets.ts';
import { inferKind, matchKind, matchStatus } from './vocabulary.ts';

/** What a row says about an organisation: only the fields the file fills (an empty cell changes nothing). */
export type RowFields = Partial<OrganisationInput>;

export type MappedRow =
  | { ok: true; row: number; key: string; registrationNumber: string | null; fields: RowFields; input: OrganisationInput; warnings: string[] }
  | { ok: false; row: number; reason: string; warnings: string[] };

const asText = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return formatDateVi(cell.toISOString().slice(0, 10));
  return normalizeText(String(cell));
};

/** Excel drops the leading zero of a number typed as a number: 101234567 was "0101234567". */
const digitsWithLeadingZero = (cell: Cell | undefined, length: number): string => {
  const text = asText(cell);
  return typeof cell === 'number' && /^\d+$/.test(text) && text.length === length - 1 ? `0${text}` : text;
};

const TEXT_LIMITS: Partial<Record<Field, number>> = { address: 500, commune: 100, district: 100, representative: 200, phone: 40, email: 200 };

class RowReader {
  readonly warnings: string[] = [];
  readonly problems: string[] = [];
  constructor(readonly values: DataRow['values']) {}

  text(field: Field): string | undefined {
    const text = field === 'phone' ? digitsWithLeadingZero(this.values[field], 10) : asText(this.values[field]);
    if (!text) return undefined;
    const max = TEXT_LIMITS[field];
    if (max && text.length > max) {
      this.warnings.push(`Cột "${FIELD_LABELS[field]}" dài quá ${max} ký tự: bỏ qua giá trị này.`);
      return undefined;
    }
    return text;
  }

  date(field: 'foundedOn' | 'dissolvedOn'): string | undefined {
    const parsed = parseSpreadsheetDate(this.values[field]);
    if (!parsed) return undefined;
    if (!parsed.ok) {
      if (field === 'foundedOn') this.problems.push(`Ngày thành lập không hợp lệ: ${parsed.reason}`);
      else this.warnings.push(`Ngày giải thể không hợp lệ (${parsed.reason}): bỏ qua.`);
      return undefined;
    }
    if (parsed.yearOnly) this.warnings.push(`Cột "${FIELD_LABELS[field]}" chỉ ghi năm: lấy ngày ${formatDateVi(parsed.date)}.`);
    return parsed.date;
  }

  count(field: 'members' | 'workers'): number | undefined {
    const parsed = parseVietnameseNumber(this.values[field]);
    if (!parsed) return undefined;
    if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 0 || parsed.value > 10_000_000) {
      const why = parsed.ok ? `"${asText(this.values[field])}" không phải số nguyên không âm` : parsed.reason;
      this.warnings.push(`Cột "${FIELD_LABELS[field]}": ${why}; bỏ qua.`);
      return undefined;
    }
    return parsed.value;
  }

  capital(scale: CapitalScale): string | undefined {
    const parsed = parseVietnameseNumber(this.values.charterCapital);
    if (!parsed) return undefined;
    const vnd = parsed.ok && parsed.value >= 0 ? scaleDecimal(parsed.value, scale) : undefined;
    if (vnd === undefined || vnd >= 10n ** 16n) {
      const why = parsed.ok ? `${asText(this.values.charterCapital)} không phải số tiền hợp lệ` : parsed.reason;
      this.warnings.push(`Vốn điều lệ: ${why}; bỏ qua.`);
      return undefined;
    }
    return vnd.toString();
  }

  registrationNumber(): string | null {
    const written = digitsWithLeadingZero(this.values.registrationNumber, 10);
    if (!written) return null;
    const check = checkRegistrationNumber(written);
    if (check.ok) return check.normalized;
    // A wrong check digit is usually a typo in an old record: the row still lands, the number as written.
    this.warnings.push(`${check.reason} (mã số ghi trong tệp: ${written}); vẫn nhập theo mã số này.`);
    return written.replace(/\s+/g, '');
  }

  status(dissolvedOn: string | undefined): Status | undefined {
    const written = asText(this.values.status);
    if (!written) {
      if (dissolvedOn) this.warnings.push('Không ghi tình trạng nhưng có ngày giải thể: coi là đã giải thể.');
      else this.warnings.push('Không ghi tình trạng: tổ chức mới được ghi là đang hoạt động.');
      return dissolvedOn ? 'dissolved' : undefined;
    }
    const status = matchStatus(written);
    if (!status) this.problems.push(`Tình trạng "${written}" không nhận ra (ví dụ: Đang hoạt động, Tạm ngừng kinh doanh, Ngừng hoạt động, Đã giải thể)`);
    return status;
  }
}

/** The key a row is matched by: its registration number, or for an old record without one, its name. */
export function matchKey(registrationNumber: string | null | undefined, name: string): string {
  return registrationNumber ? `rn:${registrationNumber}` : `name:${searchKey(name)}`;
}

/**
 * Reads one data row into registry fields. A row without a name, a known sector or a valid founding date (or
 * with an unknown status) is rejected with the reasons in Vietnamese; anything else questionable is a warning.
 */
export function mapRow(dataRow: DataRow, scale: CapitalScale): MappedRow {
  const read = new RowReader(dataRow.values);
  const name = read.text('name');
  if (!name) read.problems.push('Thiếu tên tổ chức (cột "Tên HTX")');
  const sectorText = read.text('sector');
  const sector = sectorText ? matchSector(sectorText) : undefined;
  if (!sectorText) read.problems.push('Thiếu lĩnh vực hoạt động');
  else if (!sector) read.problems.push(`Lĩnh vực "${sectorText}" không có trong danh mục`);
  const foundedOn = read.date('foundedOn');
  if (!foundedOn && read.values.foundedOn == null) read.problems.push('Thiếu ngày thành lập');
  let dissolvedOn = read.date('dissolvedOn');
  const status = read.status(dissolvedOn);
  if (read.problems.length || !name || !sector || !foundedOn) {
    return { ok: false, row: dataRow.row, reason: `${read.problems.join('; ')}.`, warnings: read.warnings };
  }
  if (foundedOn > todayIso()) read.warnings.push(`Ngày thành lập ${formatDateVi(foundedOn)} ở tương lai.`);
  if (dissolvedOn && (!status || !ENDED_STATUSES.includes(status))) {
    read.warnings.push(`Có ngày giải thể nhưng tình trạng không phải đã chấm dứt hoạt động: bỏ qua ngày giải thể.`);
    dissolvedOn = undefined;
  } else if (dissolvedOn && dissolvedOn < foundedOn) {
    read.warnings.push(`Ngày giải thể ${formatDateVi(dissolvedOn)} trước ngày thành lập: bỏ qua ngày giải thể.`);
    dissolvedOn = undefined;
  }
  if (status && ENDED_STATUSES.includes(status) && !dissolvedOn) read.warnings.push('Tổ chức đã chấm dứt hoạt động nhưng không có ngày giải thể.');

  const kindText = read.text('kind');
  const kind = kindText ? matchKind(kindText) : undefined;
  if (kindText && !kind) read.warnings.push(`Loại hình "${kindText}" không nhận ra: suy ra từ tên.`);
  const registrationNumber = read.registrationNumber();
  const fields: RowFields = {
    kind,
    name,
    registrationNumber: registrationNumber ?? undefined,
    sectorCode: sector.code,
    foundedOn,
    status,
    dissolvedOn,
    registeredCommune: read.text('commune'),
    registeredDistrict: read.text('district'),
    address: read.text('address'),
    charterCapitalVnd: read.capital(scale),
    membersOfficial: read.count('members'),
    workers: read.count('workers'),
    representative: read.text('representative'),
    phone: read.text('phone'),
    email: read.text('email'),
  };
  if (fields.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.email)) {
    read.warnings.push(`Email "${fields.email}" không hợp lệ: bỏ qua.`);
    fields.email = undefined;
  }
  for (const field of Object.keys(fields) as (keyof RowFields)[]) if (fields[field] === undefined) delete fields[field];

  const candidate = {
    membersOfficial: 0,
    membersAssociatedCapital: 0,
    membersAssociatedNoCapital: 0,
    workers: 0,
    charterCapitalVnd: '0',
    status: 'active' as Status,
    ...fields,
    kind: kind ?? inferKind(name, sector.code),
  };
  // The form's own schema is the last guard: what lands through the importer could have been typed in the form.
  const checked = OrganisationInput.safeParse(candidate);
  if (!checked.success) {
    const reasons = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, row: dataRow.row, reason: `Dữ liệu không hợp lệ (${reasons}).`, warnings: read.warnings };
  }
  return { ok: true, row: dataRow.row, key: matchKey(registrationNumber, name), registrationNumber, fields, input: checked.data, warnings: read.warnings };
}
