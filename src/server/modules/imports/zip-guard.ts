import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { AppError } from '../../http/errors.ts';
import { formatInteger, formatMegabytes, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from './limits.ts';

const inflateRawAsync = promisify(inflateRaw);

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;

type ZipEntry = { name: string; method: number; compressedSize: number; uncompressedSize: number; localHeaderOffset: number };

const broken = (detail: string) =>
  new AppError('bad_request', `Tệp không phải bảng tính .xlsx hợp lệ (${detail}). Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.`);

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record sits at the very end, after a comment of at most 65,535 bytes.
  const stop = Math.max(0, zip.length - EOCD_SIZE - 0xffff);
  for (let at = zip.length - EOCD_SIZE; at >= stop; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw broken('không thấy mục lục của tệp nén, có thể tệp bị cắt cụt');
}

/** Reads the central directory: the sizes every entry declares, before anything is inflated. */
function readCentralDirectory(zip: Buffer): ZipEntry[] {
  if (zip.length < EOCD_SIZE) throw broken('tệp quá ngắn');
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  // ZIP64 markers: a workbook under the upload limit never needs them, a crafted file might.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw broken('định dạng ZIP64 không được hỗ trợ');
  if (count > MAX_ZIP_ENTRIES) throw new AppError('bad_request', `Tệp .xlsx có ${formatInteger(count)} thành phần, vượt giới hạn ${formatInteger(MAX_ZIP_ENTRIES)}.`);
  if (offset + size > eocd) throw broken('mục lục của tệp nén sai vị trí, có thể tệp bị cắt cụt');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw broken('mục lục của tệp nén bị hỏng');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      name: zip.toString('utf8', at + 46, Math.min(eocd, at + 46 + nameLength)),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) throw broken(`thành phần "${entry.name}" bị hỏng`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw broken(`thành phần "${entry.name}" bị cắt cụt`);
  return zip.subarray(start, end);
}

/**
 * Refuses a zip that would inflate beyond MAX_UNCOMPRESSED_BYTES (a zip bomb), is truncated, or is not a zip;
 * checks the declared sizes first, then inflates each entry with its declared size as a hard cap, so a zip
 * whose headers lie is refused without ever holding more than what it declared. Throws AppError (400);
 * returns the names of the entries. `inspect` sees each entry once inflated (and may throw to refuse it).
 */
export async function assertSafeZip(zip: Buffer, inspect?: (name: string, data: Buffer) => void): Promise<string[]> {
  const entries = readCentralDirectory(zip);
  if (entries.length === 0) throw broken('tệp nén rỗng');
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_UNCOMPRESSED_BYTES) {
    throw new AppError(
      'bad_request',
      `Tệp .xlsx khi giải nén lên tới ${formatMegabytes(declared)}, vượt giới hạn ${formatMegabytes(MAX_UNCOMPRESSED_BYTES)}. ` +
        'Hãy chia bảng tính thành nhiều tệp nhỏ hơn.',
    );
  }
  for (const entry of entries) {
    const data = entryData(zip, entry);
    if (entry.method === 0) {
      if (data.length !== entry.uncompressedSize) throw broken(`thành phần "${entry.name}" khai sai kích thước`);
      inspect?.(entry.name, data);
      continue;
    }
    if (entry.method !== 8) throw broken(`thành phần "${entry.name}" dùng kiểu nén không hỗ trợ`);
    let inflated: Buffer;
    try {
      // maxOutputLength makes zlib stop at the declared size instead of inflating whatever the data holds.
      inflated = await inflateRawAsync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      const tooBig = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      throw tooBig
        ? new AppError('bad_request', `Tệp .xlsx không an toàn: thành phần "${entry.name}" giải nén ra nhiều hơn kích thước khai báo (nghi là "bom nén").`)
        : broken(`thành phần "${entry.name}" không giải nén được`);
    }
    if (inflated.length !== entry.uncompressedSize) throw broken(`thành phần "${entry.name}" khai sai kích thước`);
    inspect?.(entry.name, inflated);
  }
  return entries.map((e) => e.name);
}
