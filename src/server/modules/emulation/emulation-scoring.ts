// Scoring an emulation pact (decision 010): pure, exact (decimals as bigints, never binary floating point).
// Each criterion turns a member's result into a score in [0, maxPoints] with 2 decimals; the total is their sum;
// the ranking orders totals from high to low and breaks ties by the pact's stated rule.
import { z } from 'zod';
import { divideRounded, scaleDecimal } from '../../../shared/decimal.ts';
import { vietnameseSortKey } from '../../../shared/vietnamese-order.ts';

/** Decimal text as people type it ("12,5" or "12.5"), at most `places` decimals. */
export function decimalText(field: string, places: number, { min }: { min?: number } = {}) {
  const pattern = new RegExp(`^-?\\d{1,14}(?:[.,]\\d{1,${places}})?$`);
  return z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim().replace(',', '.'))
    .refine((v) => pattern.test(v), { message: `${field}: nhập một số (tối đa ${places} chữ số thập phân, dấu phẩy trước phần thập phân).` })
    .refine((v) => !pattern.test(v) || min === undefined || scaleDecimal(v, places) >= BigInt(min) * 10n ** BigInt(places), {
      message: `${field}: không được nhỏ hơn ${min}.`,
    });
}

/**
 * How a criterion scores (jsonb `rule`):
 * - below: under the target (above it when lower is better) — 'proportional' (points × result ÷ target, or
 *   target ÷ result when lower is better), 'zero', or 'penalty' (points − penaltyPerStep for each `step`, or part
 *   of one, short of the target);
 * - bonusPerStep: added for each whole `step` beyond the target, the score capped at maxPoints.
 */
export const ScoringRule = z.object({
  below: z.enum(['proportional', 'zero', 'penalty'], { message: 'Cách tính khi chưa đạt: tỷ lệ, không điểm hoặc trừ điểm.' }).default('proportional'),
  step: decimalText('Bước tính thưởng, phạt', 4).refine((v) => scaleDecimal(v, 4) > 0n, { message: 'Bước tính thưởng, phạt: phải lớn hơn 0.' }).default('1'),
  bonusPerStep: decimalText('Điểm thưởng mỗi bước', 2, { min: 0 }).default('0'),
  penaltyPerStep: decimalText('Điểm trừ mỗi bước', 2, { min: 0 }).default('0'),
});
export type ScoringRule = z.output<typeof ScoringRule>;

export const DIRECTIONS = ['higher_better', 'lower_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export type ScoredCriterion = {
  target: string;
  points: number;
  maxPoints: number;
  direction: Direction;
  rule: ScoringRule;
};

const VALUE_PLACES = 4;

/** Hundredths of a point as text with 2 decimals: 1250n → "12.50". */
export function formatHundredths(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** The score of one result, in hundredths of a point, within [0, maxPoints × 100]. */
export function scoreHundredths(criterion: ScoredCriterion, result: string | number): bigint {
  const points = BigInt(criterion.points) * 100n;
  const max = BigInt(criterion.maxPoints) * 100n;
  const target = scaleDecimal(criterion.target, VALUE_PLACES);
  const value = scaleDecimal(result, VALUE_PLACES);
  const step = scaleDecimal(criterion.rule.step, VALUE_PLACES);
  const higher = criterion.direction === 'higher_better';
  // How far beyond the target the result is, in the criterion's direction (negative: short of it).
  const margin = higher ? value - target : target - value;
  let score: bigint;
  if (margin >= 0n) {
    score = points + scaleDecimal(criterion.rule.bonusPerStep, 2) * (margin / step);
  } else if (criterion.rule.below === 'zero') {
    score = 0n;
  } else if (criterion.rule.below === 'penalty') {
    const stepsShort = (-margin + step - 1n) / step;
    score = points - scaleDecimal(criterion.rule.penaltyPerStep, 2) * stepsShort;
  } else if (target <= 0n) {
    // Proportional to a target of zero or less has no meaning: short of it scores nothing.
    score = 0n;
  } else if (higher) {
    score = value <= 0n ? 0n : divideRounded(points * value, target);
  } else {
    score = divideRounded(points * target, value);
  }
  if (score > max) return max;
  if (score > points && margin < 0n) return points;
  return score < 0n ? 0n : score;
}

export type MemberResults = { organisationId: string; name: string; values: Array<string | null> };

export type ScoredMember = {
  organisationId: string;
  name: string;
  /** One per criterion, in the pact's order: hundredths of a point, null when not reported (scores 0). */
  scores: Array<bigint | null>;
  total: bigint;
  rank: number;
};

/**
 * Scores every member on every criterion (in the pact's order) and ranks them: total descending; equal totals by
 * the higher score on the first criterion, then the second, …; then the name in Vietnamese order; then the id (two
 * members of the same name and the same scores still come out in one order, whatever the input order).
 */
export function scoreboardOf(criteria: ScoredCriterion[], members: MemberResults[]): ScoredMember[] {
  const scored = members.map((m) => {
    const scores = criteria.map((c, i) => {
      const v = m.values[i];
      return v === null || v === undefined ? null : scoreHundredths(c, v);
    });
    return { organisationId: m.organisationId, name: m.name, key: vietnameseSortKey(m.name), scores, total: scores.reduce<bigint>((a, s) => a + (s ?? 0n), 0n) };
  });
  scored.sort((a, b) => {
    if (a.total !== b.total) return a.total > b.total ? -1 : 1;
    for (let i = 0; i < criteria.length; i++) {
      const x = a.scores[i] ?? 0n;
      const y = b.scores[i] ?? 0n;
      if (x !== y) return x > y ? -1 : 1;
    }
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    return a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0;
  });
  return scored.map(({ key: _key, ...m }, i) => ({ ...m, rank: i + 1 }));
}

/** The tie-break as stated under the scoreboard. */
export const TIE_BREAK_TEXT: Record<string, string> = {
  criteria_order:
    'Xếp hạng theo tổng điểm từ cao xuống thấp. Đơn vị bằng tổng điểm: đơn vị có điểm cao hơn ở tiêu chí 1 xếp trên; nếu vẫn bằng, so tiêu chí 2, rồi các tiêu chí tiếp theo; nếu vẫn bằng, xếp theo thứ tự tên (theo bảng chữ cái tiếng Việt).',
};

/** How a criterion scores, in one Vietnamese sentence (the pact's document and the scoreboard). */
export function describeRule(c: ScoredCriterion & { unit: string }): string {
  const vi = (s: string) => s.replace('.', ',');
  const short = c.direction === 'higher_better' ? 'thấp hơn' : 'cao hơn';
  const beyond = c.direction === 'higher_better' ? 'vượt' : 'thấp hơn';
  const parts = [`Đạt chỉ tiêu ${vi(c.target)} ${c.unit}: ${c.points} điểm`];
  if (c.rule.below === 'proportional') parts.push(`${short} chỉ tiêu: điểm theo tỷ lệ kết quả so với chỉ tiêu`);
  else if (c.rule.below === 'zero') parts.push(`${short} chỉ tiêu: 0 điểm`);
  else parts.push(`${short} chỉ tiêu: trừ ${vi(c.rule.penaltyPerStep)} điểm cho mỗi ${vi(c.rule.step)} ${c.unit} ${c.direction === 'higher_better' ? 'còn thiếu' : 'vượt quá'}`);
  if (scaleDecimal(c.rule.bonusPerStep, 2) > 0n) parts.push(`${beyond} chỉ tiêu: cộng ${vi(c.rule.bonusPerStep)} điểm cho mỗi ${vi(c.rule.step)} ${c.unit}`);
  parts.push(`tối đa ${c.maxPoints} điểm`);
  return `${parts.join('; ')}.`;
}
