import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, searchKey, stripUnitPrefix } from './vietnamese-text.ts';

const vietnameseChar = fc.constantFrom(
  ...'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ -,'.split(''),
);

describe('normalizeText', () => {
  it('composes to NFC, trims and collapses whitespace', () => {
    const decomposed = '  Hợp   tác\txã\u00a0Bưởi\n'.normalize('NFD');
    const result = normalizeText(decomposed);
    expect(result).toBe('Hợp tác xã Bưởi');
    expect(result).toBe(result.normalize('NFC'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
      }),
    );
  });
});

describe('searchKey', () => {
  it('folds accents, case, đ and punctuation', () => {
    expect(searchKey('Hợp tác xã Bưởi Diễn Tân Yên')).toBe('hop tac xa buoi dien tan yen');
    expect(searchKey('HTX Nấm Linh Chi Đồng Kỳ')).toBe('htx nam linh chi dong ky');
    expect(searchKey('  Công nghiệp - TTCN ')).toBe('cong nghiep ttcn');
    expect(searchKey('Điện, nước')).toBe('dien nuoc');
    expect(searchKey('ĐẶC KHU')).toBe('dac khu');
  });

  it('gives decomposed and composed input the same key', () => {
    const name = 'Hợp tác xã Gốm Thổ Hà';
    expect(searchKey(name.normalize('NFD'))).toBe(searchKey(name.normalize('NFC')));
  });

  it('ignores old and new tone placement', () => {
    expect(searchKey('Thuỷ sản')).toBe(searchKey('Thủy sản'));
    expect(searchKey('Hoà Sơn')).toBe(searchKey('Hòa Sơn'));
    expect(searchKey('Hoà')).toBe('hoa');
  });

  it('keeps digits', () => {
    expect(searchKey('Phường 12, Quận 3')).toBe('phuong 12 quan 3');
  });

  it('yields only lower-case letters, digits and single inner spaces, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const key = searchKey(s);
        expect(key).not.toMatch(/[\u0300-\u036fđĐ]|^ | $| {2}/);
        expect(key).toBe(key.toLowerCase());
        expect(searchKey(key)).toBe(key);
      }),
    );
  });

  it('does not depend on Unicode form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const key = searchKey(s);
        expect(searchKey(s.normalize('NFD'))).toBe(key);
        expect(searchKey(s.normalize('NFC'))).toBe(key);
      }),
    );
  });

  it('gives Vietnamese text the same key in upper and lower case, and an ASCII one', () => {
    fc.assert(
      fc.property(fc.string({ unit: vietnameseChar }), (s) => {
        const key = searchKey(s);
        expect(searchKey(s.toUpperCase())).toBe(key);
        expect(key).toMatch(/^[a-z ]*$/);
      }),
    );
  });
});

describe('stripUnitPrefix', () => {
  it.each([
    ['Xã Vân Trung', 'Vân Trung'],
    ['Phường Trần Phú', 'Trần Phú'],
    ['Thị trấn Cao Thượng', 'Cao Thượng'],
    ['Huyện Tân Yên', 'Tân Yên'],
    ['Thị xã Việt Yên', 'Việt Yên'],
    ['Thành phố Bắc Giang', 'Bắc Giang'],
    ['TP Bắc Giang', 'Bắc Giang'],
    ['TP. Bắc Giang', 'Bắc Giang'],
    ['TP.Hồ Chí Minh', 'Hồ Chí Minh'],
    ['Quận 1', '1'],
    ['Đặc khu Phú Quốc', 'Phú Quốc'],
    ['Tỉnh Bắc Ninh', 'Bắc Ninh'],
  ])('%s → %s', (input, expected) => {
    expect(stripUnitPrefix(input)).toBe(expected);
  });

  it('compares the prefix ignoring case, accents and Unicode form', () => {
    expect(stripUnitPrefix('XÃ Vân Trung')).toBe('Vân Trung');
    expect(stripUnitPrefix('xa Vân Trung')).toBe('Vân Trung');
    expect(stripUnitPrefix('thành  phố   Bắc Giang ')).toBe('Bắc Giang');
    expect(stripUnitPrefix('tp bắc giang')).toBe('bắc giang');
    expect(stripUnitPrefix('Thị xã Việt Yên'.normalize('NFD'))).toBe('Việt Yên');
    expect(stripUnitPrefix('Huyện Tân Yên'.normalize('NFD'))).toBe('Tân Yên'.normalize('NFC'));
  });

  it('strips only one prefix and only a whole word', () => {
    expect(stripUnitPrefix('Xã Thị Trấn')).toBe('Thị Trấn');
    expect(stripUnitPrefix('Xãi Tân')).toBe('Xãi Tân');
    expect(stripUnitPrefix('Tân Yên')).toBe('Tân Yên');
    expect(stripUnitPrefix('Quang Trung')).toBe('Quang Trung');
    expect(stripUnitPrefix('TPX Bắc')).toBe('TPX Bắc');
  });

  it('leaves a bare prefix alone rather than returning an empty name', () => {
    expect(stripUnitPrefix('Xã')).toBe('Xã');
    expect(stripUnitPrefix('TP.')).toBe('TP.');
  });
});
