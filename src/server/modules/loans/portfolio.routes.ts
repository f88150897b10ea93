import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DueQuery, PortfolioQuery } from './loans.schemas.ts';
import { findDueInstallments, getPortfolio } from './portfolio.service.ts';

const tags = ['loans'];

/** The fund's portfolio (aggregates only, also for the national viewer) and the collection list. */
export async function portfolioRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/loans/portfolio', { schema: { querystring: PortfolioQuery, tags, summary: 'Dư nợ, nợ quá hạn, nhóm nợ, tỷ lệ nợ xấu tại một ngày' } }, async (request) =>
    getPortfolio(db(), { actor: request.actor, asOf: request.query.asOf, tenant: request.query.tenant }),
  );

  r.get('/api/loans/due', { schema: { querystring: DueQuery, tags, summary: 'Các kỳ trả nợ đến hạn trong N ngày tới' } }, async (request) =>
    findDueInstallments(db(), { actor: request.actor, from: request.query.from, days: request.query.days }),
  );
}
