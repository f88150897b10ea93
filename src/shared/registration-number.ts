/**
 * The registration number of a cooperative (mã số HTX), which is also its tax code: ten digits whose last
 * is a check digit, optionally followed by "-" and three digits for a dependent unit (branch).
 *
 * Check digit: s = 31·d1 + 29·d2 + 23·d3 + 19·d4 + 17·d5 + 13·d6 + 7·d7 + 5·d8 + 3·d9, check = 10 − (s mod 11).
 * Since s mod 11 lies in 0…10, the check lies in 0…10: it is never 11 nor negative. s mod 11 = 10 gives 0;
 * s mod 11 = 0 gives 10, which is not a digit, so the tax office never issues such a first nine digits and we
 * reject every number built on them.
 */

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export type RegistrationNumberCheck =
  | { readonly ok: true; readonly normalized: string }
  | { readonly ok: false; readonly reason: string };

/** The check digit for the first nine digits, or undefined when it would be 10 (never issued). */
export function computeCheckDigit(first9: string): number | undefined {
  if (!/^\d{9}$/.test(first9)) throw new RangeError(`Expected nine digits, got "${first9}"`);
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += weight * Number(first9[i]);
  });
  const check = 10 - (sum % 11);
  return check === 10 ? undefined : check;
}

// Spreadsheets and word processors turn "-" into one of these; they all mean the branch separator.
const DASHES = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;

/**
 * The registration number as it is stored and compared: full-width digits read as digits (NFKC), invisible
 * characters (zero-width spaces, joiners, BOM) and spaces removed, dashes unified. "２４００070069" and
 * "2400070069\u200b" are the same number as "2400070069".
 */
export function normalizeRegistrationNumber(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\p{Cf}\s]+/gu, '')
    .replace(DASHES, '-');
}

/**
 * Validates a registration number, after normalizing it (normalizeRegistrationNumber);
 * `normalized` is "NNNNNNNNNN" or "NNNNNNNNNN-NNN". Empty input is reported as not ok: whether a
 * record may lack the number is the caller's decision.
 */
export function checkRegistrationNumber(input: string): RegistrationNumberCheck {
  const normalized = normalizeRegistrationNumber(input);
  if (normalized === '') return { ok: false, reason: 'Chưa nhập mã số' };

  const match = /^(\d{9})(\d)(?:-(\d{3}))?$/.exec(normalized);
  if (!match) {
    return {
      ok: false,
      reason: 'Mã số phải gồm 10 chữ số, hoặc 10 chữ số, dấu "-" và 3 chữ số của đơn vị phụ thuộc',
    };
  }
  const [, first9 = '', given = '', branch] = match;
  // Dependent units are numbered from 001; "-000" would be the head office written as a branch.
  if (branch === '000') return { ok: false, reason: 'Số thứ tự đơn vị phụ thuộc phải từ 001 đến 999' };

  const expected = computeCheckDigit(first9);
  if (expected === undefined) {
    return { ok: false, reason: 'Mã số không hợp lệ: 9 chữ số đầu không thể có chữ số kiểm tra' };
  }
  if (expected !== Number(given)) {
    return {
      ok: false,
      reason: `Mã số không hợp lệ: chữ số kiểm tra (chữ số thứ 10) phải là ${expected}, không phải ${given}`,
    };
  }
  return { ok: true, normalized };
}
