import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';

/**
 * The server's refusal on the field it names when that field is on the form (returns null), otherwise the
 * message to show above the buttons. Messages are the server's, in Vietnamese.
 */
export function showServerError(form: FormInstance, error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const field = error.field?.split('.')[0];
  if (field && fields.includes(field)) {
    form.setFields([{ name: field, errors: [error.message] }]);
    return null;
  }
  return error.message;
}
