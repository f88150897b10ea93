/**
 * The annual report as the lines of its printed table (shared by the .xlsx and the PDF), so both exports
 * say the same thing in the same order.
 */
import { formatDateVi } from '../../../../shared/dates.ts';
import type { AnnualReport } from '../annual-report.build.ts';
import { PLAN_INDICATOR_LABELS } from '../reports.schemas.ts';

export type ReportLine = {
  number: string;
  label: string;
  unit: string;
  value: number | string | null;
  percent: number | null;
  previous: number | string | null;
  change: number | string | null;
  section: boolean;
};

const line = (l: Partial<ReportLine> & Pick<ReportLine, 'label'>): ReportLine => ({
  number: '',
  unit: '',
  value: null,
  percent: null,
  previous: null,
  change: null,
  section: false,
  ...l,
});

/** Title and subtitle of the report. */
export function reportTitles(r: AnnualReport): { title: string; subtitle: string } {
  const state = r.frozen ? 'số liệu đã chốt' : 'số liệu tạm tính';
  return {
    title: `BÁO CÁO SỐ LIỆU KINH TẾ TẬP THỂ NĂM ${r.year}`,
    subtitle: `${r.scope.name} — tính đến ngày ${formatDateVi(r.asOf)} (${state})`,
  };
}

/** The lines of the main table: totals, status, kind, sector group, sector, new, dissolved, money, people. */
export function reportLines(r: AnnualReport): ReportLine[] {
  const prev = r.previousYear;
  const change = r.change;
  const unit = 'tổ chức';
  const lines: ReportLine[] = [
    line({ number: 'I', label: 'Tổng số tổ chức kinh tế tập thể', unit, value: r.total, percent: r.total > 0 ? 100 : 0, previous: prev?.total ?? null, change: change?.total ?? null, section: true }),
    ...r.statusShares.map((s, i) => line({ number: `${i + 1}`, label: s.label, unit, value: s.count, percent: s.percent })),
    line({ number: 'II', label: 'Theo loại hình', section: true }),
    ...r.kindShares.map((k, i) => line({ number: `${i + 1}`, label: k.label, unit, value: k.count, percent: k.percent })),
    line({ number: 'III', label: 'Theo nhóm lĩnh vực', section: true }),
    ...r.bySectorGroup.map((g, i) =>
      line({ number: `${i + 1}`, label: g.name, unit, value: g.count, percent: g.percent, previous: prev?.bySectorGroup[g.group] ?? null, change: prev ? g.count - prev.bySectorGroup[g.group] : null }),
    ),
    line({ number: 'IV', label: 'Theo lĩnh vực hoạt động', section: true }),
    ...r.bySector.map((s, i) => line({ number: `${i + 1}`, label: s.name, unit, value: s.count, percent: s.percent })),
    line({ number: 'V', label: 'Thành lập mới trong năm', unit, value: r.newlyEstablished, previous: prev?.newlyEstablished ?? null, change: change?.newlyEstablished ?? null, section: true }),
  ];
  if (r.plan.newlyEstablished !== null) {
    lines.push(line({ number: '1', label: 'Kế hoạch thành lập mới của năm', unit, value: r.plan.newlyEstablished }));
    lines.push(line({ number: '2', label: 'Tỷ lệ đạt kế hoạch', unit: '%', percent: r.plan.percent }));
  }
  lines.push(
    line({ number: 'VI', label: 'Giải thể, chấm dứt hoạt động trong năm', unit, value: r.dissolved, previous: prev?.dissolved ?? null, change: change?.dissolved ?? null, section: true }),
    line({ number: 'VII', label: 'Chuyển đổi thành doanh nghiệp trong năm', unit, value: r.converted, previous: prev?.converted ?? null, change: change?.converted ?? null, section: true }),
    line({ number: 'VIII', label: 'Tổng vốn điều lệ', unit: 'đồng', value: r.charterCapitalVnd, previous: prev?.charterCapitalVnd ?? null, change: change?.charterCapitalVnd ?? null, section: true }),
    line({ number: 'IX', label: 'Tổng số thành viên', unit: 'người', value: r.members, previous: prev?.members ?? null, change: change?.members ?? null, section: true }),
    line({ number: 'X', label: 'Lao động thường xuyên', unit: 'người', value: r.workers, previous: prev?.workers ?? null, change: change?.workers ?? null, section: true }),
  );
  return lines;
}

/** The plan table: each target against its actual figure. */
export function planLines(r: AnnualReport) {
  return r.plans.map((p) => ({
    indicator: PLAN_INDICATOR_LABELS[p.indicator],
    area: p.area || 'Toàn tỉnh',
    target: p.target,
    actual: p.actual,
    percent: p.percent,
  }));
}

/** Column header for the area table, by the level the report groups at. */
export function areaHeader(r: AnnualReport): string {
  return r.areaLevel === 'province' ? 'Tỉnh, thành phố (Liên minh)' : 'Địa bàn đăng ký (huyện, thành phố khi đăng ký)';
}
