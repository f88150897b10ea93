/**
 * The one way the web app talks to the API: same origin, the httpOnly session cookie, JSON both ways, and
 * errors as ApiError carrying the server's Vietnamese message and, for validation errors, the field.
 */

export type ApiErrorBody = { error: string; message: string; field?: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined | null>;

/** Builds "/path?a=1" leaving out empty values. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Turns a failed response into an ApiError (the body is JSON from the error handler, or not). */
export async function toApiError(status: number, text: string): Promise<ApiError> {
  try {
    const body = JSON.parse(text) as Partial<ApiErrorBody>;
    if (body && typeof body.message === 'string') return new ApiError(status, body.error ?? 'error', body.message, body.field || undefined);
  } catch {
    // not JSON: a proxy's page or an empty body
  }
  return new ApiError(status, 'network', status === 0 ? 'Không kết nối được máy chủ.' : `Lỗi máy chủ (${status}).`);
}

let onUnauthenticated: () => void = () => {};
/** Lets the session module react when any call finds the session gone. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      // No header on a GET: the server answers JSON anyway, and a preloaded request (portal.html's
      // <link rel=preload as=fetch>) serves only a fetch whose headers are the same as its own.
      headers: body === undefined ? {} : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  const text = await response.text();
  if (!response.ok) {
    const error = await toApiError(response.status, text);
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated();
    throw error;
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
