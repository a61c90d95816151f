import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FieldError, ProblemDetails } from '@cascade/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { DomainError } from './errors';

interface FastifyLikeReply {
  status(code: number): FastifyLikeReply;
  header(name: string, value: string): FastifyLikeReply;
  send(payload: unknown): void;
  sent?: boolean;
}
interface FastifyLikeRequest {
  method: string;
  url: string;
  id?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODES_BY_STATUS: Record<number, string> = {
  400: 'MALFORMED_REQUEST',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** PostgreSQL errors that only hostile or stale input can cause; never a 500. */
const PG_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  '23505': { status: 409, code: 'DUPLICATE', detail: 'A record with these values already exists' },
  '23502': { status: 400, code: 'VALIDATION_FAILED', detail: 'A required value is missing' },
  '23503': { status: 422, code: 'REFERENCE_INVALID', detail: 'A referenced record does not exist' },
  '22P02': { status: 400, code: 'VALIDATION_FAILED', detail: 'A value has the wrong format' },
  '22003': { status: 400, code: 'VALIDATION_FAILED', detail: 'A number is out of range' },
  '22001': { status: 400, code: 'VALIDATION_FAILED', detail: 'A text value is too long' },
  // NUL in text or jsonb, should any reach the database past the validation pipe.
  '22021': {
    status: 400,
    code: 'VALIDATION_FAILED',
    detail: 'A text value contains a character that cannot be stored',
  },
  '22P05': {
    status: 400,
    code: 'VALIDATION_FAILED',
    detail: 'A text value contains a character that cannot be stored',
  },
  '22007': { status: 400, code: 'VALIDATION_FAILED', detail: 'A date or time has the wrong format' },
  '22008': { status: 400, code: 'VALIDATION_FAILED', detail: 'A date or time is out of range' },
  '40001': { status: 409, code: 'RETRY', detail: 'The record changed concurrently, please retry' },
};

/**
 * The one place errors become HTTP answers: domain errors, Nest and Fastify errors,
 * and database errors all leave as `application/problem+json`. Unknown routes outside
 * `/api` fall back to the console's index.html so client-side routes load directly.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  private indexHtml: string | null | undefined;

  constructor(private readonly consoleIndexPath: string | null) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyLikeReply>();
    const request = host.switchToHttp().getRequest<FastifyLikeRequest>();
    if (reply.sent) return;
    const problem = this.toProblem(exception, request);
    if (problem.status === 404 && this.isConsoleRoute(request)) {
      const html = this.loadIndex();
      if (html) {
        reply.status(200).header('content-type', 'text/html; charset=utf-8').send(html);
        return;
      }
    }
    if (problem.status >= 500) this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    if (typeof problem.retryAfter === 'number') reply.header('retry-after', String(problem.retryAfter));
    reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }

  private toProblem(exception: unknown, request: FastifyLikeRequest): ProblemDetails {
    const base = (
      status: number,
      code: string,
      detail: string,
      extra: Partial<ProblemDetails> = {},
    ): ProblemDetails => ({
      type: `https://cascade.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      code,
      instance: request.url?.split('?')[0],
      ...extra,
    });

    if (exception instanceof DomainError) {
      return base(exception.status, exception.code, exception.message, {
        ...exception.extensions,
        ...(exception.errors ? { errors: exception.errors } : {}),
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response && 'message' in response
          ? [(response as { message: unknown }).message].flat().join('; ')
          : exception.message;
      if (status === 404) return base(404, 'NOT_FOUND', `Cannot ${request.method} ${request.url.split('?')[0]}`);
      const code = CODES_BY_STATUS[status] ?? `HTTP_${status}`;
      // Nest turns Fastify's body errors (malformed JSON and the like) into plain 400s.
      return base(status, code, message, status === 400 ? { errors: [{ field: 'body', message }] } : {});
    }
    const err = exception as { statusCode?: unknown; code?: unknown; message?: unknown; name?: unknown };
    if (
      typeof err?.code === 'string' &&
      PG_ERRORS[err.code] &&
      (err.name === 'QueryFailedError' || 'severity' in err)
    ) {
      const known = PG_ERRORS[err.code];
      // A NOT NULL violation names its column: report it as the API field it came from.
      const column = (exception as { column?: unknown }).column;
      if (err.code === '23502' && typeof column === 'string') {
        const field = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
        return base(400, known.code, `${field}: must not be null`, {
          errors: [{ field, message: 'must not be null' }],
        });
      }
      return base(known.status, known.code, known.detail);
    }
    // Fastify's own errors: malformed JSON, body too large, unsupported media type, bad content length.
    if (typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      const code =
        err.statusCode === 413
          ? 'PAYLOAD_TOO_LARGE'
          : err.statusCode === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : 'MALFORMED_REQUEST';
      const errors: FieldError[] | undefined =
        err.statusCode === 400 ? [{ field: 'body', message: String(err.message) }] : undefined;
      return base(err.statusCode, code, String(err.message ?? 'Bad request'), errors ? { errors } : {});
    }
    return base(500, 'INTERNAL', 'An unexpected error occurred');
  }

  private isConsoleRoute(request: FastifyLikeRequest): boolean {
    const path = request.url.split('?')[0];
    return (
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/api') &&
      !path.startsWith('/health') &&
      !/\.[A-Za-z0-9]+$/.test(path)
    );
  }

  private loadIndex(): string | null {
    if (this.indexHtml === undefined) {
      this.indexHtml =
        this.consoleIndexPath && existsSync(this.consoleIndexPath) ? readFileSync(this.consoleIndexPath, 'utf8') : null;
    }
    return this.indexHtml;
  }
}
