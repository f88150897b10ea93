/**
 * Vietnamese text helpers. Text is stored NFC; search and matching compare "search keys" that ignore
 * accents, case, đ/d and tone-mark placement (Thuỷ / Thủy), because spreadsheets spell names every way.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC, trimmed, every run of whitespace (including no-break spaces) collapsed to one space. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Strips accents and folds đ and case, keeping every other character: "Đặc Khu" → "dac khu". */
function foldAccentsAndCase(s: string): string {
  // đ/Đ carry a stroke, not a combining mark, so NFD leaves them whole: map them by hand.
  return s.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * Accent-, case- and đ-insensitive key for search and matching: "Hợp tác xã Bưởi Diễn" → "hop tac xa buoi dien".
 * Tone placement does not matter either: the marks are stripped wherever they sit.
 */
export function searchKey(s: string): string {
  return foldAccentsAndCase(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Matched against the folded name; "tp." may be glued to the name ("TP.Bắc Giang"), the others need a space.
const UNIT_PREFIX = /^(?:(?:thi tran|thi xa|thanh pho|tp|phuong|huyen|quan|dac khu|tinh|xa) |tp\. ?)/;

/** Removes an administrative unit's type prefix: "Xã Vân Trung" → "Vân Trung", "TP. Bắc Giang" → "Bắc Giang". */
export function stripUnitPrefix(name: string): string {
  const text = normalizeText(name);
  // Fold character by character so that a match in the folded text maps back to a position in the original.
  let folded = '';
  const originalIndexAt: number[] = [];
  let offset = 0;
  for (const char of text) {
    const f = foldAccentsAndCase(char);
    folded += f;
    for (let i = 0; i < f.length; i++) originalIndexAt.push(offset);
    offset += char.length;
  }
  originalIndexAt.push(text.length);
  const match = UNIT_PREFIX.exec(folded);
  if (!match) return text;
  const rest = text.slice(originalIndexAt[match[0].length]).trim();
  // A bare "Xã" or "TP." is a name of its own, not a prefix.
  return rest === '' ? text : rest;
}
