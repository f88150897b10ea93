import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readDb } from '../../http/read-routing.ts';
import { scopeName } from '../reports/annual-report.service.ts';
import { Year } from '../reports/reports.schemas.ts';
import { CATEGORY_LABELS, COMPLIANCE_CATEGORIES, UPDATE_KINDS } from './compliance.ts';
import { complianceListPdf, complianceListXlsx } from './compliance.export.ts';
import { complianceReadScope } from './compliance.policy.ts';
import { findComplianceList, getCompliance } from './compliance.service.ts';
import { sendReminders } from './compliance.reminders.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ComplianceQuery = z.object({ year: Year });
export const ComplianceListQuery = z.object({
  year: Year,
  category: z.enum(COMPLIANCE_CATEGORIES, { message: `phải là một trong: ${COMPLIANCE_CATEGORIES.map((c) => CATEGORY_LABELS[c].toLowerCase()).join(', ')}` }).default('missing'),
  commune: z.string().max(20, 'Mã xã, phường (commune) quá dài').optional(),
  kind: z.enum(UPDATE_KINDS, { message: 'Loại hình (kind) là HTX, LHHTX hoặc THT' }).optional(),
});
export const RemindersBody = z.object({ year: Year });

function sendFile(reply: FastifyReply, type: string, fileName: string, body: Buffer) {
  return reply.header('content-type', type).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(body);
}

/** Who filed the annual update: counts, the lists behind them (JSON, PDF, .xlsx), reminders by email. */
export async function complianceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['annual-updates'];

  r.get('/api/annual-updates/compliance', { schema: { querystring: ComplianceQuery, tags, summary: 'Tình hình nộp cập nhật thông tin năm' } }, async (request) =>
    getCompliance(readDb(request), { actor: request.actor, year: request.query.year }),
  );
  r.get('/api/annual-updates/compliance/list', { schema: { querystring: ComplianceListQuery, tags, summary: 'Danh sách tổ chức theo nhóm (đúng hạn, muộn, chưa nộp…)' } }, async (request) => {
    const { year, category, ...filters } = request.query;
    return findComplianceList(readDb(request), { actor: request.actor, year, category, filters });
  });
  for (const format of ['pdf', 'xlsx'] as const) {
    r.get(`/api/annual-updates/compliance/list.${format}`, { schema: { querystring: ComplianceListQuery, tags, summary: `Danh sách để in (.${format})` } }, async (request, reply) => {
      const { year, category, ...filters } = request.query;
      const db = readDb(request);
      const list = await findComplianceList(db, { actor: request.actor, year, category, filters });
      const name = await scopeName(db, complianceReadScope(request.actor).scope);
      const fileName = `cap-nhat-${year}-${category}.${format}`;
      return format === 'pdf'
        ? sendFile(reply, 'application/pdf', fileName, await complianceListPdf(list, name))
        : sendFile(reply, XLSX, fileName, await complianceListXlsx(list, name));
    });
  }
  r.post('/api/annual-updates/reminders', { schema: { body: RemindersBody, tags, summary: 'Gửi email nhắc các tổ chức chưa nộp hoặc bị trả lại' } }, async (request) =>
    sendReminders(app.database.db, { actor: request.actor, year: request.body.year, mailer: app.mailer }),
  );
}
