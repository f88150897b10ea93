// Debt classification by days past due (State Bank of Vietnam groups, fund.md).

/** 1 standard, 2 special mention, 3 substandard, 4 doubtful, 5 loss; groups 3–5 are bad debt. */
export type DebtGroup = 1 | 2 | 3 | 4 | 5;

/** Debt group for a number of days past due: <10 → 1, 10–90 → 2, 91–180 → 3, 181–360 → 4, >360 → 5. */
export function debtGroupForDaysPastDue(daysPastDue: number): DebtGroup {
  if (!Number.isInteger(daysPastDue) || daysPastDue < 0) {
    throw new RangeError(`daysPastDue must be a whole number of days ≥ 0, got ${daysPastDue}`);
  }
  if (daysPastDue < 10) return 1;
  if (daysPastDue <= 90) return 2;
  if (daysPastDue <= 180) return 3;
  if (daysPastDue <= 360) return 4;
  return 5;
}

/** True for the bad-debt groups (3–5). */
export function isBadDebt(group: DebtGroup): boolean {
  return group >= 3;
}
