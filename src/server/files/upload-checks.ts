// Which files an upload may carry (a loan application's documents, a difficulty's attachments, …), checked by
// name AND by content (the first bytes), never by the type the browser claims: a renamed .html or .exe is refused.

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const TYPES = {
  pdf: { contentType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] }, // %PDF-
  jpg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { contentType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  png: { contentType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  // Office files are zip archives.
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
} as const;

export const ALLOWED_EXTENSIONS = Object.keys(TYPES);

export type CheckedFile = { ok: true; fileName: string; contentType: string } | { ok: false; reason: string };

/** A file name safe to store and to send back: NFC, no path, no control characters, at most 200 characters. */
export function safeFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').replace(/^\.+/, '').trim();
  if (clean.length <= 200) return clean || 'tai-lieu';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
}

/** Accepts a pdf, jpg, png, docx or xlsx whose content matches its extension. */
export function checkDocument(rawName: string, content: Buffer): CheckedFile {
  const fileName = safeFileName(rawName);
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  const type = TYPES[ext as keyof typeof TYPES];
  if (!type) return { ok: false, reason: `Chỉ nhận tệp ${ALLOWED_EXTENSIONS.filter((e) => e !== 'jpeg').join(', ')}; tệp "${fileName}" không thuộc các loại này.` };
  if (content.length === 0) return { ok: false, reason: `Tệp "${fileName}" rỗng.` };
  const matches = type.magic.some((magic) => magic.every((byte, i) => content[i] === byte));
  if (!matches) return { ok: false, reason: `Nội dung tệp "${fileName}" không phải là tệp .${ext} thật.` };
  return { ok: true, fileName, contentType: type.contentType };
}

/** Content-Disposition for a download: an ASCII fallback name and the exact UTF-8 name (RFC 6266/5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
