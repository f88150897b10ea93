// Shared setup for the loan book's database tests (not production code).
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../../db/client.ts';
import type { OrganisationInput } from '../../../shared/organisation.ts';
import { systemActor } from '../accounts/roles.ts';
import { createOrganisation } from '../cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { TENANT } from '../../../test/harness.ts';
import { loanClock } from './loan-clock.ts';
import { setLoanRules } from './loan-rules.service.ts';
import type { LoanRulesInput } from './loans.schemas.ts';

/** Fixes the loan book's "today" for the tests of a file. */
export function useLoanClock(today: string): { set(day: string): void } {
  const original = loanClock.today;
  beforeAll(() => {
    loanClock.today = () => today;
  });
  afterAll(() => {
    loanClock.today = original;
  });
  return {
    set(day: string) {
      loanClock.today = () => day;
    },
  };
}

export const RULES_2024: LoanRulesInput = {
  effectiveFrom: '2024-01-01',
  maxAmountVnd: '500000000',
  maxTermMonths: 36,
  maxGraceMonths: 6,
  methods: ['equal_principal', 'bullet'],
  annualRatePercent: '12',
  penaltyRatePercent: 150,
  minMonthsSinceFounding: 12,
  sectorGroups: null,
  kinds: null,
  maxOpenLoans: null,
  note: null,
};

/** The rules above, issued by the system actor (alliance_admin of the test tenant). */
export async function issueRules(db: Db, overrides: Partial<LoanRulesInput> = {}) {
  return setLoanRules(db, { actor: systemActor(TENANT), input: { ...RULES_2024, ...overrides } });
}

/** An active organisation of the test tenant. */
export async function createBorrower(db: Db, overrides: Partial<OrganisationInput> = {}) {
  return createOrganisation(db, { actor: systemActor(TENANT), input: buildOrganisation({ registrationNumber: null, ...overrides }) });
}

export { disbursedLoan } from '../demo/demo.loans.ts';
