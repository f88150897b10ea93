// The demo province's awards (decision 010): the seed's 2023 awards exactly (handed over at the conference of
// March 2024: the VCA's flag to 1 cooperative, the province's flag to 1, the medal to 11 people, the VCA's
// certificates of merit to 7 collectives and 6 individuals, the provincial chairman's to 4 and 5, and 25
// certificates of the provincial alliance), a few of 2021–2022, and two proposals of 2024 on their way.
// Written through the awards' services (the same rules and audit); the same seed gives the same awards.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { systemActor } from '../accounts/roles.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { createDecision } from '../awards/award-decisions.service.ts';
import { createProposal, reviewProposal, submitProposal } from '../awards/award-proposals.service.ts';
import type { RecipientInput } from '../awards/awards.schemas.ts';
import { seededRandom, type Random } from './random.ts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_MEN = ['Văn', 'Đức', 'Quang', 'Minh', 'Hữu'];
const MIDDLE_WOMEN = ['Thị', 'Thu', 'Ngọc', 'Thanh'];
const GIVEN_MEN = ['Hùng', 'Dũng', 'Thắng', 'Tuấn', 'Long', 'Sơn', 'Hải', 'Quân', 'Phong', 'Bình'];
const GIVEN_WOMEN = ['Lan', 'Hương', 'Mai', 'Hạnh', 'Thủy', 'Nga', 'Hoa', 'Dung', 'Yến', 'Huyền'];
const POSITIONS = ['Chủ tịch Hội đồng quản trị', 'Giám đốc', 'Phó Giám đốc', 'Kế toán trưởng', 'Trưởng Ban kiểm soát'];

type Org = { id: string; name: string };

const VCA = { issuer: 'Liên minh Hợp tác xã Việt Nam', signerName: 'Trần Văn Thành', signerPosition: 'Chủ tịch' };
const PROVINCE = { issuer: 'Ủy ban nhân dân tỉnh Bắc Giang', signerName: 'Lê Minh Khôi', signerPosition: 'Chủ tịch' };
const ALLIANCE = { issuer: 'Liên minh Hợp tác xã tỉnh Bắc Giang', signerName: 'Nguyễn Đức Thịnh', signerPosition: 'Chủ tịch' };

/** What the demo gives: per decision, the kind, how many collectives and individuals, the cash. */
const DECISIONS = [
  { number: '35/QĐ-LMHTXVN', decidedOn: '2022-02-18', year: 2021, kind: 'merit_vca', collectives: 3, individuals: 2, cash: [2_000_000, 1_000_000], who: VCA },
  { number: '412/QĐ-UBND', decidedOn: '2022-03-10', year: 2021, kind: 'merit_province', collectives: 2, individuals: 2, cash: [2_340_000, 1_170_000], who: PROVINCE },
  { number: '48/QĐ-LMHTXVN', decidedOn: '2023-02-20', year: 2022, kind: 'medal_coop', collectives: 0, individuals: 3, cash: [0, 0], who: VCA },
  { number: '09/QĐ-LMHTX', decidedOn: '2023-03-02', year: 2022, kind: 'commendation_alliance', collectives: 8, individuals: 6, cash: [500_000, 300_000], who: ALLIANCE },
  // The seed's 2023 awards.
  { number: '215/QĐ-LMHTXVN', decidedOn: '2024-01-18', year: 2023, kind: 'flag_vca', collectives: 1, individuals: 0, cash: [3_000_000, 0], who: VCA },
  { number: '312/QĐ-UBND', decidedOn: '2024-02-20', year: 2023, kind: 'flag_province', collectives: 1, individuals: 0, cash: [4_680_000, 0], who: PROVINCE },
  { number: '198/QĐ-LMHTXVN', decidedOn: '2024-01-15', year: 2023, kind: 'medal_coop', collectives: 0, individuals: 11, cash: [0, 0], who: VCA },
  { number: '205/QĐ-LMHTXVN', decidedOn: '2024-01-16', year: 2023, kind: 'merit_vca', collectives: 7, individuals: 6, cash: [2_000_000, 1_000_000], who: VCA },
  { number: '298/QĐ-UBND', decidedOn: '2024-02-19', year: 2023, kind: 'merit_province', collectives: 4, individuals: 5, cash: [2_340_000, 1_170_000], who: PROVINCE },
  { number: '12/QĐ-LMHTX', decidedOn: '2024-03-01', year: 2023, kind: 'commendation_alliance', collectives: 15, individuals: 10, cash: [500_000, 300_000], who: ALLIANCE },
] as const;

function personName(r: Random, used: Set<string>): string {
  for (;;) {
    const woman = r.next() < 0.45;
    const name = `${r.pick(FAMILY)} ${r.pick(woman ? MIDDLE_WOMEN : MIDDLE_MEN)} ${r.pick(woman ? GIVEN_WOMEN : GIVEN_MEN)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Loads the demo's awards into the alliance (its organisations must be there). */
export async function generateDemoAwards(db: Db, { tenantId, seed = 2023 }: { tenantId: number; seed?: number }) {
  const r = seededRandom(seed);
  const actor = systemActor(tenantId);
  const pool: Org[] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.status, 'active'), eq(organisations.kind, 'HTX')))
    .orderBy(asc(organisations.registrationNumber), asc(organisations.id));
  if (pool.length < 60) return { decisions: 0, awards: 0 };
  // Distinct organisations for each decision's collectives, drawn without putting back.
  const order = pool.map((o) => ({ o, k: r.next() })).sort((a, b) => a.k - b.k).map((x) => x.o);
  let next = 0;
  const usedNames = new Set<string>();
  let count = 0;
  for (const d of DECISIONS) {
    const recipients: RecipientInput[] = [];
    for (let i = 0; i < d.collectives; i++) recipients.push({ recipientKind: 'collective', organisationId: order[next++ % order.length]!.id });
    for (let i = 0; i < d.individuals; i++) {
      const org = r.pick(pool);
      recipients.push({ recipientKind: 'individual', recipientName: personName(r, usedNames), personPosition: r.pick(POSITIONS), organisationId: org.id, personBirthDate: `19${r.int(60, 89)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}` });
    }
    await createDecision(db, {
      actor,
      input: { number: d.number, decidedOn: d.decidedOn, year: d.year, awardKindCode: d.kind, ...d.who, cashPerCollectiveVnd: d.cash[0], cashPerIndividualVnd: d.cash[1], proposalIds: [], recipients },
    });
    count += recipients.length;
  }
  // Two proposals of 2024 on their way: one before the council, one the council has approved.
  const submitted = await createProposal(db, { actor, input: { year: 2024, awardKindCode: 'merit_province', recipientKind: 'collective', organisationId: order[next++]!.id, achievements: 'Doanh thu năm 2024 tăng 18%, thu nhập bình quân của thành viên tăng 12%.' } });
  await submitProposal(db, { actor, id: submitted.id });
  const approved = await createProposal(db, { actor, input: { year: 2024, awardKindCode: 'commendation_alliance', recipientKind: 'collective', organisationId: order[next]!.id, achievements: 'Hoàn thành vượt mức các chỉ tiêu giao ước thi đua năm 2024.' } });
  await submitProposal(db, { actor, id: approved.id });
  await reviewProposal(db, { actor, id: approved.id, input: { councilMetOn: '2024-12-20', councilMembers: 'Chủ tịch, 02 Phó Chủ tịch, Trưởng các ban của Liên minh HTX tỉnh', votesFor: 7, votesAgainst: 0, votesAbstain: 0, councilResult: 'approved', councilNote: null } });
  return { decisions: DECISIONS.length, awards: count };
}
