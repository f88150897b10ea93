import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readDb } from '../../http/read-routing.ts';
import { scopeName } from '../reports/annual-report.service.ts';
import { Year } from '../reports/reports.schemas.ts';
import { computeRequestsReport, requestsReportScope } from './requests-report.ts';
import { requestsReportPdf } from './requests-report.pdf.ts';
import { requestsReportXlsx } from './requests-report.xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const RequestsReportQuery = z.object({
  year: Year,
  tenant: z.coerce.number({ message: 'Mã Liên minh (tenant) là số' }).int('Mã Liên minh (tenant) là số nguyên').positive('Mã Liên minh (tenant) là số dương').optional(),
});

function sendFile(reply: FastifyReply, type: string, fileName: string, body: Buffer) {
  return reply.header('content-type', type).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(body);
}

/** The alliance's report on difficulties and recommendations: JSON, .xlsx and .pdf. */
export async function requestsReportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  r.get('/api/reports/requests', { schema: { querystring: RequestsReportQuery, tags, summary: 'Báo cáo tiếp nhận, giải quyết khó khăn, kiến nghị' } }, async (request, reply) => {
    const scope = requestsReportScope(request.actor, request.query.tenant);
    reply.header('cache-control', 'private, no-store');
    return computeRequestsReport(readDb(request), scope, request.query.year);
  });
  for (const format of ['xlsx', 'pdf'] as const) {
    r.get(`/api/reports/requests.${format}`, { schema: { querystring: RequestsReportQuery, tags, summary: `Báo cáo khó khăn, kiến nghị (.${format})` } }, async (request, reply) => {
      const scope = requestsReportScope(request.actor, request.query.tenant);
      const db = readDb(request);
      const report = await computeRequestsReport(db, scope, request.query.year);
      const name = await scopeName(db, scope);
      const fileName = `kien-nghi-${report.year}.${format}`;
      return format === 'pdf'
        ? sendFile(reply, 'application/pdf', fileName, await requestsReportPdf(report, name))
        : sendFile(reply, XLSX, fileName, await requestsReportXlsx(report, name));
    });
  }
}
