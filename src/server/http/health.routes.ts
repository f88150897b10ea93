import type { FastifyInstance } from 'fastify';

/** Liveness and the database's state, for probes and operators. */
export async function healthRoutes(app: FastifyInstance) {
  app.get('/api/health', { schema: { tags: ['operations'], summary: 'Tình trạng hệ thống' } }, async (_request, reply) => {
    const started = performance.now();
    try {
      await app.database.exec('select 1');
      return { status: 'ok', database: { engine: app.database.engine, ok: true, latencyMs: Math.round(performance.now() - started) } };
    } catch {
      return reply.status(503).send({ status: 'degraded', database: { engine: app.database.engine, ok: false } });
    }
  });
}
