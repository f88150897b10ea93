// The editors' API of the portal's categories and menu (decision 009). Registered by app.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../accounts/roles.ts';
import { requireArticleWriter } from './articles.policy.ts';
import { CategoryBody, CategoryOrderBody, CategoryPatchBody, IdParams, parseInput } from './articles.schemas.ts';
import { createCategory, deleteCategory, findCategories, reorderCategories, updateCategory } from './categories.service.ts';

const tags = ['portal'];

/** Staff only, before anything of the request is read: others learn nothing from a validation message. */
export function staffOnly<T>(actor: Actor, parse: () => T): T {
  requireArticleWriter(actor);
  return parse();
}

export async function categoriesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const parse = staffOnly;

  r.get('/api/portal/categories', { schema: { tags, summary: 'Chuyên mục và menu của cổng thông tin' } }, async (request) => findCategories(db(), { actor: request.actor }));

  r.post('/api/portal/categories', { schema: { tags, summary: 'Thêm chuyên mục tin hoặc mục liên kết trên menu' } }, async (request, reply) =>
    reply.status(201).send(await createCategory(db(), { actor: request.actor, input: parse(request.actor, () => parseInput(CategoryBody, request.body)) })),
  );

  r.put('/api/portal/categories/order', { schema: { tags, summary: 'Sắp xếp thứ tự menu' } }, async (request) =>
    reorderCategories(db(), { actor: request.actor, ...parse(request.actor, () => parseInput(CategoryOrderBody, request.body)) }),
  );

  r.patch('/api/portal/categories/:id', { schema: { params: IdParams, tags, summary: 'Sửa chuyên mục' } }, async (request) =>
    updateCategory(db(), { actor: request.actor, id: request.params.id, input: parse(request.actor, () => parseInput(CategoryPatchBody, request.body)) }),
  );

  r.delete('/api/portal/categories/:id', { schema: { params: IdParams, tags, summary: 'Xóa chuyên mục (khi không còn bài)' } }, async (request) =>
    deleteCategory(db(), { actor: request.actor, id: request.params.id }),
  );
}
