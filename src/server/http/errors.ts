/** The one error type of the platform: a code (mapped to an HTTP status in one table) and a Vietnamese message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { field?: string; row?: number; issues?: unknown; [extra: string]: unknown },
  ) {
    super(message);
  }
}

export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  busy: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const notFound = (what: string) => new AppError('not_found', `Không tìm thấy ${what}.`);
export const forbidden = () => new AppError('forbidden', 'Bạn không có quyền thực hiện thao tác này.');
export const unauthenticated = () => new AppError('unauthenticated', 'Vui lòng đăng nhập.');
