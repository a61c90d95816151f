import { ConflictError, UnprocessableError } from '@cascade/server/core';

export const emailTaken = (email: string) =>
  new ConflictError('EMAIL_TAKEN', `A user with email ${email} already exists`, {
    errors: [{ field: 'email', message: 'is already taken' }],
  });

export const invalidReference = (field: string, message: string) =>
  new UnprocessableError('REFERENCE_INVALID', `${field}: ${message}`, [{ field, message }]);
