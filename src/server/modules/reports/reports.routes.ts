import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAnnualReport, getPublicAnnualReport } from './annual-report.service.ts';
import { closeYear, findClosedYears, getYearDifferences } from './closing.service.ts';
import { getDashboard, getPublicDashboard } from './dashboard.service.ts';
import { annualReportPdf } from './export/annual-report.pdf.ts';
import { annualReportXlsx } from './export/annual-report.xlsx.ts';
import { chartDataXlsx } from './export/chart-data.xlsx.ts';
import { readDb } from '../../http/read-routing.ts';
import { findPlans, setPlan } from './plans.service.ts';
import { sendCachedReport } from './report-cache.ts';
import { reportReadScope } from './reports.policy.ts';
import type { TenantScope } from './reports.queries.ts';
import { AnnualReportQuery, ChartDataQuery, DashboardQuery, PlanInput, PlansQuery, PublicDashboardQuery, PublicReportQuery, YearParams } from './reports.schemas.ts';
import { defaultReportYear, todayIso } from '../../../shared/dates.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// The portal's figures are public but computed: keep a crawler from turning them into load.
const PUBLIC_RATE = { rateLimit: { max: 60, timeWindow: '1 minute' } };

function sendFile(reply: FastifyReply, type: string, fileName: string, body: Buffer) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

// A public request names its alliance, or means the only one.
const publicScope = (tenant: number | undefined): TenantScope | 'only alliance' => (tenant ? { kind: 'tenant', tenantId: tenant } : 'only alliance');
const tenantOf = (scope: TenantScope | undefined, tenant: number | undefined) => (scope?.kind === 'tenant' ? scope.tenantId : tenant);

/** Year-end report, plans, closing a year, the dashboard, and their public variants. */
export async function reportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ['reports'];

  r.get('/api/reports/annual', { config: { dataVersions: true }, schema: { querystring: AnnualReportQuery, tags, summary: 'Báo cáo số liệu năm (JSON)' } }, async (request, reply) =>
    sendCachedReport(readDb(request), request, reply, {
      name: 'annual',
      scope: reportReadScope(request.actor, request.query.tenant),
      query: request.query,
      visibility: 'private',
      compute: () => getAnnualReport(readDb(request), { actor: request.actor, ...request.query }),
    }),
  );
  r.get('/api/reports/annual.xlsx', { schema: { querystring: AnnualReportQuery, tags, summary: 'Báo cáo số liệu năm (.xlsx)' } }, async (request, reply) => {
    const report = await getAnnualReport(readDb(request), { actor: request.actor, ...request.query });
    return sendFile(reply, XLSX, `bao-cao-nam-${report.year}.xlsx`, await annualReportXlsx(report));
  });
  r.get('/api/reports/annual.pdf', { schema: { querystring: AnnualReportQuery, tags, summary: 'Báo cáo số liệu năm (PDF)' } }, async (request, reply) => {
    const report = await getAnnualReport(readDb(request), { actor: request.actor, ...request.query });
    return sendFile(reply, 'application/pdf', `bao-cao-nam-${report.year}.pdf`, await annualReportPdf(report));
  });
  r.post('/api/reports/annual/:year/close', { schema: { params: YearParams, tags, summary: 'Chốt số liệu năm' } }, async (request, reply) =>
    reply.status(201).send(await closeYear(db(), { actor: request.actor, year: request.params.year })),
  );
  r.get('/api/reports/annual/closed', { schema: { querystring: PublicReportQuery.pick({ tenant: true }), tags, summary: 'Các năm đã chốt số liệu' } }, async (request) =>
    findClosedYears(readDb(request), { actor: request.actor, tenant: request.query.tenant }),
  );
  r.get('/api/reports/annual/:year/differences', { schema: { params: YearParams, querystring: PublicReportQuery.pick({ tenant: true }), tags, summary: 'Chênh lệch giữa số liệu đã chốt và hiện tại' } }, async (request) =>
    getYearDifferences(readDb(request), { actor: request.actor, year: request.params.year, tenant: request.query.tenant }),
  );

  r.get('/api/reports/plans', { schema: { querystring: PlansQuery, tags, summary: 'Kế hoạch năm' } }, async (request) =>
    findPlans(db(), { actor: request.actor, year: request.query.year }),
  );
  r.post('/api/reports/plans', { schema: { body: PlanInput, tags, summary: 'Giao chỉ tiêu kế hoạch năm' } }, async (request) =>
    setPlan(db(), { actor: request.actor, input: request.body }),
  );

  r.get('/api/reports/dashboard', { config: { dataVersions: true }, schema: { querystring: DashboardQuery, tags, summary: 'Số liệu bảng điều khiển' } }, async (request, reply) =>
    sendCachedReport(readDb(request), request, reply, {
      name: 'dashboard',
      scope: reportReadScope(request.actor, request.query.tenant),
      query: request.query,
      visibility: 'private',
      compute: () => getDashboard(readDb(request), { actor: request.actor, query: request.query }),
    }),
  );
  r.get('/api/reports/dashboard/chart.xlsx', { schema: { querystring: ChartDataQuery, tags, summary: 'Dữ liệu của một biểu đồ (.xlsx)' } }, async (request, reply) => {
    const { chart, ...query } = request.query;
    const dashboard = await getDashboard(readDb(request), { actor: request.actor, query });
    return sendFile(reply, XLSX, `bieu-do-${chart}-${query.year}.xlsx`, await chartDataXlsx(dashboard, chart));
  });

  r.get('/api/public/reports/annual', { config: PUBLIC_RATE, schema: { querystring: PublicReportQuery, tags: ['public'], summary: 'Số liệu năm công khai' } }, async (request, reply) =>
    sendCachedReport(readDb(request), request, reply, {
      name: 'public annual',
      scope: publicScope(request.query.tenant),
      query: request.query,
      visibility: 'public',
      compute: (scope) => getPublicAnnualReport(readDb(request), { ...request.query, tenant: tenantOf(scope, request.query.tenant) }),
    }),
  );
  r.get('/api/public/reports/dashboard', { config: PUBLIC_RATE, schema: { querystring: PublicDashboardQuery, tags: ['public'], summary: 'Bảng điều khiển công khai' } }, async (request, reply) => {
    const query = { ...request.query, year: request.query.year ?? defaultReportYear(todayIso(new Date(), 'Asia/Ho_Chi_Minh')) };
    return sendCachedReport(readDb(request), request, reply, {
      name: 'public dashboard',
      // The portal's home asks before it knows the alliances (the URL the home page's Link header preloads).
      scope: query.tenant ? { kind: 'tenant', tenantId: query.tenant } : 'first alliance',
      query,
      visibility: 'public',
      compute: (scope) => getPublicDashboard(readDb(request), { query: { ...query, tenant: tenantOf(scope, query.tenant) } }),
    });
  });
  r.get('/api/public/reports/dashboard/chart.xlsx', { config: PUBLIC_RATE, schema: { querystring: ChartDataQuery, tags: ['public'], summary: 'Dữ liệu biểu đồ công khai (.xlsx)' } }, async (request, reply) => {
    const { chart, ...query } = request.query;
    const dashboard = await getPublicDashboard(readDb(request), { query });
    return sendFile(reply, XLSX, `bieu-do-${chart}-${query.year}.xlsx`, await chartDataXlsx(dashboard, chart));
  });
}
