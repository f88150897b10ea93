import { AppError } from '../../http/errors.ts';
import { LoanInputError } from './loan-input-error.ts';

/** Runs engine code and turns its LoanInputError into the app's 400 naming the field. */
export function fromEngine<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof LoanInputError) throw new AppError('bad_request', error.message, { field: error.field });
    throw error;
  }
}

/** True for a unique-constraint violation from either driver (Drizzle wraps the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : undefined);
  const cause = error && typeof error === 'object' && 'cause' in error ? (error as { cause: unknown }).cause : undefined;
  return code(error) === '23505' || code(cause) === '23505';
}
