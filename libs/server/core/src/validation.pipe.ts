import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@cascade/contracts';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterPath } from './control-characters';
import { DomainError } from './errors';

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator prefixes messages with the bare property name; the field path says it better.
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldError[]) {
    super(
      'VALIDATION_FAILED',
      400,
      errors.map((e) => `${e.field}: ${e.message}`).join('; ') || 'Invalid request',
      {},
      errors,
    );
  }
}

/** Whitelisting, forbidding unknown fields, and refusing bodies that are not JSON objects. */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      stopAtFirstError: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // One rule for every text a client sends, whatever the DTO says: PostgreSQL would refuse NUL with a 500.
    if (metadata.type === 'body' || metadata.type === 'query') {
      const path = controlCharacterPath(value);
      if (path !== null)
        throw new ValidationFailedError([
          {
            field: metadata.data ? join(metadata.data, path) : path || metadata.type,
            message: CONTROL_CHARACTER_MESSAGE,
          },
        ]);
    }
    const expectsObject = metadata.metatype && this.toValidate(metadata);
    if ((metadata.type === 'body' || metadata.type === 'query') && expectsObject) {
      if (value === undefined && metadata.type === 'query') value = {};
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ValidationFailedError([{ field: metadata.type, message: 'must be a JSON object' }]);
      }
    }
    return super.transform(value, metadata);
  }
}

const join = (parent: string, path: string) => (path ? `${parent}.${path}` : parent);
