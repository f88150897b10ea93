// The demo province's emulation (decision 010): the cooperatives' block of 2024, "Khối thi đua các HTX", eight
// active cooperatives of several sectors with a head and a deputy, the pact signed at the start of the year with five
// criteria "sát với đặc điểm từng lĩnh vực", and the results of most members (one has not reported yet, one only in
// part). Deterministic: the same demo province gives the same block, pact and results.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { systemActor } from '../accounts/roles.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { createBlock } from '../emulation/emulation-blocks.service.ts';
import { createPact, signPact } from '../emulation/emulation-pacts.service.ts';
import { putResults } from '../emulation/emulation-results.service.ts';
import type { CriterionInput } from '../emulation/emulation.schemas.ts';
import { emulationBlocks } from '../emulation/emulation.sql.ts';
import { seededRandom } from './random.ts';

export const DEMO_BLOCK_NAME = 'Khối thi đua các HTX';

/** The 2024 pact's criteria: growth, income, members, the annual report on time, digital transformation. */
export const DEMO_CRITERIA: CriterionInput[] = [
  { name: 'Tăng trưởng doanh thu so với năm 2023', unit: '%', target: '8', points: 25, maxPoints: 30, direction: 'higher_better', rule: { below: 'proportional', step: '4', bonusPerStep: '1', penaltyPerStep: '0' } },
  { name: 'Thu nhập bình quân của thành viên, người lao động', unit: 'triệu đồng/người/năm', target: '60', points: 20, maxPoints: 25, direction: 'higher_better', rule: { below: 'proportional', step: '10', bonusPerStep: '1', penaltyPerStep: '0' } },
  { name: 'Kết nạp thành viên mới', unit: 'thành viên', target: '5', points: 15, maxPoints: 20, direction: 'higher_better', rule: { below: 'proportional', step: '5', bonusPerStep: '1', penaltyPerStep: '0' } },
  { name: 'Nộp báo cáo tình hình hoạt động năm trễ hạn', unit: 'ngày', target: '0', points: 20, maxPoints: 20, direction: 'lower_better', rule: { below: 'penalty', step: '5', bonusPerStep: '0', penaltyPerStep: '4' } },
  { name: 'Ứng dụng chuyển đổi số (phần mềm kế toán, hóa đơn điện tử, sàn thương mại điện tử, truy xuất nguồn gốc)', unit: 'ứng dụng', target: '2', points: 15, maxPoints: 20, direction: 'higher_better', rule: { below: 'zero', step: '1', bonusPerStep: '2', penaltyPerStep: '0' } },
];

// The seed's two named cooperatives lead the block when they are active.
const LEADERS = ['Hợp tác xã Bưởi Diễn Tân Yên', 'HTX Nấm Linh Chi Đồng Kỳ'];
const SECTORS = ['agriculture', 'industry_handicraft', 'trade_services', 'transport', 'fishery', 'construction'];

/** Loads the 2024 block, pact and results into an alliance that has no 2024 block of that name yet. */
export async function generateDemoEmulation(db: Db, { tenantId, seed = 2024 }: { tenantId: number; seed?: number }) {
  const [exists] = await db.select({ id: emulationBlocks.id }).from(emulationBlocks).where(and(eq(emulationBlocks.tenantId, tenantId), eq(emulationBlocks.year, 2024), eq(emulationBlocks.name, DEMO_BLOCK_NAME)));
  if (exists) return { members: 0, results: 0 };
  const active = and(eq(organisations.tenantId, tenantId), eq(organisations.status, 'active'), eq(organisations.kind, 'HTX'), sql`${organisations.foundedOn} < '2024-01-01'`);
  const leaders = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(active, inArray(organisations.name, LEADERS))).orderBy(asc(organisations.registrationNumber));
  const others = await db
    .select({ id: organisations.id, sectorCode: organisations.sectorCode })
    .from(organisations)
    .where(and(active, inArray(organisations.sectorCode, SECTORS)))
    .orderBy(asc(organisations.registrationNumber))
    .limit(60);
  const ids = leaders.map((l) => l.id);
  // One or two of each sector, in registration order, then any, until eight.
  for (const sector of [...SECTORS, ...SECTORS]) {
    const next = others.find((o) => o.sectorCode === sector && !ids.includes(o.id));
    if (next && ids.length < 8) ids.push(next.id);
  }
  for (const o of others) if (ids.length < 8 && !ids.includes(o.id)) ids.push(o.id);
  if (ids.length < 3) return { members: 0, results: 0 };
  const actor = systemActor(tenantId);
  const block = await createBlock(db, { actor, input: { year: 2024, name: DEMO_BLOCK_NAME, organisationIds: ids, headOrganisationId: ids[0]!, deputyOrganisationId: ids[1]! } });
  const pact = await createPact(db, { actor, input: { blockId: block.id, title: 'Giao ước thi đua năm 2024 của Khối thi đua các HTX', criteria: DEMO_CRITERIA } });
  await signPact(db, { actor, id: pact.id, signedOn: '2024-01-26' });
  const r = seededRandom(seed);
  let results = 0;
  for (const [i, organisationId] of ids.entries()) {
    if (i === ids.length - 1) continue; // has not reported yet
    const values = [
      (r.int(-20, 180) / 10).toFixed(1),
      String(r.int(42, 96)),
      String(r.int(0, 14)),
      String(r.pick([0, 0, 0, 3, 7, 12])),
      String(r.int(0, 4)),
    ];
    const reported = i === ids.length - 2 ? values.slice(0, 3) : values; // reported in part
    await putResults(db, { actor, pactId: pact.id, input: { organisationId, values: reported.map((value, k) => ({ criterionId: pact.criteria[k]!.id, value })) } });
    results += reported.length;
  }
  return { members: ids.length, results };
}
