import { FieldError, QuestionImportRowError } from '@cascade/contracts';
import { ConflictError, UnprocessableError, ValidationFailedError } from '@cascade/server/core';

/** 400 naming each wrong field of a question's content or key. */
export const shapeInvalid = (errors: FieldError[]) => new ValidationFailedError(errors);

export const invalidReference = (field: string, message: string) =>
  new UnprocessableError('REFERENCE_INVALID', `${field}: ${message}`, [{ field, message }]);

export const scenarioInUse = (questionCount: number) =>
  new ConflictError('SCENARIO_IN_USE', `${questionCount} question(s) use this scenario; detach or delete them first`, {
    questionCount,
  });

export const questionInUse = () =>
  new ConflictError('QUESTION_IN_USE', 'Attempts have used this question; retire it instead of deleting it');

export const importFailed = (rows: QuestionImportRowError[]) =>
  new UnprocessableError(
    'IMPORT_INVALID',
    `${new Set(rows.map((r) => r.row)).size} row(s) are invalid; nothing was imported`,
    undefined,
    { rows },
  );
