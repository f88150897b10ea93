import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSector, matchSector, SECTOR_GROUPS, SECTORS, type SectorCode } from './sectors.ts';

const code = (text: string): SectorCode | undefined => matchSector(text)?.code;

describe('SECTORS and SECTOR_GROUPS', () => {
  it('put each sector in the group the domain document gives', () => {
    const byGroup = Object.fromEntries(
      SECTOR_GROUPS.map((g) => [g.code, SECTORS.filter((s) => s.group === g.code).map((s) => s.code)]),
    );
    expect(byGroup).toEqual({
      agriculture: ['agriculture', 'forestry', 'fishery'],
      non_agriculture: [
        'industry_handicraft',
        'construction',
        'transport',
        'trade_services',
        'environment',
        'electricity_water',
      ],
      credit_fund: ['credit_fund'],
    });
  });

  it('carry the labels reports print', () => {
    expect(SECTOR_GROUPS.map((g) => g.name)).toEqual([
      'Nông nghiệp, lâm nghiệp, thủy sản',
      'Phi nông nghiệp',
      'Quỹ tín dụng nhân dân',
    ]);
    expect(getSector('industry_handicraft').name).toBe('Công nghiệp - Tiểu thủ công nghiệp');
    expect(getSector('electricity_water').name).toBe('Điện, nước');
  });

  it('store names in NFC, each unique', () => {
    for (const s of SECTORS) expect(s.name).toBe(s.name.normalize('NFC'));
    expect(new Set(SECTORS.map((s) => s.code)).size).toBe(SECTORS.length);
  });
});

describe('matchSector', () => {
  it('matches every canonical name and code to its own sector', () => {
    for (const sector of SECTORS) {
      expect(matchSector(sector.name)).toBe(sector);
      expect(matchSector(sector.code)).toBe(sector);
    }
  });

  it('matches the spellings found in the sample workbook', () => {
    expect(code('Nông  nghiệp')).toBe('agriculture');
    expect(code('NÔNG NGHIỆP')).toBe('agriculture');
    expect(code('nông nghiệp ')).toBe('agriculture');
    expect(code('lâm nghiệp')).toBe('forestry');
    expect(code('THỦY SẢN')).toBe('fishery');
    expect(code('vận tải')).toBe('transport');
    expect(code('Công nghiệp - TTCN')).toBe('industry_handicraft');
    expect(code('QTDND')).toBe('credit_fund');
  });

  it('ignores Unicode form and tone placement', () => {
    expect(code('Thuỷ sản')).toBe('fishery');
    expect(code('Thủy sản'.normalize('NFD'))).toBe('fishery');
    expect(code('Môi trường'.normalize('NFD'))).toBe('environment');
  });

  it('understands the usual abbreviations and connectors', () => {
    expect(code('TTCN')).toBe('industry_handicraft');
    expect(code('CN-TTCN')).toBe('industry_handicraft');
    expect(code('CN & TTCN')).toBe('industry_handicraft');
    expect(code('Công nghiệp và tiểu thủ công nghiệp')).toBe('industry_handicraft');
    expect(code('TM-DV')).toBe('trade_services');
    expect(code('TM&DV')).toBe('trade_services');
    expect(code('Thương mại dịch vụ')).toBe('trade_services');
    expect(code('Thương mại, dịch vụ')).toBe('trade_services');
    expect(code('Điện - nước')).toBe('electricity_water');
    expect(code('Điện và nước')).toBe('electricity_water');
    expect(code('Ngành xây dựng')).toBe('construction');
    expect(code('Lĩnh vực: Vận tải')).toBe('transport');
    expect(code('quỹ tín dụng')).toBe('credit_fund');
  });

  it('does not guess: groups, ambiguous abbreviations and compound lines match nothing', () => {
    expect(matchSector('Phi nông nghiệp')).toBeUndefined();
    expect(matchSector('Dịch vụ nông nghiệp')).toBeUndefined();
    expect(matchSector('CN')).toBeUndefined();
    expect(matchSector('NN')).toBeUndefined();
    expect(matchSector('')).toBeUndefined();
    expect(matchSector('   ')).toBeUndefined();
  });

  it('is insensitive to case and surrounding spaces for any canonical name', () => {
    const anySector = fc.constantFrom(...SECTORS);
    const padding = fc.string({ unit: fc.constantFrom(' ', '\t', '\u00a0') });
    fc.assert(
      fc.property(anySector, padding, padding, fc.boolean(), (sector, before, after, upper) => {
        const name = upper ? sector.name.toUpperCase() : sector.name.toLowerCase();
        expect(matchSector(before + name.normalize('NFD') + after)).toBe(sector);
      }),
    );
  });
});
