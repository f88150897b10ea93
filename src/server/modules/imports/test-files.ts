// Workbooks for the importer's tests: the shared sample, edited copies, CSV twins, generated registries, crafted zips.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { computeCheckDigit } from '../../../shared/registration-number.ts';

export const SAMPLE_PATH = new URL('./fixtures/sample-registry.xlsx', import.meta.url).pathname;
export const sampleXlsx = (): Buffer => readFileSync(SAMPLE_PATH);
export const sampleExpected = () => JSON.parse(readFileSync(SAMPLE_PATH.replace('.xlsx', '.expected.json'), 'utf8'));

/** The sample with some cells changed: `edits` maps "row:column" (1-based) to the new value. */
export async function editedSample(edits: Record<string, ExcelJS.CellValue>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(sampleXlsx() as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  for (const [at, value] of Object.entries(edits)) {
    const [row, column] = at.split(':').map(Number) as [number, number];
    sheet.getCell(row, column).value = value;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const quote = (field: string) => `"${field.replaceAll('"', '""')}"`;

/** The first sheet as Vietnamese Excel saves it to CSV: dates d/m/yyyy, decimal comma, row numbers kept. */
export async function xlsxToCsv(xlsx: Buffer, delimiter = ','): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const lines: string[] = [];
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const fields: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const value = row.getCell(c).value;
      if (value instanceof Date) fields.push(`${value.getUTCDate()}/${value.getUTCMonth() + 1}/${value.getUTCFullYear()}`);
      else if (typeof value === 'number') fields.push(String(value).replace('.', ','));
      else fields.push(value == null ? '' : String(value));
    }
    lines.push(fields.map(quote).join(delimiter));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The n-th valid registration number of a made-up province prefix, distinct from the sample's. */
export function registrationNumberAt(i: number, prefix = '25'): string {
  for (let k = i * 2; ; k++) {
    const first9 = prefix + String(k).padStart(7, '0');
    const check = computeCheckDigit(first9);
    if (check !== undefined) return `${first9}${check}`;
  }
}

const HEADINGS = ['STT', 'Tên HTX', 'Loại hình', 'Mã số HTX', 'Xã/Phường', 'Huyện/TP', 'Lĩnh vực hoạt động', 'Ngày thành lập', 'Vốn điều lệ (triệu đồng)', 'Số thành viên', 'Tình trạng'];
const COMMUNES = [['Xã Tân Dĩnh', 'Lạng Giang'], ['Xã Hồng Kỳ', 'Yên Thế'], ['Xã Cao Xá', 'Tân Yên'], ['Xã Vân Trung', 'Việt Yên']];
const SECTORS = ['Nông nghiệp', 'Thủy sản', 'Vận tải', 'Thương mại - Dịch vụ'];

/** A registry workbook in the alliance's layout with `count` valid, distinct organisations. */
export async function generatedRegistry(count: number, extraRows: (string | number | null)[][] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH HỢP TÁC XÃ (dữ liệu thử)']);
  sheet.addRow([]);
  sheet.addRow(HEADINGS);
  sheet.addRow(HEADINGS.map((_, i) => `(${i + 1})`));
  for (let i = 0; i < count; i++) {
    const [commune, district] = COMMUNES[i % COMMUNES.length]!;
    const founded = `${(i % 28) + 1}/${(i % 12) + 1}/${2000 + (i % 20)}`;
    sheet.addRow([i + 1, `HTX Thử nghiệm số ${i + 1}`, 'HTX', registrationNumberAt(i), commune, district, SECTORS[i % SECTORS.length], founded, 100 + (i % 50), 7 + (i % 30), 'Đang hoạt động']);
  }
  for (const row of extraRows) sheet.addRow(row);
  sheet.addRow([]);
  sheet.addRow([null, 'Người lập biểu', null, null, null, null, null, null, null, 'Chánh Văn phòng']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip with the given entries, optionally lying about an entry's uncompressed size (a zip bomb's trick). */
export function craftZip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const compressed = deflateRawSync(entry.data);
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A multipart/form-data body with one file in field "file" (or another field name). */
export function multipartBody(fileName: string, content: Buffer, field = 'file') {
  const boundary = `----coop${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
