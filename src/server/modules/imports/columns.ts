import { searchKey } from '../../../shared/vietnamese-text.ts';

/** The registry fields a column of the workbook can hold. */
export type Field =
  | 'ordinal'
  | 'name'
  | 'kind'
  | 'registrationNumber'
  | 'commune'
  | 'district'
  | 'address'
  | 'sector'
  | 'foundedOn'
  | 'charterCapital'
  | 'members'
  | 'workers'
  | 'status'
  | 'dissolvedOn'
  | 'representative'
  | 'phone'
  | 'email';

/** How many đồng one unit of the capital column is worth, as powers of ten (triệu đồng = 6). */
export type CapitalScale = 0 | 3 | 6 | 9;

/** Column headings as people read them, for messages. */
export const FIELD_LABELS: Record<Field, string> = {
  ordinal: 'STT',
  name: 'Tên HTX',
  kind: 'Loại hình',
  registrationNumber: 'Mã số HTX',
  commune: 'Xã/Phường',
  district: 'Huyện/TP',
  address: 'Địa chỉ',
  sector: 'Lĩnh vực hoạt động',
  foundedOn: 'Ngày thành lập',
  charterCapital: 'Vốn điều lệ',
  members: 'Số thành viên',
  workers: 'Số lao động',
  status: 'Tình trạng',
  dissolvedOn: 'Ngày giải thể',
  representative: 'Người đại diện',
  phone: 'Điện thoại',
  email: 'Email',
};

const words = (key: string) => key.split(' ');
const startsWithAny = (key: string, prefixes: string[]) => prefixes.some((p) => key === p || key.startsWith(`${p} `));

// Tried in this order on the heading's search key, so that "Ngày giải thể" is a date of dissolution before it
// could be anything else, and "Tên người đại diện" is a person before it could be the organisation's name.
const MATCHERS: [Field, (key: string) => boolean][] = [
  ['ordinal', (k) => ['stt', 'tt', 'so tt', 'so thu tu'].includes(k)],
  ['dissolvedOn', (k) => startsWithAny(k, ['ngay', 'nam', 'thoi diem']) && /giai the|cham dut|pha san|thu hoi/.test(k)],
  ['foundedOn', (k) => /thanh lap|ngay dang ky|ngay cap|nam dang ky/.test(k)],
  ['representative', (k) => /dai dien|giam doc|chu tich|nguoi dung dau|ho ten|ho va ten/.test(k)],
  ['name', (k) => startsWithAny(k, ['ten'])],
  ['kind', (k) => startsWithAny(k, ['loai hinh', 'loai'])],
  ['registrationNumber', (k) => startsWithAny(k, ['ma so', 'mst', 'ma htx', 'ma dn', 'so dkkd', 'so dang ky', 'so giay chung nhan', 'so gcn'])],
  ['status', (k) => startsWithAny(k, ['tinh trang', 'trang thai'])],
  ['sector', (k) => startsWithAny(k, ['linh vuc', 'nganh', 'nganh nghe'])],
  ['charterCapital', (k) => startsWithAny(k, ['von dieu le', 'von gop', 'von'])],
  ['members', (k) => /thanh vien|^so tv\b/.test(k) && !k.includes('lien ket')],
  ['workers', (k) => k.includes('lao dong')],
  ['phone', (k) => k.includes('dien thoai') || ['sdt', 'dt', 'so dt', 'dtdd'].includes(k)],
  ['email', (k) => k.includes('email') || k.includes('thu dien tu')],
  ['address', (k) => startsWithAny(k, ['dia chi', 'tru so'])],
  ['commune', (k) => startsWithAny(k, ['xa', 'phuong xa', 'xa phuong', 'dia ban xa'])],
  ['district', (k) => startsWithAny(k, ['huyen', 'quan huyen', 'quan', 'thanh pho', 'tp', 'huyen thi xa'])],
];

/** The field a column heading names ("Vốn điều lệ (triệu đồng)" → charterCapital), whatever its accents and case. */
export function matchHeading(text: string): Field | undefined {
  const key = searchKey(text);
  if (!key) return undefined;
  return MATCHERS.find(([, test]) => test(key))?.[0];
}

/**
 * The unit of the capital column from its heading: "(triệu đồng)" is the alliance's habit, "(đồng)"/"(VNĐ)"
 * whole đồng, "(tỷ đồng)", "(nghìn đồng)"; undefined when the heading names none.
 */
export function capitalScale(heading: string): CapitalScale | undefined {
  const key = searchKey(heading);
  const w = words(key);
  if (w.includes('trieu') || w.includes('tr')) return 6;
  if (w.includes('ty')) return 9;
  if (w.includes('nghin') || w.includes('ngan')) return 3;
  if (w.includes('dong') || w.includes('vnd') || w.includes('d')) return 0;
  return undefined;
}

export type ColumnMap = Partial<Record<Field, { index: number; heading: string }>>;

/** Maps the cells of a heading row to fields; the first column naming a field wins. */
export function mapHeadings(cells: readonly unknown[]): ColumnMap {
  const map: ColumnMap = {};
  cells.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const field = matchHeading(cell);
    if (field && !map[field]) map[field] = { index, heading: cell.trim() };
  });
  return map;
}

/** A heading row names the organisation and at least two more fields (a title row names one at most). */
export function looksLikeHeadingRow(map: ColumnMap): boolean {
  return map.name !== undefined && Object.keys(map).length >= 3;
}
