/** Snippets and marks: found without accents, marked in the accented original. */
import { describe, expect, it } from 'vitest';
import { highlight, queryWords, snippet, type Piece } from './highlight.ts';

const html = (pieces: Piece[]) => pieces.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('highlight', () => {
  it('marks the original accented words that the folded query matches', () => {
    expect(html(highlight('Hội nghị tổng kết năm 2023', queryWords('hoi nghi')))).toBe('[Hội] [nghị] tổng kết năm 2023');
    expect(html(highlight('Đại hội Liên minh HTX', queryWords('DAI HOI')))).toBe('[Đại] [hội] Liên minh HTX');
    // Tone marks placed either way (Thuỷ / Thủy) and decomposed input fold the same.
    expect(html(highlight('Nguyễn Thị Thuỷ', queryWords('thủy')))).toBe('Nguyễn Thị [Thuỷ]');
    expect(html(highlight('Nguye\u0302\u0303n', queryWords('nguyen')))).toBe('[Nguyễn]');
    // Overlapping matches merge; the number and symbol keep their punctuation outside the marks.
    expect(html(highlight('Kế hoạch 641/KH-UBND', queryWords('641 kh ubnd')))).toBe('Kế hoạch [641]/[KH]-[UBND]');
  });

  it('cuts a snippet around the first match, at spaces, with ellipses', () => {
    const text = `${'Mở đầu dài dòng '.repeat(30)}Hợp tác xã Bưởi Diễn được công nhận điển hình tiên tiến ${'và còn nhiều nội dung khác '.repeat(30)}`;
    const pieces = snippet(text, queryWords('buoi dien'), 120);
    const s = html(pieces);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('[Bưởi] [Diễn] được công nhận');
    expect(s.length).toBeLessThan(140);
    expect(s).toMatch(/^… \S|^…\S/);
  });

  it('gives the start of the text when nothing matches, and the whole of a short text', () => {
    expect(html(snippet('Ngắn gọn.', queryWords('khong co')))).toBe('Ngắn gọn.');
    expect(html(snippet('a '.repeat(200), ['zz'], 20)).endsWith('…')).toBe(true);
  });
});
