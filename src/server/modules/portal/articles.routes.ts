// The editors' API of the portal's articles, fixed pages and categories (decision 009): thin handlers (check the
// role → parse → service). Registered by app.ts; the categories' routes are in categories.routes.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { publishArticle, returnArticleToDraft, submitArticle, unpublishArticle } from './article-states.ts';
import { compareArticleVersions, findArticleVersions } from './article-versions.ts';
import { staffOnly as parse } from './categories.routes.ts';
import {
  CompareQuery,
  CreateArticleBody,
  IdParams,
  ListArticlesQuery,
  parseInput,
  PublishBody,
  TransitionBody,
  UpdateArticleBody,
} from './articles.schemas.ts';
import { createArticle, findArticles, getArticle, updateArticle } from './articles.service.ts';

const tags = ['portal'];

export async function articlesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  // Staff only, before anything of the request is read: others learn nothing from a validation message.

  r.get('/api/portal/articles', { schema: { tags, summary: 'Bài viết, trang cố định của cổng thông tin (theo trạng thái, chuyên mục, từ khóa)' } }, async (request) =>
    findArticles(db(), { actor: request.actor, query: parse(request.actor, () => parseInput(ListArticlesQuery, request.query)) }),
  );

  r.post('/api/portal/articles', { schema: { tags, summary: 'Viết bài mới (bản nháp)' } }, async (request, reply) =>
    reply.status(201).send(await createArticle(db(), { actor: request.actor, input: parse(request.actor, () => parseInput(CreateArticleBody, request.body)) })),
  );

  r.get('/api/portal/articles/:id', { schema: { params: IdParams, tags, summary: 'Một bài viết (để sửa)' } }, async (request) =>
    getArticle(db(), { actor: request.actor, id: request.params.id }),
  );

  r.patch('/api/portal/articles/:id', { schema: { params: IdParams, tags, summary: 'Lưu phiên bản mới của bài (kèm phiên bản đang sửa)' } }, async (request) =>
    updateArticle(db(), { actor: request.actor, id: request.params.id, input: parse(request.actor, () => parseInput(UpdateArticleBody, request.body)) }),
  );

  r.post('/api/portal/articles/:id/submit', { schema: { params: IdParams, tags, summary: 'Gửi duyệt' } }, async (request) =>
    submitArticle(db(), { actor: request.actor, id: request.params.id, ...parse(request.actor, () => parseInput(TransitionBody, request.body)) }),
  );

  r.post('/api/portal/articles/:id/publish', { schema: { params: IdParams, tags, summary: 'Đăng ngay, hoặc hẹn giờ đăng (publishAt)' } }, async (request) =>
    publishArticle(db(), { actor: request.actor, id: request.params.id, ...parse(request.actor, () => parseInput(PublishBody, request.body)) }),
  );

  r.post('/api/portal/articles/:id/unpublish', { schema: { params: IdParams, tags, summary: 'Gỡ bài khỏi cổng thông tin' } }, async (request) =>
    unpublishArticle(db(), { actor: request.actor, id: request.params.id, ...parse(request.actor, () => parseInput(TransitionBody, request.body)) }),
  );

  r.post('/api/portal/articles/:id/return-to-draft', { schema: { params: IdParams, tags, summary: 'Trả về bản nháp' } }, async (request) =>
    returnArticleToDraft(db(), { actor: request.actor, id: request.params.id, ...parse(request.actor, () => parseInput(TransitionBody, request.body)) }),
  );

  r.get('/api/portal/articles/:id/versions', { schema: { params: IdParams, tags, summary: 'Các phiên bản của bài' } }, async (request) =>
    findArticleVersions(db(), { actor: request.actor, id: request.params.id }),
  );

  r.get('/api/portal/articles/:id/compare', { schema: { params: IdParams, tags, summary: 'So sánh hai phiên bản (from, to)' } }, async (request) =>
    compareArticleVersions(db(), { actor: request.actor, id: request.params.id, ...parse(request.actor, () => parseInput(CompareQuery, request.query)) }),
  );
}
