// `coop loans rules set` reads its options through the API's schema and names a bad option (src/cli/loans-rules.ts).
import { describe, expect, it } from 'vitest';
import { parseRulesOptions } from '../../../cli/loans-rules.ts';

const base = { effectiveFrom: '2025-01-01', maxAmount: '500000000', maxTermMonths: '24', methods: 'bullet,equal_principal', rate: '4.8' };

describe('coop loans rules set options', () => {
  it('reads lists and numbers', () => {
    expect(parseRulesOptions({ ...base, minMonthsSinceFounding: '12', sectorGroups: 'agriculture, non_agriculture', maxOpenLoans: '1' })).toMatchObject({
      maxAmountVnd: '500000000', maxTermMonths: 24, methods: ['bullet', 'equal_principal'], annualRatePercent: '4.8', penaltyRatePercent: 150,
      minMonthsSinceFounding: 12, sectorGroups: ['agriculture', 'non_agriculture'], maxOpenLoans: 1,
    });
  });

  it('names the option that is wrong', () => {
    expect(() => parseRulesOptions({ ...base, maxAmount: '5e8' })).toThrow(/^--max-amount: /);
    expect(() => parseRulesOptions({ ...base, rate: '4,8' })).toThrow(/^--rate: /);
    expect(() => parseRulesOptions({ ...base, maxTermMonths: 'two' })).toThrow(/^--max-term-months: /);
    expect(() => parseRulesOptions({ ...base, methods: 'annuity' })).toThrow(/^--methods: /);
    expect(() => parseRulesOptions({ ...base, effectiveFrom: '2025-02-30' })).toThrow(/^--effective-from: /);
  });
});
