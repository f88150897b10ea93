// What the articles' and categories' routes accept (decision 009; the editors' pages send the same shapes).
// Bodies are parsed here rather than by the route schema so that a message names the portal's field by its own
// label ("Tên chuyên mục", not the registry's "Tên tổ chức" for the same key).
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';

export const ARTICLE_STATES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];
export const ARTICLE_KINDS = ['news', 'page'] as const;
export const CATEGORY_KINDS = ['news', 'link'] as const;

export const ARTICLE_STATE_LABELS: Record<ArticleState, string> = {
  draft: 'Bản nháp',
  in_review: 'Chờ duyệt',
  scheduled: 'Hẹn giờ đăng',
  published: 'Đã đăng',
  unpublished: 'Đã gỡ',
};

const LABELS: Record<string, string> = {
  kind: 'Loại bài',
  title: 'Tiêu đề',
  slug: 'Đường dẫn (slug)',
  summary: 'Tóm tắt',
  bodyHtml: 'Nội dung bài',
  categoryId: 'Chuyên mục',
  coverImageId: 'Ảnh đại diện',
  tags: 'Từ khóa (tag)',
  authorName: 'Tác giả',
  authorPosition: 'Chức vụ tác giả',
  menuOrder: 'Thứ tự',
  version: 'Phiên bản đang sửa',
  note: 'Ghi chú',
  publishAt: 'Thời điểm đăng',
  state: 'Trạng thái',
  q: 'Từ khóa tìm kiếm',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  from: 'Phiên bản so sánh',
  to: 'Phiên bản so với',
  name: 'Tên chuyên mục',
  description: 'Mô tả',
  path: 'Địa chỉ liên kết',
  inMenu: 'Hiện trên thanh menu',
  categoryIds: 'Thứ tự chuyên mục',
};

/** Parses a body or query; a failure is a 400 naming the field by its Vietnamese label. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const label = LABELS[String(issue.path[0] ?? '')] ?? 'Dữ liệu';
  const message = issue.message.startsWith(label) ? issue.message : `${label}: ${issue.message}`;
  throw new AppError('bad_request', message, { field });
}

const Id = z.uuid({ error: 'không phải mã hợp lệ' });
const Text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, 'chưa nhập (bắt buộc)').max(max, `dài quá ${max} ký tự`));
const OptionalText = (max: number) =>
  z.union([z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' ') || null).pipe(z.string().max(max, `dài quá ${max} ký tự`).nullable()), z.null()]);
const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'chỉ gồm chữ không dấu, số và dấu gạch ngang (ví dụ: hoi-nghi-tong-ket-2023)')
  .max(120, 'dài quá 120 ký tự');

const ArticleFields = {
  title: Text(300),
  slug: Slug.optional(),
  summary: z.string().max(2000, 'dài quá 2.000 ký tự').transform((s) => s.normalize('NFC').trim()).optional(),
  bodyHtml: z.string().max(1_000_000, 'dài quá 1.000.000 ký tự').optional(),
  categoryId: z.union([Id, z.null()]).optional(),
  coverImageId: z.union([Id, z.null()]).optional(),
  tags: z.array(Text(60), { error: 'phải là một danh sách' }).max(20, 'nhiều nhất 20 từ khóa').optional(),
  authorName: OptionalText(120).optional(),
  authorPosition: OptionalText(120).optional(),
  menuOrder: z.number({ error: 'phải là một số' }).int('phải là số nguyên').min(0).max(10_000).optional(),
};

export const CreateArticleBody = z.object({ kind: z.enum(ARTICLE_KINDS).default('news'), ...ArticleFields }).strict();
export type CreateArticleInput = z.output<typeof CreateArticleBody>;

export const UpdateArticleBody = z
  .object({
    version: z.number({ error: 'chưa có (tải lại bài để sửa)' }).int().min(1),
    ...ArticleFields,
    title: ArticleFields.title.optional(),
    note: OptionalText(300).optional(),
  })
  .strict();
export type UpdateArticleInput = z.output<typeof UpdateArticleBody>;

/** A state change: the version the editor saw (optional; stale → 409); publish may name a time (future → scheduled). */
export const TransitionBody = z.object({ version: z.number().int().min(1).optional(), note: OptionalText(300).optional() }).strict();
export const PublishBody = TransitionBody.extend({
  publishAt: z.union([z.iso.datetime({ offset: true, error: 'phải là ngày giờ (ISO 8601, ví dụ 2026-03-01T08:00:00+07:00)' }), z.null()]).optional(),
}).strict();

export const ListArticlesQuery = z.object({
  kind: z.enum(ARTICLE_KINDS).default('news'),
  state: z.enum(ARTICLE_STATES).optional(),
  categoryId: Id.optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListArticlesInput = z.output<typeof ListArticlesQuery>;

export const CompareQuery = z.object({
  from: z.coerce.number({ error: 'phải là một số' }).int().min(1),
  to: z.coerce.number({ error: 'phải là một số' }).int().min(1),
});

export const CategoryBody = z
  .object({
    name: Text(200),
    slug: Slug.optional(),
    description: OptionalText(1000).optional(),
    kind: z.enum(CATEGORY_KINDS).default('news'),
    path: OptionalText(500).optional(),
    inMenu: z.boolean({ error: 'phải là có hoặc không' }).default(true),
  })
  .strict()
  .refine((c) => c.kind !== 'link' || (c.path && c.path.startsWith('/')), { message: 'một mục liên kết cần địa chỉ bắt đầu bằng "/" (ví dụ /trang/lien-he)', path: ['path'] });
export type CategoryInput = z.output<typeof CategoryBody>;

export const CategoryPatchBody = z
  .object({
    name: Text(200).optional(),
    slug: Slug.optional(),
    description: OptionalText(1000).optional(),
    path: OptionalText(500).optional(),
    inMenu: z.boolean({ error: 'phải là có hoặc không' }).optional(),
  })
  .strict();
export type CategoryPatch = z.output<typeof CategoryPatchBody>;

export const CategoryOrderBody = z.object({ categoryIds: z.array(Id, { error: 'phải là một danh sách' }).max(200) }).strict();

export const IdParams = z.object({ id: z.string().max(64) });
