import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { normalizeText } from '../../../shared/vietnamese-text.ts';
import { auditEntityId } from './audit-entity.ts';
import type { Actor } from '../accounts/roles.ts';
import { actorLabel } from '../accounts/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requirePlanEditor } from './reports.policy.ts';
import { PlanInput, type PlanIndicator } from './reports.schemas.ts';
import { reportPlans } from './reports.sql.ts';

export type PlanTarget = { indicator: PlanIndicator; area: string; target: number };

/** The targets of one alliance's year, province first, then by area. */
export async function findPlanTargets(db: Db, tenantId: number, year: number): Promise<PlanTarget[]> {
  const rows = await db
    .select({ indicator: reportPlans.indicator, area: reportPlans.area, target: reportPlans.target })
    .from(reportPlans)
    .where(and(eq(reportPlans.tenantId, tenantId), eq(reportPlans.year, year)))
    .orderBy(asc(reportPlans.area), asc(reportPlans.indicator));
  return rows as PlanTarget[];
}

/** The plans of a year for the alliance's staff, with who set each and when. */
export async function findPlans(db: Db, { actor, year }: { actor: Actor; year: number }) {
  const tenantId = requirePlanEditor(actor);
  const rows = await db
    .select()
    .from(reportPlans)
    .where(and(eq(reportPlans.tenantId, tenantId), eq(reportPlans.year, year)))
    .orderBy(asc(reportPlans.area), asc(reportPlans.indicator));
  return rows.map((r) => ({ year: r.year, indicator: r.indicator, area: r.area, target: r.target, updatedAt: r.updatedAt.toISOString(), updatedBy: r.updatedBy }));
}

/** Sets (or replaces) one yearly target, with an audit event; area '' is the whole province. */
export async function setPlan(db: Db, { actor, input }: { actor: Actor; input: PlanInput }) {
  const tenantId = requirePlanEditor(actor);
  return setPlanForTenant(db, { actor, tenantId, input });
}

/** setPlan for callers that have checked access (the CLI acts for the operator of the machine). */
export async function setPlanForTenant(db: Db, { actor, tenantId, input }: { actor: Actor; tenantId: number; input: PlanInput }) {
  const plan = PlanInput.parse(input);
  const area = plan.area ? normalizeText(plan.area) : '';
  const by = actorLabel(actor);
  return db.transaction(async (tx) => {
    const key = and(eq(reportPlans.tenantId, tenantId), eq(reportPlans.year, plan.year), eq(reportPlans.indicator, plan.indicator), eq(reportPlans.area, area));
    const [before] = await tx.select().from(reportPlans).where(key);
    const [saved] = await tx
      .insert(reportPlans)
      .values({ tenantId, year: plan.year, indicator: plan.indicator, area, target: plan.target, updatedBy: by })
      .onConflictDoUpdate({
        target: [reportPlans.tenantId, reportPlans.year, reportPlans.indicator, reportPlans.area],
        set: { target: plan.target, updatedBy: by, updatedAt: sql`now()` },
      })
      .returning();
    await recordAudit(tx, {
      actor,
      tenantId,
      action: 'report_plan.set',
      entityType: 'report_plan',
      entityId: auditEntityId(`report_plan/${tenantId}/${plan.year}/${plan.indicator}/${area}`),
      before: before ? { target: before.target } : null,
      after: { year: plan.year, indicator: plan.indicator, area, target: plan.target },
    });
    return { year: saved!.year, indicator: saved!.indicator, area: saved!.area, target: saved!.target, updatedAt: saved!.updatedAt.toISOString(), updatedBy: saved!.updatedBy };
  });
}
