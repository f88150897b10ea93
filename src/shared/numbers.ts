/**
 * Numbers as Vietnamese spreadsheets hold them: real numbers, or text with "." between thousands and ","
 * before the decimals ("1.300,5"), sometimes spaces between thousands ("1 300,5").
 */
import { scaleDecimal } from './decimal.ts';

/** The outcome of reading a non-empty cell: its value, or why it is not a number (in Vietnamese). */
export type ParsedNumber =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: string };

// Integer part: plain digits, or groups of three separated by "." or by single spaces (one kind per number).
// Decimal part: "," then digits. A lone "." with other than three digits after it ("2.5") is refused,
// not guessed: in Vietnamese "2.500" is two thousand five hundred, so reading "2.5" as 2,5 would make the
// same key press mean different things depending on how many digits follow it.
const VIETNAMESE_NUMBER = /^([+-]?)(\d+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+)?(?:,(\d+))?$/;

/**
 * Reads a spreadsheet cell as a number: numbers pass through, text is read the Vietnamese way
 * ("1.300,5" → 1300.5, "2.200" → 2200, "2,5" → 2.5). Empty cells (undefined, null, blank text) give undefined.
 */
export function parseVietnameseNumber(value: unknown): ParsedNumber | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'Giá trị không phải số hữu hạn' };
  }
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value))
      ? { ok: true, value: Number(value) }
      : { ok: false, reason: 'Số quá lớn' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'Ô không chứa số' };

  // No-break and thin spaces are what Word and Excel put between thousands; the minus sign may be U+2212.
  const text = value.trim().replace(/\s+/g, ' ').replace(/\u2212/g, '-');
  if (text === '') return undefined;
  const match = VIETNAMESE_NUMBER.exec(text);
  const [, sign = '', whole = '', fraction] = match ?? [];
  if (!match || (whole === '' && fraction === undefined)) {
    const hint = 'viết như 1.300,5: dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân';
    return { ok: false, reason: `Không đọc được số "${value.trim()}" (${hint})` };
  }
  const plain = `${sign}${whole.replace(/[. ]/g, '') || '0'}${fraction === undefined ? '' : `.${fraction}`}`;
  return { ok: true, value: Number(plain) };
}

/**
 * Converts million VND (as spreadsheets hold charter capital) to whole đồng, exactly: 1300.5 → 1300500000n.
 * Takes a number or a plain decimal string ("1300.5"); works on the written digits, so 0.1 + 0.2 gives
 * 300000n, and rounds beyond the sixth decimal half away from zero to the đồng. Throws RangeError on
 * anything that is not a finite decimal.
 */
export function millionsToVnd(millions: number | string): bigint {
  return scaleDecimal(millions, 6);
}
