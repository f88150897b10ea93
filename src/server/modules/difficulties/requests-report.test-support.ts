/**
 * The hand-counted difficulties of requests-report.test.ts and public-difficulties.test.ts (answers worked out in
 * the report test's header). Rows are written straight into the tables: the report reads dates, not services.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { insertOrganisations, threeCommunes } from '../reports/reports.test-support.ts';

type D = {
  key: string;
  org: string;
  category: string;
  raisedOn: string;
  state: string;
  rec?: string;
  dueOn?: string;
  directAnswer?: string;
  answeredOn?: string;
  outcome?: string;
  closedOn?: string;
  publicConsent?: string;
  published?: boolean;
};

type Rec = { key: string; agency: string; letterNumber?: string; letterDate?: string; dueOn?: string; answer?: { letterNumber: string; letterDate: string; receivedOn: string; content: string } };

export const AGENCY_S = 'Sở Tài chính';
export const AGENCY_T = 'Ngân hàng Chính sách xã hội tỉnh';

const RECS: Rec[] = [
  { key: 'R1', agency: 'S', letterNumber: '12/LMHTX-VP', letterDate: '2025-04-03', dueOn: '2025-04-24', answer: { letterNumber: '345/STC-QLG', letterDate: '2025-04-10', receivedOn: '2025-04-14', content: 'Sở Tài chính đã hướng dẫn thủ tục thuê đất.' } },
  { key: 'R2', agency: 'S', letterNumber: '20/LMHTX-VP', letterDate: '2025-06-02', dueOn: '2025-06-20' },
  { key: 'R3', agency: 'T', letterNumber: '99/LMHTX-VP', letterDate: '2025-12-29', dueOn: '2026-01-20', answer: { letterNumber: '7/NHCS', letterDate: '2026-01-05', receivedOn: '2026-01-06', content: 'Ngân hàng trả lời sau năm.' } },
  { key: 'R4', agency: 'T', letterNumber: '40/LMHTX-VP', letterDate: '2025-08-04', dueOn: '2025-08-25', answer: { letterNumber: '51/NHCS', letterDate: '2025-08-15', receivedOn: '2025-08-18', content: 'Ngân hàng cho vay hạ tầng.' } },
  { key: 'R5', agency: 'S' },
  { key: 'R6', agency: 'T', letterNumber: '60/LMHTX-VP', letterDate: '2025-10-02', dueOn: '2025-10-23', answer: { letterNumber: '88/NHCS', letterDate: '2025-10-16', receivedOn: '2025-10-17', content: 'Ngân hàng giãn nợ.' } },
  { key: 'R7', agency: 'T', letterNumber: '3/LMHTX-VP', letterDate: '2025-01-21', dueOn: '2025-02-14', answer: { letterNumber: '9/NHCS', letterDate: '2025-02-05', receivedOn: '2025-02-06', content: 'Ngân hàng trả lời qua Tết.' } },
];

const DIFFICULTIES: D[] = [
  { key: 'd1', org: 'A', category: 'capital_credit', raisedOn: '2025-03-02', dueOn: '2025-03-14', state: 'closed', directAnswer: 'Liên minh đã hướng dẫn hồ sơ vay Quỹ.', answeredOn: '2025-03-10', outcome: 'resolved', closedOn: '2025-03-15', publicConsent: 'named', published: true },
  { key: 'd2', org: 'B', category: 'land', raisedOn: '2025-04-01', rec: 'R1', state: 'closed', outcome: 'not_resolved', closedOn: '2025-05-01', publicConsent: 'named' },
  { key: 'd3', org: 'C', category: 'land', raisedOn: '2025-04-02', rec: 'R1', state: 'answered', publicConsent: 'anonymous', published: true },
  { key: 'd4', org: 'A', category: 'tax', raisedOn: '2025-06-01', rec: 'R2', dueOn: '2025-06-20', state: 'forwarded', publicConsent: 'no', published: true },
  { key: 'd5', org: 'B', category: 'market', raisedOn: '2025-12-20', dueOn: '2026-01-06', state: 'closed', directAnswer: 'Đã kết nối tiêu thụ.', answeredOn: '2026-01-05', outcome: 'resolved', closedOn: '2026-02-01' },
  { key: 'd6', org: 'C', category: 'digital', raisedOn: '2024-11-01', dueOn: '2024-11-15', state: 'closed', outcome: 'not_resolved', closedOn: '2026-01-10' },
  { key: 'd7', org: 'A', category: 'tax', raisedOn: '2024-05-01', state: 'closed', directAnswer: 'Đã trả lời.', answeredOn: '2024-05-20', outcome: 'resolved', closedOn: '2024-06-01' },
  { key: 'd8', org: 'N', category: 'capital_credit', raisedOn: '2025-07-01', rec: 'R3', state: 'answered' },
  { key: 'd9', org: 'B', category: 'other', raisedOn: '2025-02-01', state: 'closed', outcome: 'rejected', closedOn: '2025-02-05' },
  { key: 'd10', org: 'C', category: 'infrastructure', raisedOn: '2025-08-01', rec: 'R4', state: 'closed', outcome: 'resolved', closedOn: '2025-09-01' },
  { key: 'd11', org: 'A', category: 'tax', raisedOn: '2025-09-01', rec: 'R5', dueOn: '2025-09-15', state: 'handling' },
  { key: 'd12', org: 'B', category: 'capital_credit', raisedOn: '2025-10-01', rec: 'R6', state: 'answered' },
  { key: 'd13', org: 'A', category: 'capital_credit', raisedOn: '2025-01-20', rec: 'R7', state: 'closed', outcome: 'resolved', closedOn: '2025-02-10' },
  { key: 'd14', org: 'A', category: 'land', raisedOn: '2026-01-05', dueOn: '2026-01-07', state: 'received' },
];

export type Fixture = { ids: Record<string, string>; orgs: Record<string, string>; communes: { code: string; name: string }[]; otherId: string };

const get = async <T>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** Writes the fixture into `tenantId` (and one published difficulty into `otherTenantId`). */
export async function insertRequestsFixture(db: Db, tenantId: number, otherTenantId: number): Promise<Fixture> {
  const communes = await threeCommunes(db);
  const [c1, c2] = communes;
  const orgs = await insertOrganisations(db, tenantId, [
    { key: 'A', currentCommuneCode: c1.code },
    { key: 'B', currentCommuneCode: c1.code },
    { key: 'C', currentCommuneCode: c2.code },
    { key: 'N', currentCommuneCode: null },
  ]);
  const other = await insertOrganisations(db, otherTenantId, [{ key: 'Q', registrationNumber: '0100000001', currentCommuneCode: c1.code }]);
  const agencies: Record<string, string> = {};
  for (const [key, name] of [['S', AGENCY_S], ['T', AGENCY_T]] as const) {
    const [row] = await get<{ id: string }>(db, sql`insert into agencies (tenant_id, name, kind) values (${tenantId}, ${name}, ${key === 'S' ? 'department' : 'bank'}) returning id`);
    agencies[key] = row!.id;
  }
  const recs: Record<string, string> = {};
  for (const r of RECS) {
    const [row] = await get<{ id: string }>(
      db,
      sql`insert into recommendations (tenant_id, subject, category, agency_id, state, letter_number, letter_date, due_on)
          values (${tenantId}, ${`Kiến nghị ${r.key}`}, 'land', ${agencies[r.agency]}, ${r.letterDate ? (r.answer ? 'answered' : 'forwarded') : 'draft'}, ${r.letterNumber ?? null}, ${r.letterDate ?? null}, ${r.dueOn ?? null})
          returning id`,
    );
    recs[r.key] = row!.id;
    if (r.answer) {
      const [answer] = await get<{ id: string }>(
        db,
        sql`insert into agency_answers (tenant_id, agency_id, letter_number, letter_date, received_on, content)
            values (${tenantId}, ${agencies[r.agency]}, ${r.answer.letterNumber}, ${r.answer.letterDate}, ${r.answer.receivedOn}, ${r.answer.content}) returning id`,
      );
      await db.execute(sql`insert into agency_answer_recommendations (tenant_id, answer_id, recommendation_id) values (${tenantId}, ${answer!.id}, ${row!.id})`);
    }
  }
  const ids: Record<string, string> = {};
  const seq: Record<number, number> = {};
  for (const d of DIFFICULTIES) {
    const year = Number(d.raisedOn.slice(0, 4));
    seq[year] = (seq[year] ?? 0) + 1;
    const [row] = await get<{ id: string }>(
      db,
      sql`insert into difficulties (tenant_id, year, seq, organisation_id, raised_on, channel, raised_by, category, title, description, public_consent, published,
                                    state, unit_in_charge, recommendation_id, due_on, direct_answer, answered_on, outcome, closed_on)
          values (${tenantId}, ${year}, ${seq[year]}, ${orgs[d.org]}, ${d.raisedOn}, 'online', 'nguoi-nop@htx.vn', ${d.category}, ${`Khó khăn ${d.key}`}, ${`Mô tả ${d.key}`},
                  ${d.publicConsent ?? 'no'}, ${d.published ?? false}, ${d.state}, 'Ban Kế hoạch — ghi chú nội bộ', ${d.rec ? recs[d.rec] : null}, ${d.dueOn ?? null},
                  ${d.directAnswer ?? null}, ${d.answeredOn ?? null}, ${d.outcome ?? null}, ${d.closedOn ?? null})
          returning id`,
    );
    ids[d.key] = row!.id;
  }
  const [otherRow] = await get<{ id: string }>(
    db,
    sql`insert into difficulties (tenant_id, year, seq, organisation_id, raised_on, channel, category, title, description, public_consent, published, state)
        values (${otherTenantId}, 2025, 1, ${other.Q}, '2025-05-05', 'online', 'land', 'Khó khăn của Liên minh khác', 'Mô tả', 'named', true, 'received') returning id`,
  );
  return { ids, orgs, communes, otherId: otherRow!.id };
}
