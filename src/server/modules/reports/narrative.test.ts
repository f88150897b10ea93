import { describe, expect, it } from 'vitest';
import { reportAsText } from '../../../cli/report.ts';
import { buildAnnualReport, type AnnualReport } from './annual-report.build.ts';
import { auditEntityId } from './audit-entity.ts';
import { exactNumber, neutraliseText } from './export/xlsx-table.ts';
import { formatCapital, formatPlanPercent, writeNarrative } from './narrative.ts';
import type { AggregateRow } from './reports.queries.ts';

const row = (dimension: AggregateRow['dimension'], key: string | null, counted: number, extra: Partial<AggregateRow> = {}): AggregateRow => ({
  dimension, key, label: null, counted, newly_established: 0, dissolved: 0, converted: 0, charter_capital_vnd: '0', members: 0, workers: 0, ...extra,
});

function report(rows: AggregateRow[], options: { plan?: number; tenantId?: number | null; asOf?: string } = {}): AnnualReport {
  const built = buildAnnualReport({
    year: 2023,
    asOf: options.asOf ?? '2023-12-31',
    scope: { tenantId: options.tenantId === undefined ? 24 : options.tenantId, name: 'Liên minh HTX tỉnh Bắc Giang' },
    rows,
    previous: null,
    plans: options.plan ? [{ indicator: 'newly_established', area: '', target: options.plan }] : [],
    tenantNames: new Map(),
  });
  return { ...built, narrative: writeNarrative(built), frozen: false, closedAt: null, generatedAt: '' };
}

const seedRows = [
  row('all', null, 1116, { newly_established: 101, charter_capital_vnd: '2772000000000', members: 42153 }),
  row('sector', 'agriculture', 700),
  row('sector', 'fishery', 31),
  row('sector', 'transport', 365),
  row('sector', 'credit_fund', 20),
];

describe('the year\'s paragraph', () => {
  it('reads like the alliance\'s own report, with Vietnamese numbers', () => {
    expect(report(seedRows, { plan: 50 }).narrative).toBe(
      'Năm 2023, toàn tỉnh có 101 HTX thành lập mới (đạt 202% kế hoạch của năm), nâng tổng số HTX trong toàn tỉnh là 1.116 HTX, trong đó: ' +
        'Lĩnh vực nông nghiệp, lâm nghiệp, thủy sản là 731 HTX (chiếm 65,50%); lĩnh vực phi nông nghiệp là 365 HTX (chiếm 32,71%); ' +
        'Quỹ tín dụng nhân dân là 20 Quỹ (chiếm 1,79%). Tổng vốn điều lệ của các HTX là 2.772 tỷ đồng và số thành viên tham gia HTX là 42.153 người.',
    );
  });

  it('leaves out the plan when there is none, and says "cả nước" for the national roll-up', () => {
    const national = report(seedRows, { tenantId: null }).narrative;
    expect(national).toMatch(/^Năm 2023, cả nước có 101 HTX thành lập mới, nâng tổng số HTX trên cả nước là 1\.116 HTX/);
  });

  it('says the date of a report before the year\'s end', () => {
    expect(report(seedRows, { asOf: '2023-06-30' }).narrative).toMatch(/^Từ đầu năm 2023 đến ngày 30\/06\/2023, toàn tỉnh có 101 HTX .* tính đến ngày 30\/06\/2023 là 1\.116 HTX/);
  });

  it('says so when there is nothing to count', () => {
    expect(report([]).narrative).toBe('Năm 2023, chưa có HTX nào được ghi nhận trong toàn tỉnh trong sổ đăng ký.');
  });

  it('writes plan shares whole when they are, capital in billions or in đồng', () => {
    expect(formatPlanPercent(202)).toBe('202%');
    expect(formatPlanPercent(101.5)).toBe('101,50%');
    expect(formatPlanPercent(1234)).toBe('1.234%');
    expect(formatCapital('2772000000000')).toBe('2.772 tỷ đồng');
    expect(formatCapital('380912000000')).toBe('381 tỷ đồng');
    expect(formatCapital('500000000')).toBe('500.000.000 đồng');
  });

  it('prints as text for the command line', () => {
    const text = reportAsText(report(seedRows, { plan: 50 }));
    expect(text).toContain('BÁO CÁO SỐ LIỆU KINH TẾ TẬP THỂ NĂM 2023');
    expect(text).toContain('I. Tổng số tổ chức kinh tế tập thể: 1.116 tổ chức (100,00%)');
    expect(text).toContain('    2. Tỷ lệ đạt kế hoạch: 202,00%');
    expect(text).toContain('\nII. Theo loại hình\n');
  });
});

describe('export helpers', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '\r=x']) expect(neutraliseText(bad)).toBe(`'${bad}`);
    for (const fine of ['Lạng Giang', '1.116', "'=already", '']) expect(neutraliseText(fine)).toBe(fine);
  });

  it('writes whole numbers exactly, as text beyond 2^53', () => {
    expect(exactNumber('2772000000000')).toBe(2_772_000_000_000);
    expect(exactNumber(-5n)).toBe(-5);
    expect(exactNumber('90071992547409930')).toBe('90071992547409930');
  });

  it('keys plans and closed years in the audit trail by a stable uuid', () => {
    const id = auditEntityId('report_year/24/2023');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(auditEntityId('report_year/24/2023')).toBe(id);
    expect(auditEntityId('report_year/24/2022')).not.toBe(id);
  });
});
