/**
 * The portal's staff API as the editors' pages use it (decision 009): articles and fixed pages, their versions and
 * comparison, categories and the menu's order, the image library and attachments.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client.ts';

export const ARTICLE_STATES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];
export type ArticleKind = 'news' | 'page';

/** What the server lets this user do with the article (missing keys: not offered). */
export type ArticleCan = Partial<Record<'edit' | 'submit' | 'publish' | 'schedule' | 'unpublish' | 'returnToDraft', boolean>>;

export type ArticleItem = {
  id: string;
  kind: ArticleKind;
  slug: string;
  title: string;
  state: ArticleState;
  categoryId: string | null;
  categoryName?: string | null;
  /** The public address (/tin-tuc/<slug> or /trang/<slug>). */
  path?: string;
  can?: ArticleCan;
  authorName: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
};

export type Article = ArticleItem & {
  summary: string;
  bodyHtml: string;
  coverImageId: string | null;
  tags: string[];
  authorPosition: string | null;
};

export type ArticleList = { items: ArticleItem[]; total: number; counts?: Partial<Record<ArticleState, number>> };

/** What the editor sends: a new article (POST) or a new version (PATCH, with the version it edits). */
export type ArticleInput = {
  kind?: ArticleKind;
  title: string;
  summary: string;
  bodyHtml: string;
  categoryId: string | null;
  coverImageId: string | null;
  tags: string[];
  authorName: string | null;
  authorPosition: string | null;
};

export type ArticleVersion = { version: number; title?: string; state: string; savedAt: string; savedBy?: string | null; savedByLabel?: string | null; note?: string | null };
export type DiffPart = { value: string; added?: boolean; removed?: boolean };
type VersionRef = { version: number; state: string; savedBy?: string | null; savedByLabel?: string | null; savedAt: string };
/** GET …/compare: title, summary and the body's text compared word by word; what else changed. */
export type ArticleCompare = {
  from: VersionRef;
  to: VersionRef;
  title: DiffPart[];
  summary: DiffPart[];
  body: DiffPart[];
  changed?: Partial<Record<'bodyHtml' | 'categoryId' | 'coverImageId' | 'tags' | 'author' | 'state', boolean>>;
};

export type Category = { id: string; slug: string; name: string; description: string | null; kind: string; path: string | null; menuOrder: number; inMenu: boolean; articleCount?: number };
/** An image of the library; `widths`: the sizes stored (400, 800, 1200, 1600 it reaches, else its own width). */
export type PortalImage = { id: string; width: number; height: number; alt: string; caption: string | null; originalName?: string; widths?: number[]; src?: string };

const listOf = <T,>(data: unknown): T[] => (Array.isArray(data) ? (data as T[]) : ((data as { items?: T[] } | undefined)?.items ?? []));
const articleOf = (data: unknown): Article => ((data as { article?: Article }).article ?? (data as Article));

/** The public address of an article or a fixed page. */
export const publicPath = (article: Pick<ArticleItem, 'kind' | 'slug' | 'path'>) => article.path ?? (article.kind === 'page' ? `/trang/${article.slug}` : `/tin-tuc/${article.slug}`);

/** An image of the library in an article body: the 800 px size (or the largest the picture has). */
export function bodyImageSrc(image: Pick<PortalImage, 'id' | 'width' | 'widths'>): string {
  const widths = image.widths?.length ? image.widths : [image.width >= 800 ? 800 : image.width >= 400 ? 400 : image.width];
  const width = widths.includes(800) ? 800 : Math.max(...widths.filter((w) => w <= 800), Math.min(...widths));
  return `/media/${image.id}/${width}.webp`;
}
/** The smallest size stored, for the picker and the cover's preview. */
export const thumbSrc = (image: Pick<PortalImage, 'id' | 'width' | 'widths' | 'src'>) =>
  image.src ?? `/media/${image.id}/${image.widths?.length ? Math.min(...image.widths) : image.width >= 400 ? 400 : image.width}.webp`;

/** A Vietnam date and time ("2026-12-02T15:30") as an instant: Vietnam keeps UTC+7 all year. */
export const vietnamInstant = (local: string) => new Date(`${local}:00+07:00`).toISOString();

/** An instant shown in Vietnam time, dd/mm/yyyy HH:mm, whatever the browser's zone. */
export function vietnamDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export type ArticleQuery = { state?: string; kind?: string; categoryId?: string; q?: string; page?: number; pageSize?: number };

export function useArticles(query: ArticleQuery) {
  return useQuery({
    queryKey: ['portal', 'articles', query],
    queryFn: async () => {
      const data = await api.get<ArticleList>(withQuery('/api/portal/articles', query));
      return { ...data, items: listOf<ArticleItem>(data) };
    },
  });
}

export function useArticle(id: string | undefined) {
  return useQuery({ queryKey: ['portal', 'article', id], enabled: Boolean(id), queryFn: async () => articleOf(await api.get(`/api/portal/articles/${id}`)) });
}

export function useArticleVersions(id: string | undefined) {
  return useQuery({
    queryKey: ['portal', 'article', id, 'versions'],
    enabled: Boolean(id),
    queryFn: async () => listOf<ArticleVersion>(await api.get(`/api/portal/articles/${id}/versions`)),
  });
}

export function useCompare(id: string | undefined, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: ['portal', 'article', id, 'compare', from, to],
    enabled: Boolean(id && from && to && from !== to),
    queryFn: () => api.get<ArticleCompare>(withQuery(`/api/portal/articles/${id}/compare`, { from, to })),
  });
}

export type ArticleAction = 'submit' | 'publish' | 'unpublish' | 'return-to-draft';

/** Saving and the editorial steps; each answers the article as it now is, which the page shows. */
export function useArticleMutations(id: string | undefined) {
  const client = useQueryClient();
  const settle = (article: Article) => {
    client.setQueryData(['portal', 'article', article.id], article);
    void client.invalidateQueries({ queryKey: ['portal', 'articles'] });
    void client.invalidateQueries({ queryKey: ['portal', 'article', article.id, 'versions'] });
  };
  const create = useMutation({ mutationFn: async (input: ArticleInput) => articleOf(await api.post('/api/portal/articles', input)), onSuccess: settle });
  const save = useMutation({
    mutationFn: async (input: ArticleInput & { version: number }) => articleOf(await api.patch(`/api/portal/articles/${id}`, input)),
    onSuccess: settle,
  });
  const act = useMutation({
    mutationFn: async ({ action, version, publishAt }: { action: ArticleAction; version: number; publishAt?: string }) =>
      articleOf(await api.post(`/api/portal/articles/${id}/${action}`, publishAt ? { version, publishAt } : { version })),
    onSuccess: settle,
  });
  return { create, save, act };
}

export function useCategories(enabled = true) {
  return useQuery({ queryKey: ['portal', 'categories'], enabled, queryFn: async () => listOf<Category>(await api.get('/api/portal/categories')) });
}

export type CategoryInput = { name: string; description: string | null; inMenu: boolean; slug?: string; kind?: 'news' | 'link'; path?: string | null };

export function useCategoryMutations() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: ['portal', 'categories'] });
  return {
    create: useMutation({ mutationFn: (input: CategoryInput) => api.post<Category>('/api/portal/categories', input), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...input }: Partial<CategoryInput> & { id: string }) => api.patch<Category>(`/api/portal/categories/${id}`, input), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`/api/portal/categories/${id}`), onSuccess }),
    order: useMutation({ mutationFn: (ids: string[]) => api.put('/api/portal/categories/order', { categoryIds: ids }), onSuccess }),
  };
}

export function useImages(enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'images'],
    enabled,
    queryFn: async () => listOf<PortalImage>(await api.get(withQuery('/api/portal/images', { pageSize: 60 }))),
  });
}
