import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHundredths, scoreboardOf, scoreHundredths, ScoringRule, type ScoredCriterion } from './emulation-scoring.ts';

const rule = (r: Record<string, unknown> = {}) => ScoringRule.parse(r);
const growth: ScoredCriterion = { target: '10', points: 20, maxPoints: 25, direction: 'higher_better', rule: rule({ below: 'proportional', step: '2', bonusPerStep: '1' }) };
const score = (c: ScoredCriterion, v: string) => formatHundredths(scoreHundredths(c, v));

/** A value in the criterion's unit with up to 4 decimals, as text. */
const value = fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => (n / 10_000).toFixed(4));
const criterion: fc.Arbitrary<ScoredCriterion> = fc
  .record({
    target: fc.integer({ min: -1000, max: 100_000 }).map((n) => (n / 100).toFixed(2)),
    points: fc.integer({ min: 0, max: 50 }),
    extra: fc.integer({ min: 0, max: 30 }),
    direction: fc.constantFrom('higher_better' as const, 'lower_better' as const),
    below: fc.constantFrom('proportional' as const, 'zero' as const, 'penalty' as const),
    step: fc.integer({ min: 1, max: 5000 }).map((n) => (n / 100).toFixed(2)),
    bonus: fc.integer({ min: 0, max: 500 }).map((n) => (n / 100).toFixed(2)),
    penalty: fc.integer({ min: 0, max: 500 }).map((n) => (n / 100).toFixed(2)),
  })
  .map((c) => ({ target: c.target, points: c.points, maxPoints: c.points + c.extra, direction: c.direction, rule: rule({ below: c.below, step: c.step, bonusPerStep: c.bonus, penaltyPerStep: c.penalty }) }));

describe('scoring one criterion', () => {
  it('meets the target: the points; beyond it: a bonus per whole step, capped', () => {
    expect(score(growth, '10')).toBe('20.00');
    expect(score(growth, '13.9')).toBe('21.00');
    expect(score(growth, '14')).toBe('22.00');
    expect(score(growth, '100')).toBe('25.00');
  });

  it('short of the target: proportional, zero or a penalty per step', () => {
    expect(score(growth, '5')).toBe('10.00');
    expect(score(growth, '3.333')).toBe('6.67');
    expect(score(growth, '-4')).toBe('0.00');
    expect(score({ ...growth, rule: rule({ below: 'zero' }) }, '9.99')).toBe('0.00');
    const penalty = { ...growth, rule: rule({ below: 'penalty', step: '1', penaltyPerStep: '2.5' }) };
    expect(score(penalty, '9.5')).toBe('17.50');
    expect(score(penalty, '8')).toBe('15.00');
    expect(score(penalty, '0')).toBe('0.00');
  });

  it('lower is better: the mirror', () => {
    const debt = { target: '2', points: 10, maxPoints: 12, direction: 'lower_better' as const, rule: rule({ below: 'proportional', step: '0.5', bonusPerStep: '1' }) };
    expect(score(debt, '2')).toBe('10.00');
    expect(score(debt, '1.5')).toBe('11.00');
    expect(score(debt, '0')).toBe('12.00');
    expect(score(debt, '4')).toBe('5.00');
    expect(score(debt, '3')).toBe('6.67');
  });

  it('has no floating-point surprises: 0.1 + 0.2 steps are exact', () => {
    const c = { target: '0.1', points: 10, maxPoints: 20, direction: 'higher_better' as const, rule: rule({ step: '0.1', bonusPerStep: '0.1' }) };
    expect(score(c, '0.3')).toBe('10.20');
    expect(score({ ...c, target: '3' }, '1.005')).toBe('3.35');
  });

  it('reads decimal commas and refuses bad rules with a Vietnamese message', () => {
    expect(rule({ step: '0,5', bonusPerStep: '1,25' })).toMatchObject({ step: '0.5', bonusPerStep: '1.25' });
    expect(() => rule({ step: '0' })).toThrow(/Bước tính thưởng, phạt/);
    expect(() => rule({ bonusPerStep: '-1' })).toThrow(/Điểm thưởng mỗi bước/);
  });

  it('property: a better result never lowers the score (both directions)', () => {
    fc.assert(
      fc.property(criterion, value, value, (c, a, b) => {
        const [worse, better] = c.direction === 'higher_better' ? (Number(a) <= Number(b) ? [a, b] : [b, a]) : Number(a) >= Number(b) ? [a, b] : [b, a];
        expect(scoreHundredths(c, better)).toBeGreaterThanOrEqual(scoreHundredths(c, worse));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the score lies in [0, maxPoints] and meeting the target gives at least the points', () => {
    fc.assert(
      fc.property(criterion, value, (c, v) => {
        const s = scoreHundredths(c, v);
        expect(s).toBeGreaterThanOrEqual(0n);
        expect(s).toBeLessThanOrEqual(BigInt(c.maxPoints) * 100n);
        expect(scoreHundredths(c, c.target)).toBe(BigInt(c.points) * 100n);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ranking', () => {
  const criteria: ScoredCriterion[] = [
    { target: '10', points: 10, maxPoints: 10, direction: 'higher_better', rule: rule() },
    { target: '10', points: 10, maxPoints: 10, direction: 'higher_better', rule: rule() },
  ];

  it('orders totals, then the first criterion, then the next, then the Vietnamese name', () => {
    const board = scoreboardOf(criteria, [
      { organisationId: 'a', name: 'HTX Ánh Dương', values: ['5', '10'] },
      { organisationId: 'b', name: 'HTX An Phú', values: ['5', '10'] },
      { organisationId: 'c', name: 'HTX Bình Minh', values: ['10', '5'] },
      { organisationId: 'd', name: 'HTX Đông Sơn', values: ['10', '10'] },
      { organisationId: 'e', name: 'HTX Chưa Báo Cáo', values: [null, null] },
    ]);
    expect(board.map((m) => [m.rank, m.name, formatHundredths(m.total)])).toEqual([
      [1, 'HTX Đông Sơn', '20.00'],
      [2, 'HTX Bình Minh', '15.00'],
      [3, 'HTX An Phú', '15.00'],
      [4, 'HTX Ánh Dương', '15.00'],
      [5, 'HTX Chưa Báo Cáo', '0.00'],
    ]);
    expect(board[4]!.scores).toEqual([null, null]);
  });

  it('property: the same members in any order give the same ranking, ordered by the stated rule', () => {
    const member = fc.record({
      organisationId: fc.uuid(),
      name: fc.constantFrom('HTX An', 'HTX Ân', 'HTX Bình', 'HTX Đức', 'HTX Ánh'),
      values: fc.tuple(fc.option(fc.integer({ min: 0, max: 20 }).map(String)), fc.option(fc.integer({ min: 0, max: 20 }).map(String))),
    });
    fc.assert(
      fc.property(fc.uniqueArray(member, { selector: (m) => m.organisationId, maxLength: 12 }), fc.context(), (members, ctx) => {
        const shuffled = [...members].reverse();
        ctx.log(String(shuffled.length));
        const a = scoreboardOf(criteria, members);
        const b = scoreboardOf(criteria, shuffled);
        expect(b).toEqual(a);
        for (let i = 1; i < a.length; i++) {
          const [p, q] = [a[i - 1]!, a[i]!];
          expect(p.total >= q.total).toBe(true);
          if (p.total === q.total) {
            const first = (p.scores[0] ?? 0n) - (q.scores[0] ?? 0n);
            expect(first >= 0n).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
