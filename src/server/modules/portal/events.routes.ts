// The events calendar's staff API (decision 009): thin handlers over events.service.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent } from './events.service.ts';
import { EventInput, EventListQuery, EventPatch } from './library.schemas.ts';

const tags = ['portal'];
const IdParams = z.object({ id: z.string().max(64) });

export async function eventsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get('/api/portal/events', { schema: { querystring: EventListQuery, tags, summary: 'Sự kiện (mới nhất trước)' } }, async (request) => {
    const result = await listEvents(db(), { actor: request.actor, ...request.query });
    return { ...result, page: request.query.page, pageSize: request.query.pageSize };
  });
  r.post('/api/portal/events', { schema: { body: EventInput, tags, summary: 'Thêm sự kiện' } }, async (request, reply) =>
    reply.status(201).send(await createEvent(db(), { actor: request.actor, input: request.body })),
  );
  r.get('/api/portal/events/:id', { schema: { params: IdParams, tags, summary: 'Một sự kiện' } }, async (request) => getEvent(db(), { actor: request.actor, id: request.params.id }));
  r.patch('/api/portal/events/:id', { schema: { params: IdParams, body: EventPatch, tags, summary: 'Sửa sự kiện' } }, async (request) =>
    updateEvent(db(), { actor: request.actor, id: request.params.id, input: request.body }),
  );
  r.delete('/api/portal/events/:id', { schema: { params: IdParams, tags, summary: 'Xoá sự kiện' } }, async (request, reply) => {
    await deleteEvent(db(), { actor: request.actor, id: request.params.id });
    return reply.status(204).send();
  });
}
