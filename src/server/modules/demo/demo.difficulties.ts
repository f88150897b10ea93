// The demo province's difficulties and recommendations (decision 008): ~60 difficulties over last year and this
// year, across categories and states, a few grouped into recommendations forwarded by official letter (numbers of
// the 'letter' series) to the province's usual agencies, some answered by them, some published. Inserted in a few
// statements (it runs at every fresh demo load); the same seed and the same day give the same rows.
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { loadWorkingCalendar, todayInVietnam } from '../calendar/working-days.ts';
import { organisations } from '../cooperatives/cooperatives.sql.ts';
import { defaultAgencies } from '../difficulties/agencies.service.ts';
import { DEFAULT_SYMBOL, loadLetterSettings } from '../difficulties/letter-settings.service.ts';
import { agencies, agencyAnswerRecommendations, agencyAnswers, difficulties, numberSeries, recommendations } from '../difficulties/difficulties.sql.ts';
import { seededRandom } from './random.ts';

type Category = 'capital_credit' | 'land' | 'tax' | 'market' | 'registration_legal' | 'infrastructure' | 'digital' | 'support_policies' | 'other';

/** What cooperatives raise, by category (title, description as a chair would write it). */
const TEXTS: Record<Category, Array<[string, string]>> = {
  capital_credit: [
    ['Khó tiếp cận vốn vay ưu đãi', 'Hợp tác xã không có tài sản thế chấp nên chưa vay được vốn ưu đãi để mở rộng sản xuất; đề nghị hỗ trợ bảo lãnh tín dụng.'],
    ['Thiếu vốn lưu động thu mua nông sản', 'Vào vụ thu hoạch hợp tác xã cần khoảng 2 tỷ đồng để thu mua sản phẩm của thành viên nhưng ngân hàng chỉ cho vay 500 triệu.'],
    ['Thủ tục vay Quỹ hỗ trợ phát triển HTX còn phức tạp', 'Hồ sơ vay yêu cầu nhiều giấy tờ, thời gian thẩm định kéo dài; đề nghị đơn giản hóa thủ tục.'],
  ],
  land: [
    ['Chưa được giao đất xây dựng nhà sơ chế', 'Hợp tác xã đã nộp hồ sơ thuê đất làm nhà sơ chế, kho lạnh từ năm trước nhưng chưa được giải quyết.'],
    ['Khó khăn khi thuê đất nông nghiệp liền vùng', 'Việc tích tụ ruộng đất để sản xuất tập trung gặp khó do nhiều hộ không muốn cho thuê dài hạn.'],
  ],
  tax: [
    ['Vướng mắc hoàn thuế giá trị gia tăng', 'Hồ sơ hoàn thuế GTGT của hợp tác xã bị kéo dài, ảnh hưởng đến dòng tiền kinh doanh.'],
    ['Chưa rõ chính sách miễn thuế thu nhập doanh nghiệp', 'Đề nghị hướng dẫn việc miễn, giảm thuế thu nhập doanh nghiệp đối với thu nhập từ giao dịch với thành viên.'],
  ],
  market: [
    ['Khó tiêu thụ sản phẩm khi được mùa', 'Giá bán sản phẩm giảm mạnh khi vào chính vụ; đề nghị hỗ trợ kết nối tiêu thụ với doanh nghiệp và siêu thị.'],
    ['Cần hỗ trợ tham gia hội chợ, xúc tiến thương mại', 'Sản phẩm OCOP của hợp tác xã chưa có nhiều kênh quảng bá; đề nghị hỗ trợ chi phí gian hàng hội chợ.'],
  ],
  registration_legal: [
    ['Vướng mắc chuyển đổi theo Luật Hợp tác xã 2023', 'Hợp tác xã chưa rõ trình tự sửa đổi điều lệ, đăng ký thay đổi theo Luật Hợp tác xã năm 2023.'],
    ['Thủ tục đăng ký nhãn hiệu tập thể kéo dài', 'Hồ sơ đăng ký nhãn hiệu tập thể đã nộp nhưng chưa có kết quả; đề nghị hỗ trợ.'],
  ],
  infrastructure: [
    ['Đường giao thông nội đồng xuống cấp', 'Tuyến đường nội đồng vào vùng sản xuất bị hư hỏng, xe chở hàng không vào được; đề nghị hỗ trợ cải tạo.'],
    ['Thiếu hệ thống tưới tiết kiệm nước', 'Vùng trồng cây ăn quả chưa có hệ thống tưới; đề nghị hỗ trợ theo chính sách phát triển hạ tầng.'],
  ],
  digital: [
    ['Cần hỗ trợ truy xuất nguồn gốc, thương mại điện tử', 'Hợp tác xã muốn đưa sản phẩm lên sàn thương mại điện tử và gắn mã truy xuất nhưng thiếu nhân lực.'],
    ['Chi phí hóa đơn điện tử, phần mềm kế toán', 'Đề nghị hỗ trợ chi phí phần mềm kế toán và hóa đơn điện tử cho hợp tác xã nhỏ.'],
  ],
  support_policies: [
    ['Chưa được hưởng hỗ trợ đào tạo cán bộ quản lý', 'Hợp tác xã chưa được tham gia các lớp bồi dưỡng cán bộ quản lý theo chương trình hỗ trợ.'],
    ['Hỗ trợ đưa lao động trẻ về làm việc', 'Đề nghị tiếp tục chính sách hỗ trợ lao động có trình độ đại học về làm việc tại hợp tác xã.'],
  ],
  other: [['Đề nghị tổ chức đối thoại định kỳ', 'Đề nghị Liên minh tổ chức đối thoại định kỳ giữa hợp tác xã và các sở, ngành của tỉnh.']],
};

const CATEGORIES = Object.keys(TEXTS) as Category[];
const CHANNELS = ['online', 'conference', 'visit', 'phone', 'staff'] as const;
const STAFF = 'can-bo@lienminh.local';

/** Recommendations of the demo: a subject, its category, the agency (index in the default list), when, answered or not. */
const GROUPS: Array<{ subject: string; category: Category; agency: number; yearOffset: 0 | 1; month: number; size: number; answered: boolean }> = [
  { subject: 'Kiến nghị tháo gỡ khó khăn tiếp cận vốn vay của các hợp tác xã', category: 'capital_credit', agency: 12, yearOffset: 1, month: 4, size: 4, answered: true },
  { subject: 'Kiến nghị giải quyết hồ sơ thuê đất của các hợp tác xã', category: 'land', agency: 2, yearOffset: 1, month: 9, size: 3, answered: true },
  { subject: 'Kiến nghị hỗ trợ tiêu thụ nông sản chính vụ', category: 'market', agency: 3, yearOffset: 0, month: 1, size: 3, answered: true },
  { subject: 'Kiến nghị cải tạo đường giao thông nội đồng', category: 'infrastructure', agency: 0, yearOffset: 0, month: 2, size: 3, answered: false },
];

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** Inserts the demo's agencies (when none), difficulties and recommendations; returns how many of each. */
export async function generateDemoDifficulties(db: Db, { tenantId, seed = 2026, today = todayInVietnam() }: { tenantId: number; seed?: number; today?: string }) {
  const r = seededRandom(seed);
  const calendar = await loadWorkingCalendar(db);
  const thisYear = Number(today.slice(0, 4));
  const dayBefore = (iso: string) => (iso < today ? iso : today);
  const orgs = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), ne(organisations.status, 'dissolved')))
    .orderBy(asc(organisations.registrationNumber), asc(organisations.name))
    .limit(400);
  if (orgs.length < 10) return { difficulties: 0, recommendations: 0 };

  return db.transaction(async (tx) => {
    const [already] = await tx.select({ n: count() }).from(difficulties).where(eq(difficulties.tenantId, tenantId));
    if (Number(already?.n ?? 0) > 0) return { difficulties: 0, recommendations: 0 };
    const [existing] = await tx.select({ n: count() }).from(agencies).where(eq(agencies.tenantId, tenantId));
    if (Number(existing?.n ?? 0) === 0) {
      const settings = await loadLetterSettings(tx, tenantId);
      await tx.insert(agencies).values(defaultAgencies(settings.provinceName || settings.place).map((a) => ({ tenantId, ...a })));
    }
    const agencyRows = await tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.tenantId, tenantId)).orderBy(asc(agencies.createdAt), asc(agencies.name));
    const seqs = new Map<number, number>();
    const nextSeq = (year: number) => {
      const n = (seqs.get(year) ?? 0) + 1;
      seqs.set(year, n);
      return n;
    };
    const letterSeqs = new Map<number, number>();

    type Row = typeof difficulties.$inferInsert;
    const rows: Row[] = [];
    const raise = (year: number, raisedOn: string, category: Category, extra: Partial<Row> = {}): Row => {
      const [title, description] = r.pick(TEXTS[category]);
      const consent = r.pick(['no', 'no', 'anonymous', 'anonymous', 'named'] as const);
      const row: Row = {
        tenantId,
        id: crypto.randomUUID(),
        year,
        seq: nextSeq(year),
        organisationId: r.pick(orgs).id,
        raisedOn,
        channel: r.pick(CHANNELS),
        raisedBy: STAFF,
        category,
        title,
        description,
        publicConsent: consent,
        published: consent !== 'no' && r.next() < 0.5,
        state: 'received',
        dueOn: calendar.addWorkingDays(raisedOn, 10),
        ...extra,
      };
      if (row.published) row.publishedAt = new Date(`${raisedOn}T09:00:00+07:00`);
      if (row.channel === 'conference') row.occasion = `Hội nghị đối thoại với hợp tác xã năm ${year}`;
      rows.push(row);
      return row;
    };
    const randomDay = (year: number) => dayBefore(isoDay(year, r.int(1, year === thisYear ? Math.max(1, Number(today.slice(5, 7))) : 12), r.int(1, 28)));

    // Recommendations first (their difficulties raised a few weeks before the letter).
    const recRows: Array<typeof recommendations.$inferInsert> = [];
    const answerRows: Array<typeof agencyAnswers.$inferInsert> = [];
    const links: Array<typeof agencyAnswerRecommendations.$inferInsert> = [];
    for (const g of GROUPS) {
      const year = thisYear - g.yearOffset;
      const letterDate = dayBefore(calendar.addWorkingDays(isoDay(year, g.month, 20), 0));
      if (year === thisYear && letterDate >= today) continue; // too early in the year for this one
      const agency = agencyRows[g.agency % agencyRows.length]!;
      const letterSeq = (letterSeqs.get(year) ?? 0) + 1;
      letterSeqs.set(year, letterSeq);
      const dueOn = calendar.addWorkingDays(letterDate, 15);
      const answerDate = calendar.addWorkingDays(letterDate, r.int(8, 25));
      const answered = g.answered && answerDate < today;
      const recId = crypto.randomUUID();
      recRows.push({
        tenantId, id: recId, subject: g.subject, category: g.category, agencyId: agency.id, state: answered ? 'answered' : 'forwarded',
        body: 'Liên minh Hợp tác xã tỉnh tổng hợp kiến nghị của các hợp tác xã như sau:',
        letterYear: year, letterSeq, letterNumber: `${letterSeq}/${DEFAULT_SYMBOL}`, letterDate, dueOn,
        signerName: 'Nguyễn Văn Minh', signerTitle: 'CHỦ TỊCH', forwardedAt: new Date(`${letterDate}T10:00:00+07:00`), forwardedBy: STAFF, createdBy: STAFF,
      });
      for (let k = 0; k < g.size; k++) {
        const raisedOn = dayBefore(isoDay(year, g.month, r.int(1, 10)));
        const closed = answered && g.yearOffset === 1;
        raise(year, raisedOn, g.category, {
          recommendationId: recId,
          dueOn,
          state: closed ? 'closed' : answered ? 'answered' : 'forwarded',
          unitInCharge: 'Ban Tuyên truyền và Hỗ trợ',
          ...(answered ? { answeredOn: answerDate } : {}),
          ...(closed ? { outcome: k === 0 ? 'not_resolved' : 'resolved', closedOn: calendar.addWorkingDays(answerDate, 5), closedBy: STAFF } : {}),
        });
      }
      if (answered) {
        const answerId = crypto.randomUUID();
        answerRows.push({
          tenantId, id: answerId, agencyId: agency.id, letterNumber: `${r.int(100, 999)}/${agency.name.startsWith('Ngân hàng') ? 'NHNo-KHDN' : 'UBND-KT'}`,
          letterDate: answerDate, receivedOn: calendar.addWorkingDays(answerDate, 1),
          content: `${agency.name} trả lời: đã chỉ đạo các đơn vị liên quan rà soát, giải quyết kiến nghị của các hợp tác xã; các hợp tác xã liên hệ trực tiếp để được hướng dẫn hồ sơ.`,
          recordedBy: STAFF, recordedAt: new Date(`${answerDate}T15:00:00+07:00`),
        });
        links.push({ tenantId, answerId, recommendationId: recId });
      }
    }

    // The others: last year mostly settled (a few carried over), this year in every state.
    for (let k = 0; k < 30; k++) raiseAndHandle(thisYear - 1);
    for (let k = 0; k < 17; k++) raiseAndHandle(thisYear);
    function raiseAndHandle(year: number) {
      const raisedOn = randomDay(year);
      const row = raise(year, raisedOn, r.pick(CATEGORIES));
      const roll = r.next();
      const answeredOn = dayBefore(calendar.addWorkingDays(raisedOn, r.int(3, 14)));
      const old = year < thisYear;
      if (roll < (old ? 0.1 : 0.3)) return; // received (old: carried over, overdue)
      row.unitInCharge = r.pick(['Ban Tuyên truyền và Hỗ trợ', 'Ban Kế hoạch - Tổng hợp', 'Quỹ hỗ trợ phát triển HTX']);
      row.state = 'handling';
      if (roll < (old ? 0.2 : 0.55)) return;
      Object.assign(row, { state: 'answered', answeredOn, answeredBy: STAFF, directAnswer: 'Liên minh đã hướng dẫn hợp tác xã trình tự, hồ sơ và đầu mối liên hệ để được giải quyết.' });
      if (roll < (old ? 0.35 : 0.8)) return;
      const outcome = roll > 0.95 ? 'rejected' : roll > 0.88 ? 'not_resolved' : 'resolved';
      Object.assign(row, { state: 'closed', outcome, closedOn: dayBefore(calendar.addWorkingDays(answeredOn, 5)), closedBy: STAFF, ...(outcome === 'rejected' ? { outcomeReason: 'Nội dung không thuộc phạm vi kiến nghị của Liên minh; đã hướng dẫn hợp tác xã liên hệ cơ quan có thẩm quyền.', directAnswer: null, answeredOn: null } : {}) });
    }

    if (recRows.length) await tx.insert(recommendations).values(recRows);
    await tx.insert(difficulties).values(rows);
    if (answerRows.length) {
      await tx.insert(agencyAnswers).values(answerRows);
      await tx.insert(agencyAnswerRecommendations).values(links);
    }
    const series = [...[...seqs].map(([year, n]) => ({ tenantId, series: 'difficulty', year, lastNumber: n })), ...[...letterSeqs].map(([year, n]) => ({ tenantId, series: 'letter', year, lastNumber: n }))];
    await tx
      .insert(numberSeries)
      .values(series)
      .onConflictDoUpdate({ target: [numberSeries.tenantId, numberSeries.series, numberSeries.year], set: { lastNumber: sql`greatest(${numberSeries.lastNumber}, excluded.last_number)` } });
    return { difficulties: rows.length, recommendations: recRows.length };
  });
}
