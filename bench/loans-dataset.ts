import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { systemActor, type Actor } from '../src/server/modules/accounts/roles.ts';
import { organisations } from '../src/server/modules/cooperatives/cooperatives.sql.ts';
import { disbursedLoan } from '../src/server/modules/demo/demo.loans.ts';
import { setLoanRules } from '../src/server/modules/loans/loan-rules.service.ts';

const officer = (tenantId: number, n: number): Actor => ({ kind: 'user', userId: `00000000-0000-4000-8000-00000000000${n}`, email: `officer${n}@bench`, role: 'fund_officer', tenantId, organisationId: null, communeCode: null });

/** `count` disbursed loans spread over the alliances, to active organisations, disbursed in 2023–2025. */
export async function buildLoans(db: Db, { count }: { count: number }) {
  const tenants = (await db.execute(sql`select id from alliances order by id`)) as unknown as { rows: { id: number }[] };
  const ids = tenants.rows.map((r) => r.id);
  const perTenant = Math.ceil(count / ids.length);
  let made = 0;
  for (const tenantId of ids) {
    await setLoanRules(db, {
      actor: systemActor(tenantId),
      input: { effectiveFrom: '2023-01-01', maxAmountVnd: '3000000000', maxTermMonths: 36, maxGraceMonths: 6, methods: ['equal_principal', 'bullet'], annualRatePercent: '4.8', penaltyRatePercent: 150, minMonthsSinceFounding: 0, sectorGroups: null, kinds: null, maxOpenLoans: null, note: null },
    });
    const borrowers = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.tenantId, tenantId), eq(organisations.status, 'active'), sql`${organisations.foundedOn} < '2022-01-01'`))
      .limit(Math.min(perTenant, count - made));
    for (const [i, borrower] of borrowers.entries()) {
      const month = String((i % 12) + 1).padStart(2, '0');
      await disbursedLoan(db, {
        organisationId: borrower.id,
        amountVnd: String(300_000_000 + (i % 10) * 100_000_000),
        termMonths: 24,
        method: i % 3 === 0 ? 'bullet' : 'equal_principal',
        disbursedOn: `${2023 + (i % 3)}-${month}-${String((i % 28) + 1).padStart(2, '0')}`,
        appraiser: officer(tenantId, 1),
        approver: officer(tenantId, 2),
      });
      made++;
    }
  }
  return { loans: made };
}
