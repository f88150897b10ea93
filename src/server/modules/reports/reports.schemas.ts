/**
 * The shapes of the reports API, shared by the routes, the CLI and the web pages (zod only: no server code,
 * so the browser bundle can import it).
 */
import { z } from 'zod';
import { calendarDate } from '../../../shared/calendar-date.ts';
import { KINDS } from '../../../shared/organisation.ts';

export const SECTOR_GROUP_KEYS = ['agriculture', 'non_agriculture', 'credit_fund'] as const;

/** Indicators a plan can set a yearly target for; the report measures each against its figure. */
export const PLAN_INDICATORS = ['newly_established', 'total', 'members', 'workers', 'charter_capital_vnd', 'dissolved'] as const;
export type PlanIndicator = (typeof PLAN_INDICATORS)[number];
export const PLAN_INDICATOR_LABELS: Record<PlanIndicator, string> = {
  newly_established: 'Số tổ chức thành lập mới',
  total: 'Tổng số tổ chức cuối năm',
  members: 'Số thành viên',
  workers: 'Số lao động thường xuyên',
  charter_capital_vnd: 'Tổng vốn điều lệ (đồng)',
  dissolved: 'Số tổ chức giải thể',
};

const isoDate = calendarDate('Ngày tính số liệu');
export const Year = z.coerce.number().int('Năm là số nguyên').min(1990, 'Năm từ 1990').max(2100, 'Năm đến 2100');

/** ?year=&asOf=&tenant= of the annual report (tenant: national viewers only). */
export const AnnualReportQuery = z.object({
  year: Year,
  asOf: isoDate.optional(),
  tenant: z.coerce.number().int().positive().optional(),
});
export type AnnualReportQuery = z.infer<typeof AnnualReportQuery>;

export const PublicReportQuery = z.object({
  year: Year,
  tenant: z.coerce.number().int().positive().optional(),
});

/** Dashboard filters (year, kind, sector group or sector, area as registered). */
export const DashboardQuery = z.object({
  year: Year,
  tenant: z.coerce.number().int().positive().optional(),
  kind: z.enum(KINDS).optional(),
  sectorGroup: z.enum(SECTOR_GROUP_KEYS).optional(),
  sector: z.string().max(40).optional(),
  area: z.string().max(100).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;
/** The portal's: without a year, the year the portal opens on (defaultReportYear in Vietnam), so that its page can ask for its figures before its script knows the date. */
export const PublicDashboardQuery = DashboardQuery.extend({ year: Year.optional() });

export const DASHBOARD_CHARTS = ['headline', 'sectorGroups', 'sectors', 'statuses', 'kinds', 'trend', 'communes', 'areas', 'plans'] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];
export const ChartDataQuery = DashboardQuery.extend({ chart: z.enum(DASHBOARD_CHARTS) });

/** Setting one target: the same schema drives PlanForm and POST /api/reports/plans. */
export const PlanInput = z
  .object({
    year: z.number({ message: 'Chưa nhập năm' }).int('Năm là số nguyên').min(1990, 'Năm từ 1990').max(2100, 'Năm đến 2100'),
    indicator: z.enum(PLAN_INDICATORS, { message: 'Chỉ tiêu không hợp lệ' }),
    area: z.string().trim().max(100, 'Tên địa bàn tối đa 100 ký tự').optional().default(''),
    target: z.number({ message: 'Chưa nhập chỉ tiêu (số nguyên)' }).int('Chỉ tiêu là số nguyên').min(0, 'Chỉ tiêu không được âm').max(Number.MAX_SAFE_INTEGER),
  })
  .strict();
export type PlanInput = z.input<typeof PlanInput>;

export const PlansQuery = z.object({ year: Year });
export const YearParams = z.object({ year: Year });
