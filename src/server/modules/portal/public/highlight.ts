/**
 * Highlighted snippets for search results: the words typed (without accents, any case) are found in the folded
 * text, and their positions mapped back to the ORIGINAL accented text (as stripUnitPrefix does), so that
 * "hoi nghi" marks "Hội nghị" where it stands.
 */
import { searchKey } from '../../../../shared/vietnamese-text.ts';

/** A piece of text, marked when it matched. */
export type Piece = { text: string; mark: boolean };

type Folded = { folded: string; originalAt: number[]; text: string };

/** Folds character by character (accents, case, đ; anything not a letter or digit becomes a space). */
function fold(original: string): Folded {
  const text = original.normalize('NFC');
  let folded = '';
  const originalAt: number[] = [];
  let offset = 0;
  for (const char of text) {
    const f = searchKey(char) || ' ';
    folded += f;
    for (let i = 0; i < f.length; i++) originalAt.push(offset);
    offset += char.length;
  }
  originalAt.push(text.length);
  return { folded, originalAt, text };
}

const isBoundary = (folded: string, at: number) => at <= 0 || at >= folded.length || folded[at] === ' ' || folded[at - 1] === ' ';

/** Where a word occurs as a whole word; failing that, where a word starts with it (a word typed in part). */
function occurrences(folded: string, word: string): [number, number][] {
  const whole: [number, number][] = [];
  const starts: [number, number][] = [];
  for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
    if (at > 0 && folded[at - 1] !== ' ') continue;
    (isBoundary(folded, at + word.length) ? whole : starts).push([at, at + word.length]);
  }
  return whole.length ? whole : starts;
}

/** [start, end) ranges in the folded text where a query word occurs, merged, in order. */
function matches(folded: string, words: readonly string[]): [number, number][] {
  const ranges = words.filter(Boolean).flatMap((word) => occurrences(folded, word));
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** Where the snippet centres: the words typed together, else the first word found. */
function anchor(folded: string, words: readonly string[]): number | undefined {
  const phrase = occurrences(folded, words.join(' '))[0];
  return phrase ? phrase[0] : matches(folded, words)[0]?.[0];
}

/** The query's words as search compares them. */
export const queryWords = (q: string) => [...new Set(searchKey(q).split(' ').filter(Boolean))].slice(0, 8);

/** The whole text in pieces, the matched words marked (titles). */
export function highlight(text: string, words: readonly string[]): Piece[] {
  const f = fold(text);
  return piecesOf(f, words, 0, f.text.length);
}

/**
 * About `length` characters of the text around the first match, cut at spaces, with an ellipsis where cut and
 * the matched words marked; the text's start when nothing matches.
 */
export function snippet(original: string, words: readonly string[], length = 220): Piece[] {
  const f = fold(original);
  const text = f.text;
  const at = anchor(f.folded, words);
  const centre = at === undefined ? 0 : f.originalAt[at]!;
  let start = Math.max(0, centre - Math.floor(length / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space > centre ? start : space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const pieces = piecesOf(f, words, start, end);
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

function piecesOf(f: Folded, words: readonly string[], start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  let at = start;
  for (const [a, b] of matches(f.folded, words)) {
    const from = f.originalAt[a]!;
    const to = f.originalAt[b]!;
    if (to <= start || from >= end) continue;
    const markFrom = Math.max(from, start);
    const markTo = Math.min(to, end);
    if (markFrom > at) pieces.push({ text: f.text.slice(at, markFrom), mark: false });
    pieces.push({ text: f.text.slice(markFrom, markTo), mark: true });
    at = markTo;
  }
  if (at < end) pieces.push({ text: f.text.slice(at, end), mark: false });
  return pieces;
}
