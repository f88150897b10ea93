import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api/client.ts';

/**
 * Puts the server's refusal where the user will see it: on the field it names when that field is on the
 * form, else (returned) above the form. The message is the server's, in Vietnamese.
 */
export function placeServerError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const field = error.field?.split('.')[0];
  if (field && fields.includes(field)) {
    const prefix = `Trường "${error.field}": `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    setError(field as Path<T>, { type: 'server', message }, { shouldFocus: true });
    return null;
  }
  return error.message;
}
