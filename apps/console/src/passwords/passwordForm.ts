import type { FieldError } from '@cascade/contracts';

export const MIN_PASSWORD_LENGTH = 10;

/** What the form shows: a message by field, and one for the form when no field is named. */
export interface FormProblems {
  fields: Record<string, string>;
  form: string | null;
}

/** The server's refusal, split by field; its messages come in the user's language. */
export function toFormProblems(error: unknown, fallback: string): FormProblems {
  // The http client's HttpError keeps the server's field errors in `body.fieldErrors`.
  const fieldErrors = (error as { body?: { fieldErrors?: FieldError[] } } | null)?.body?.fieldErrors;
  if (Array.isArray(fieldErrors) && fieldErrors.length > 0) {
    const fields: Record<string, string> = {};
    for (const { field, message } of fieldErrors) fields[field] = message;
    return { fields, form: null };
  }
  return { fields: {}, form: error instanceof Error && error.message ? error.message : fallback };
}

/** Checks the browser can make before asking the server, which alone judges guessability. */
export function localProblems(newPassword: string, confirmation: string): Record<string, 'too_short' | 'mismatch'> {
  const problems: Record<string, 'too_short' | 'mismatch'> = {};
  if ([...newPassword].length < MIN_PASSWORD_LENGTH) problems.newPassword = 'too_short';
  else if (newPassword !== confirmation) problems.confirmation = 'mismatch';
  return problems;
}
