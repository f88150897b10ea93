import { and, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loanClock } from './loan-clock.ts';
import { requireRulesAdmin, requireRulesReader } from './loans.policy.ts';
import type { LoanRulesInput } from './loans.schemas.ts';
import { loanRuleVersions } from './loans.sql.ts';

export type LoanRulesRow = typeof loanRuleVersions.$inferSelect;

/** Adds a version of the lending rules, in force from its date; earlier loans keep the version they had. */
export async function setLoanRules(db: Db, { actor, input }: { actor: Actor; input: LoanRulesInput }) {
  const user = requireRulesAdmin(actor);
  const [existing] = await db
    .select({ id: loanRuleVersions.id })
    .from(loanRuleVersions)
    .where(and(eq(loanRuleVersions.tenantId, user.tenantId), eq(loanRuleVersions.effectiveFrom, input.effectiveFrom)));
  if (existing) {
    throw new AppError('conflict', `Đã có quy định cho vay hiệu lực từ ngày ${input.effectiveFrom}; hãy chọn ngày hiệu lực khác.`, { field: 'effectiveFrom' });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(loanRuleVersions)
      .values({
        tenantId: user.tenantId,
        effectiveFrom: input.effectiveFrom,
        maxAmountVnd: BigInt(input.maxAmountVnd),
        maxTermMonths: input.maxTermMonths,
        maxGraceMonths: input.maxGraceMonths,
        methods: [...new Set(input.methods)],
        annualRatePercent: input.annualRatePercent,
        penaltyRatePercent: input.penaltyRatePercent,
        minMonthsSinceFounding: input.minMonthsSinceFounding,
        sectorGroups: input.sectorGroups ?? null,
        kinds: input.kinds ?? null,
        maxOpenLoans: input.maxOpenLoans ?? null,
        note: input.note ?? null,
        createdBy: user.email,
      })
      .returning();
    await recordAudit(tx, { actor, tenantId: user.tenantId, action: 'loan_rules.created', entityType: 'loan_rule_version', entityId: row!.id, before: null, after: row });
    return row!;
  });
}

/** Every version of the rules, newest first, and the one in force today. */
export async function findLoanRules(db: Db, { actor, today = loanClock.today() }: { actor: Actor; today?: string }) {
  const user = requireRulesReader(actor);
  const versions = await db.select().from(loanRuleVersions).where(eq(loanRuleVersions.tenantId, user.tenantId)).orderBy(desc(loanRuleVersions.effectiveFrom));
  const inForce = versions.find((v) => v.effectiveFrom <= today) ?? null;
  return { versions, inForceId: inForce?.id ?? null };
}

/** The version in force on a date (the latest that took effect by then), if any. */
export async function rulesInForce(db: Db, tenantId: number, on: string): Promise<LoanRulesRow | undefined> {
  const [row] = await db
    .select()
    .from(loanRuleVersions)
    .where(and(eq(loanRuleVersions.tenantId, tenantId), lte(loanRuleVersions.effectiveFrom, on)))
    .orderBy(desc(loanRuleVersions.effectiveFrom))
    .limit(1);
  return row;
}

/** "4.80" (numeric from the database) → "4.8", the way the engine and people write a rate. */
export function normaliseRate(rate: string): string {
  return rate.includes('.') ? rate.replace(/\.?0+$/, '') : rate;
}

/** A rules version for the API: money as strings of digits. */
export function presentRules(row: LoanRulesRow) {
  return {
    id: row.id,
    effectiveFrom: row.effectiveFrom,
    maxAmountVnd: row.maxAmountVnd.toString(),
    maxTermMonths: row.maxTermMonths,
    maxGraceMonths: row.maxGraceMonths,
    methods: row.methods,
    annualRatePercent: normaliseRate(row.annualRatePercent),
    penaltyRatePercent: row.penaltyRatePercent,
    minMonthsSinceFounding: row.minMonthsSinceFounding,
    sectorGroups: row.sectorGroups,
    kinds: row.kinds,
    maxOpenLoans: row.maxOpenLoans,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
