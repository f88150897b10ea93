import { describe, expect, it } from 'vitest';
import { htxForm } from '../../../server/modules/annual-updates/forms/htx.ts';
import { formatNumber, tidyNumber, typedFromValues, valuesFromTyped } from './values.ts';

describe('numbers typed the Vietnamese way', () => {
  it('reads "1.300.000" and "1300000" as the same number, and shows it grouped', () => {
    const { values, unreadable } = valuesFromTyped(htxForm, { charterCapitalVnd: '1.300.000.000', totalCapitalVnd: '1300000000', membersOfficial: '12' });
    expect(values).toMatchObject({ charterCapitalVnd: 1_300_000_000, totalCapitalVnd: 1_300_000_000, membersOfficial: 12 });
    expect(unreadable).toEqual({});
    expect(tidyNumber('6500000')).toBe('6.500.000');
    expect(tidyNumber('-150000000')).toBe('-150.000.000');
    expect(formatNumber(12.5)).toBe('12,5');
  });

  it('names the field whose text is not a number, keeps it as typed, and leaves it out of the values', () => {
    const { values, unreadable } = valuesFromTyped(htxForm, { revenueVnd: '3.2 tỷ' });
    expect(values.revenueVnd).toBeUndefined();
    expect(unreadable.revenueVnd).toMatch(/^Doanh thu \(đồng\): Không đọc được số "3.2 tỷ"/);
    expect(tidyNumber('3.2 tỷ')).toBe('3.2 tỷ');
  });

  it('turns blanks into null, keeps yes/no, choices and text, and round-trips stored values', () => {
    const typed = { membersOfficial: '', digitalWebsite: true, managerTraining: 'university', difficulties: 'Thiếu vốn' };
    const { values } = valuesFromTyped(htxForm, typed);
    expect(values).toMatchObject({ membersOfficial: null, digitalWebsite: true, managerTraining: 'university', difficulties: 'Thiếu vốn', workers: null });
    const back = typedFromValues(htxForm, { revenueVnd: 3_200_000_000, digitalWebsite: false, difficulties: null });
    expect(back).toMatchObject({ revenueVnd: '3.200.000.000', digitalWebsite: false, difficulties: '', digitalEInvoice: null });
  });
});
