/**
 * Bad input to the loan engine. A plain Error so the engine has no dependency on the app's error type;
 * `field` names the offending input (e.g. "principalVnd") so callers can point at the right form field
 * or command-line option.
 */
export class LoanInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'LoanInputError';
    this.field = field;
  }
}
