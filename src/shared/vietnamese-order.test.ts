import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnamese, sortByVietnamese, vietnameseSortKey } from './vietnamese-order.ts';

// Written in dictionary order by hand (Hoàng Phê's order: syllable by syllable; letters a ă â b c d đ e ê g h i k l
// m n o ô ơ p q r s t u ư v x y; tones none, huyền, hỏi, ngã, sắc, nặng), never produced by the code under test.
const BY_HAND = [
  'a', 'à', 'ả', 'ã', 'á', 'ạ', 'ác', 'ạc', 'ách', 'ái', 'am', 'ám', 'an', 'án', 'anh', 'ảnh', 'ánh', 'ao', 'ào', 'áo',
  'ay', 'ăn', 'ăng', 'ắt', 'âm', 'ầm', 'ấm', 'ân', 'ấn', 'âu', 'ẩu', 'ấy',
  'ba', 'ba ba', 'bà', 'bà con', 'bả', 'bã', 'bá', 'bạ', 'bác', 'bạc', 'bạch', 'bài', 'bãi', 'bàn', 'bản', 'bán',
  'bạn', 'bang', 'bàng', 'bảng', 'bánh', 'bao', 'bảo', 'báo', 'bắc', 'băng', 'bằng', 'bắp', 'bầu', 'bé', 'bê', 'bề',
  'bệnh', 'bi', 'bí', 'bìa', 'biển', 'biết', 'bình', 'bò', 'bóng', 'bô', 'bồ', 'bố', 'bơ', 'bờ', 'bở', 'bú', 'bụ',
  'bùn', 'bút', 'bưởi', 'bướm',
  'ca', 'cà', 'cá', 'cam', 'cảm', 'cao', 'cáo', 'cát', 'cẩm', 'câu', 'cầu', 'chè', 'chế', 'chợ', 'cỏ', 'có', 'cô',
  'cổ', 'cơ', 'cờ', 'củ', 'cũ', 'cua', 'cùng', 'cửa', 'cười',
  'da', 'dã', 'dạ', 'dân', 'dẫn', 'dây', 'dê', 'dễ', 'dịch', 'diễn', 'dĩnh', 'do', 'dọc', 'dốc', 'dồi', 'du', 'dù',
  'dũng', 'dương', 'dưỡng',
  'đa', 'đà', 'đá', 'đại', 'đan', 'đàn', 'đang', 'đảng', 'đào', 'đạo', 'đắk', 'đâu', 'đầu', 'đề', 'để', 'đền', 'đi',
  'điện', 'đình', 'đô', 'độ', 'đông', 'đồng', 'đơn', 'đức', 'đường',
  'e', 'è', 'em', 'ê', 'ếch', 'gà', 'gạo', 'ghi', 'gia', 'giang', 'hà', 'hải', 'hòa', 'hợp', 'hưng', 'im', 'ít',
  'kế', 'khánh', 'kim', 'la', 'lạc', 'lâm', 'lúa', 'mai', 'mía', 'minh', 'na', 'nam', 'nếnh', 'ngọc', 'nhà', 'ninh',
  'ô', 'ôn', 'ơn', 'phú', 'quang', 'quế', 'rau', 'sản', 'sơn', 'tác', 'tân', 'thái', 'thành', 'tre', 'trung', 'tư',
  'u', 'ủy', 'ư', 'ưng', 'vải', 'vân', 'việt', 'xã', 'xanh', 'xoài', 'y', 'yên',
];

// Names as the registry holds them, in order by hand: capitals, numbers, d/đ, the cases of the issue.
const NAMES_BY_HAND = [
  'Hợp tác xã Cam Kép', // h-ơ before h-t
  'HTX 8',
  'HTX 10',
  'HTX 81',
  'HTX An Hà',
  'HTX Anh Đào',
  'HTX Chè Cao Xá 81',
  'HTX Chè Đồng Kỳ 8',
  'HTX Chè Nếnh 84',
  'Phường Cảnh Thụy',
  'Phường Chũ',
  'Xã Cao Xá',
  'Xã Cẩm Lý',
  'Xã Dĩnh Kế',
  'Xã Đại Lâm',
  'Xã Đan Hội',
  'Xã Đồng Kỳ',
];

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let s = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('vietnameseSortKey', () => {
  it('puts 200 words written in dictionary order by hand back in that order, from any shuffle', () => {
    expect(BY_HAND.length).toBeGreaterThanOrEqual(200);
    for (const seed of [1, 7, 42]) expect(sortByVietnamese(shuffled(BY_HAND, seed), (w) => w)).toEqual(BY_HAND);
  });

  it('orders registry names: letters of the alphabet, then tones; numbers by value', () => {
    expect(sortByVietnamese(shuffled(NAMES_BY_HAND, 3), (w) => w)).toEqual(NAMES_BY_HAND);
    expect(compareVietnamese('Cao Xá', 'Cẩm Lý')).toBeLessThan(0);
    expect(compareVietnamese('Dĩnh Kế', 'Đại Lâm')).toBeLessThan(0);
    expect(compareVietnamese('Zeta', 'Đại Lâm')).toBeGreaterThan(0);
  });

  it('ignores case, spacing, punctuation and how the text is composed', () => {
    const key = vietnameseSortKey('Hợp tác xã Bưởi Diễn');
    expect(vietnameseSortKey('HỢP TÁC XÃ BƯỞI DIỄN')).toBe(key);
    expect(vietnameseSortKey('  Hợp  tác   xã - Bưởi, Diễn ')).toBe(key);
    expect(vietnameseSortKey('Hợp tác xã Bưởi Diễn'.normalize('NFD'))).toBe(key);
    expect(vietnameseSortKey('HTX ２４')).toBe(vietnameseSortKey('HTX 24'));
    expect(vietnameseSortKey('HTX 024')).toBe(vietnameseSortKey('HTX 24'));
  });

  it('is plain ASCII that sorts byte by byte, so a database orders by it as JavaScript does', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 20 }), (names) => {
        for (const name of names) expect(vietnameseSortKey(name)).toMatch(/^[\x20-\x7e]*$|~/u);
        const byKey = [...names].map(vietnameseSortKey).sort();
        const byCompare = sortByVietnamese(names, (n) => n).map(vietnameseSortKey);
        expect(byCompare).toEqual(byKey);
      }),
    );
  });

  it('is a total order consistent with itself (antisymmetric, transitive)', () => {
    const word = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(Math.sign(compareVietnamese(a, b))).toBe(-Math.sign(compareVietnamese(b, a)) || 0);
        if (compareVietnamese(a, b) <= 0 && compareVietnamese(b, c) <= 0) expect(compareVietnamese(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
