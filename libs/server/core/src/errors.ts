import { FieldError } from '@cascade/contracts';

/**
 * A failure the caller can act on. The code is stable so the console can translate it;
 * the global filter maps it to problem+json with the given status.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string) {
    super('NOT_FOUND', 404, `${entity} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You may not do this', code = 'FORBIDDEN') {
    super(code, 403, message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, extensions: Record<string, unknown> = {}) {
    super(code, 409, message, extensions);
  }
}

export class UnprocessableError extends DomainError {
  constructor(code: string, message: string, errors?: FieldError[], extensions: Record<string, unknown> = {}) {
    super(code, 422, message, extensions, errors);
  }
}

export class InputError extends DomainError {
  constructor(field: string, message: string) {
    super('VALIDATION_FAILED', 400, `${field}: ${message}`, {}, [{ field, message }]);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Authentication required', code = 'UNAUTHORIZED') {
    super(code, 401, message);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many attempts, try again later',
  ) {
    super('TOO_MANY_REQUESTS', 429, message, { retryAfter: retryAfterSeconds });
  }
}
