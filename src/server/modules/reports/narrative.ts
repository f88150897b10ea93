/**
 * The paragraph an alliance writes about its year, generated from the figures in the register of its own
 * reports (seed: "… với 101 HTX thành lập mới (đạt 202% kế hoạch của năm), nâng tổng số HTX trong toàn tỉnh
 * là 1.116 HTX, trong đó: …"), with Vietnamese number formatting.
 */
import { formatDateVi } from '../../../shared/dates.ts';
import { formatBillionsVnd, formatCount, formatPercent } from '../../../shared/format.ts';
import type { AnnualReport } from './annual-report.build.ts';

const BILLION = 1_000_000_000n;

/** "202%" for a whole percentage (as the alliance writes plan shares), "101,50%" otherwise. */
export function formatPlanPercent(percent: number): string {
  return Number.isInteger(percent) ? `${formatCount(percent)}%` : formatPercent(percent);
}

/** Capital as the reports write it: whole billions, or đồng below one billion. */
export function formatCapital(vnd: string): string {
  const amount = BigInt(vnd);
  return amount >= BILLION ? formatBillionsVnd(amount) : `${formatCount(amount)} đồng`;
}

const GROUP_PHRASES = {
  agriculture: (n: string, p: string) => `Lĩnh vực nông nghiệp, lâm nghiệp, thủy sản là ${n} HTX (chiếm ${p})`,
  non_agriculture: (n: string, p: string) => `lĩnh vực phi nông nghiệp là ${n} HTX (chiếm ${p})`,
  credit_fund: (n: string, p: string) => `Quỹ tín dụng nhân dân là ${n} Quỹ (chiếm ${p})`,
} as const;

function changeSentence(report: NarrativeInput): string | undefined {
  if (!report.previousYear || !report.change) return undefined;
  const diff = report.change.total;
  const when = `cuối năm ${report.previousYear.year}`;
  if (diff === 0) return `Tổng số HTX không thay đổi so với ${when}.`;
  return `So với ${when}, tổng số HTX ${diff > 0 ? 'tăng' : 'giảm'} ${formatCount(Math.abs(diff))} HTX.`;
}

type NarrativeInput = Omit<AnnualReport, 'narrative' | 'frozen' | 'closedAt' | 'generatedAt'>;

/** The year's paragraph in Vietnamese (1.116 HTX; 65,50%; 2.772 tỷ đồng). */
export function writeNarrative(report: NarrativeInput): string {
  const yearEnd = report.asOf === `${report.year}-12-31`;
  const national = report.scope.tenantId === null;
  const who = national ? 'cả nước' : 'toàn tỉnh';
  const where = national ? 'trên cả nước' : 'trong toàn tỉnh';
  const opening = yearEnd ? `Năm ${report.year}` : `Từ đầu năm ${report.year} đến ngày ${formatDateVi(report.asOf)}`;
  const totalWhen = yearEnd ? '' : ` tính đến ngày ${formatDateVi(report.asOf)}`;
  const planned = report.plan.percent !== null ? ` (đạt ${formatPlanPercent(report.plan.percent)} kế hoạch của năm)` : '';

  if (report.total === 0 && report.newlyEstablished === 0) {
    return `${opening}, chưa có HTX nào được ghi nhận ${where} trong sổ đăng ký.`;
  }
  const groups = report.bySectorGroup
    .filter((g) => g.count > 0)
    .map((g) => GROUP_PHRASES[g.group](formatCount(g.count), formatPercent(g.percent)));
  const sentences = [
    `${opening}, ${who} có ${formatCount(report.newlyEstablished)} HTX thành lập mới${planned}, ` +
      `nâng tổng số HTX ${where}${totalWhen} là ${formatCount(report.total)} HTX` +
      (groups.length ? `, trong đó: ${groups.join('; ')}.` : '.'),
    `Tổng vốn điều lệ của các HTX là ${formatCapital(report.charterCapitalVnd)} và số thành viên tham gia HTX là ${formatCount(report.members)} người.`,
  ];
  if (report.workers > 0) sentences.push(`Các HTX tạo việc làm thường xuyên cho ${formatCount(report.workers)} lao động.`);
  if (report.suspended > 0) {
    sentences.push(`Có ${formatCount(report.suspended)} HTX tạm ngừng hoặc ngừng hoạt động nhưng chưa giải thể (vẫn tính trong tổng số).`);
  }
  if (report.dissolved > 0 || report.converted > 0) {
    const converted = report.converted > 0 ? `, ${formatCount(report.converted)} HTX chuyển đổi thành doanh nghiệp` : '';
    sentences.push(`Trong năm có ${formatCount(report.dissolved)} HTX giải thể${converted}.`);
  }
  const change = changeSentence(report);
  if (change) sentences.push(change);
  return sentences.join(' ');
}
