/** The portal library's staff API as its pages use it (decision 009): documents, events, images, files. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toApiError } from '../../api/client.ts';

export const DOCUMENT_KINDS = ['law', 'resolution', 'decree', 'decision', 'circular', 'directive', 'plan', 'official_letter', 'guidance', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const EVENT_KINDS = ['conference', 'training', 'trade_fair', 'study_visit', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export type LegalDocument = {
  id: string;
  slug: string;
  url: string;
  numberSymbol: string;
  kind: DocumentKind;
  title: string;
  issuer: string;
  issuedOn: string;
  effectiveOn: string | null;
  summary: string;
  file: { id: string; fileName: string; sizeBytes: number; url: string } | null;
  published: boolean;
};
export type DocumentInput = Pick<LegalDocument, 'numberSymbol' | 'kind' | 'title' | 'issuer' | 'issuedOn' | 'effectiveOn' | 'summary' | 'published'> & { fileId: string | null };

export type PortalEvent = {
  id: string;
  slug: string;
  url: string;
  title: string;
  kind: EventKind;
  startsOn: string;
  endsOn: string;
  place: string | null;
  online: boolean;
  organiser: string | null;
  summary: string;
  published: boolean;
  upcoming: boolean;
};
export type EventInput = Pick<PortalEvent, 'title' | 'kind' | 'startsOn' | 'endsOn' | 'place' | 'online' | 'organiser' | 'summary' | 'published'>;

export type LibraryImage = { id: string; alt: string; caption: string | null; width: number; height: number; widths: number[]; src: string; originalName: string; alreadyStored?: boolean };

type Page<T> = { items: T[]; total: number };

export function useDocuments(query: { q?: string; kind?: string; year?: number; page: number }) {
  return useQuery({ queryKey: ['portal-documents', query], queryFn: () => api.get<Page<LegalDocument>>('/api/portal/documents', { ...query, pageSize: 20 }) });
}

export function useEvents(query: { q?: string; kind?: string; page: number }) {
  return useQuery({ queryKey: ['portal-events', query], queryFn: () => api.get<Page<PortalEvent>>('/api/portal/events', { ...query, pageSize: 20 }) });
}

export function useLibraryImages(page: number) {
  return useQuery({ queryKey: ['portal-images', page], queryFn: () => api.get<Page<LibraryImage>>('/api/portal/images', { page, pageSize: 24 }) });
}

/** Create (no id), change (id) and delete one document or event; the lists refresh after each. */
export function useLibraryMutations<Input>(what: 'documents' | 'events') {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: [`portal-${what}`] });
  const save = useMutation({
    mutationFn: ({ id, input }: { id?: string; input: Input }) => (id ? api.patch(`/api/portal/${what}/${id}`, input) : api.post(`/api/portal/${what}`, input)),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(`/api/portal/${what}/${id}`), onSuccess: refresh });
  return { save, remove };
}

export type Progress = { phase: 'uploading'; percent: number } | { phase: 'processing' };

/** One multipart upload (the file and text fields) with its progress: fetch cannot report an upload's progress. */
export function uploadWithProgress<T>(url: string, file: File, fields: Record<string, string>, onProgress: (p: Progress) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'uploading', percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else reject(await toApiError(xhr.status, xhr.responseText));
    };
    xhr.onerror = async () => reject(await toApiError(0, ''));
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    onProgress({ phase: 'uploading', percent: 0 });
    xhr.send(form);
  });
}
