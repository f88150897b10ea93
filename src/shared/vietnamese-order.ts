/**
 * Vietnamese alphabetical order, as a dictionary orders words: letter by letter in the alphabet
 * a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z where borrowed words use them),
 * word by word (syllable by syllable: "An Hà" before "Anh", "ba ba" before "bà"); two syllables of the same
 * letters differ by their tone: none, huyền, hỏi, ngã, sắc, nặng. Case, spacing and punctuation are ignored; a run
 * of digits is one number ("HTX 8" before "HTX 10").
 *
 * The order is carried by a key of plain ASCII that sorts byte by byte (PostgreSQL's "C" collation, JavaScript's
 * `<`), so the same order holds on PGlite (which has no ICU), on PostgreSQL and on Citus, stored beside a name
 * and indexed like any column.
 */

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
// Tone marks as NFD writes them, in dictionary order (none = 0).
const TONES: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };
// The marks that make a letter of its own (ă â ê ô ơ ư) rather than a tone.
const LETTER_MARKS: Record<string, string> = { '\u0306': 'breve', '\u0302': 'circumflex', '\u031b': 'horn' };

// A syllable's key is its letters ('A'.. in alphabet order) then its tone ('0'..'5', below every letter, so that
// "bà" < "ban": letters decide first); syllables are joined by '!', below the tone digits and letters, so that
// "ba ba" < "bà" < "bàn".
const WORD_BREAK = '!';
const LETTER_BASE = 0x41;
// A number: '"' then the count of its digits, then the digits: 8 < 10; numbers sort before words.
const NUMBER_MARK = '"';

type Letter = { base: string; tone: string };

/** Splits a name into words of letters (with their tone) and numbers, dropping punctuation and spacing. */
function lettersOf(name: string): Array<Letter[] | string> {
  const words: Array<Letter[] | string> = [];
  let word: Letter[] = [];
  let digits = '';
  const endWord = () => {
    if (word.length > 0) words.push(word);
    if (digits !== '') words.push(digits);
    word = [];
    digits = '';
  };
  // NFKC: full-width digits and letters ("２４") read as their plain forms.
  for (const char of name.normalize('NFKC')) {
    const decomposed = char.toLowerCase().normalize('NFD');
    const head = decomposed[0]!;
    if (/\p{N}/u.test(char) && /[0-9]/.test(head)) {
      if (word.length > 0) {
        words.push(word);
        word = [];
      }
      digits += head;
      continue;
    }
    if (!/\p{L}/u.test(char)) {
      endWord();
      continue;
    }
    if (digits !== '') {
      words.push(digits);
      digits = '';
    }
    let base = head === 'đ' ? 'đ' : head;
    let tone = '0';
    for (const mark of decomposed.slice(1)) {
      if (TONES[mark]) tone = TONES[mark];
      else if (LETTER_MARKS[mark]) base = (base + mark).normalize('NFC');
    }
    word.push({ base, tone });
  }
  endWord();
  return words;
}

function letterChar(base: string): string {
  const index = ALPHABET.indexOf(base);
  // Letters outside the alphabet (other scripts) sort after z, in code point order among themselves.
  return index >= 0 ? String.fromCharCode(LETTER_BASE + index) : `~${base}`;
}

function numberChars(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  // The count of digits first, so that 8 < 10; up to 62 digits fit in one char (past that, text order).
  return NUMBER_MARK + String.fromCharCode(0x30 + Math.min(trimmed.length, 62)) + trimmed;
}

function syllableChars(letters: Letter[]): string {
  // One tone a syllable; a borrowed word with several marks takes its first.
  const tone = letters.find((l) => l.tone !== '0')?.tone ?? '0';
  return letters.map((l) => letterChar(l.base)).join('') + tone;
}

/** The key that sorts names in Vietnamese dictionary order, byte by byte: store it beside the name. */
export function vietnameseSortKey(name: string): string {
  return lettersOf(name)
    .map((w) => (typeof w === 'string' ? numberChars(w) : syllableChars(w)))
    .join(WORD_BREAK);
}

/** Compares two names in Vietnamese dictionary order (for Array.prototype.sort). */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Sorts a copy of a list by a name, in Vietnamese dictionary order; the key of each item is computed once. */
export function sortByVietnamese<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: vietnameseSortKey(nameOf(item)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.item);
}
