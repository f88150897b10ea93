// What the emulation tests build on: a block of organisations and a pact, created through the services. Test code only.
import type { Db } from '../../../db/client.ts';
import { TENANT } from '../../../test/harness.ts';
import { systemActor } from '../accounts/roles.ts';
import { createBlock } from './emulation-blocks.service.ts';
import { createPact, publishScoreboard, signPact } from './emulation-pacts.service.ts';
import { putResults } from './emulation-results.service.ts';
import type { CriterionInput } from './emulation.schemas.ts';

/** Two criteria: revenue growth (%, proportional below, +1 per 5 points over, at most 25) and late reports (lower is better). */
export const TWO_CRITERIA: CriterionInput[] = [
  { name: 'Tăng trưởng doanh thu', unit: '%', target: '10', points: 20, maxPoints: 25, direction: 'higher_better', rule: { below: 'proportional', step: '5', bonusPerStep: '1', penaltyPerStep: '0' } },
  { name: 'Số lần nộp báo cáo trễ hạn', unit: 'lần', target: '0', points: 10, maxPoints: 10, direction: 'lower_better', rule: { below: 'penalty', step: '1', penaltyPerStep: '5', bonusPerStep: '0' } },
];

/** A block of `organisationIds` (the first is head, the second deputy) with a pact of TWO_CRITERIA, signed unless said otherwise. */
export async function createPactWorld(db: Db, organisationIds: string[], { name = 'Khối thi đua thử', year = 2025, sign = true, publish = false } = {}) {
  const actor = systemActor(TENANT);
  const block = await createBlock(db, { actor, input: { year, name, organisationIds, headOrganisationId: organisationIds[0] ?? null, deputyOrganisationId: organisationIds[1] ?? null } });
  let pact = await createPact(db, { actor, input: { blockId: block.id, title: `Giao ước thi đua năm ${year}`, criteria: TWO_CRITERIA } });
  if (sign) pact = await signPact(db, { actor, id: pact.id, signedOn: `${year}-02-15` });
  if (publish) pact = await publishScoreboard(db, { actor, id: pact.id });
  return { block, pact, criteria: pact.criteria };
}

/** Staff enter one organisation's results (values in the criteria's order; null: not reported). */
export async function reportFor(db: Db, pactId: string, criteriaIds: string[], organisationId: string, values: Array<string | null>) {
  await putResults(db, { actor: systemActor(TENANT), pactId, input: { organisationId, values: values.map((value, i) => ({ criterionId: criteriaIds[i]!, value })) } });
}
