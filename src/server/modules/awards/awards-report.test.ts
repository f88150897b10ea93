// The narrative sentence (decision 010) from made-up figures: the seed's order and wording, two-digit counts,
// "nhiều" only for the alliance's own certificates above 20.
import { describe, expect, it } from 'vitest';
import { awardsNarrative, type AwardsReportDetail } from './awards-report.ts';

const kind = (code: string, name: string, form: string, level: string, collectives: number, individuals: number) => ({ code, name, form, level, collectives, individuals });
const report = (kinds: AwardsReportDetail['kinds']): AwardsReportDetail => ({ year: 2023, byForm: [], totalCash: 0, revoked: 0, kinds });

describe('awardsNarrative', () => {
  it("writes the seed's sentence whatever order the figures come in", () => {
    const kinds = [
      kind('flag_province', 'Cờ thi đua của UBND tỉnh', 'flag', 'province', 1, 0),
      kind('flag_vca', 'Cờ thi đua của Ban chấp hành Liên minh HTX Việt Nam', 'flag', 'vca', 1, 0),
      kind('merit_province', 'Bằng khen của Chủ tịch UBND tỉnh', 'certificate_of_merit', 'province', 4, 5),
      kind('merit_vca', 'Bằng khen của Liên minh HTX Việt Nam', 'certificate_of_merit', 'vca', 7, 6),
      kind('medal_coop', 'Kỷ niệm chương "Vì sự nghiệp phát triển HTX"', 'medal', 'vca', 0, 11),
      kind('commendation_alliance', 'Giấy khen của Liên minh HTX tỉnh', 'certificate_of_commendation', 'alliance', 15, 10),
    ];
    expect(awardsNarrative(report(kinds))).toBe(
      'trao Cờ thi đua của Ban chấp hành Liên minh HTX Việt Nam cho 01 HTX; trao Cờ thi đua của UBND tỉnh cho 01 HTX; 11 cá nhân được tặng kỷ niệm chương “Vì sự nghiệp phát triển HTX”; 07 tập thể và 06 cá nhân được tặng Bằng khen của Liên minh HTX Việt Nam; 04 tập thể và 05 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh và nhiều tập thể, cá nhân được tặng Giấy khen của Liên minh HTX tỉnh',
    );
  });

  it('counts the alliance\'s own certificates up to 20, and writes one clause alone', () => {
    const few = kind('commendation_alliance', 'Giấy khen của Liên minh HTX tỉnh', 'certificate_of_commendation', 'alliance', 12, 8);
    expect(awardsNarrative(report([few]))).toBe('12 tập thể và 08 cá nhân được tặng Giấy khen của Liên minh HTX tỉnh');
    const many = { ...few, collectives: 30, individuals: 0 };
    expect(awardsNarrative(report([many]))).toBe('nhiều tập thể được tặng Giấy khen của Liên minh HTX tỉnh');
    expect(awardsNarrative(report([]))).toBe('');
  });
});
