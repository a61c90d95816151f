import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor } from './request-context';

export const PUBLIC_KEY = 'cascade:public';

/** A route that needs no login (login itself, health, public verification). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const OWN_RECORDS_KEY = 'cascade:own-records';

/**
 * A hot route that acts only on the caller's own records and checks that ownership, and that
 * the caller's session is still open, in its own SQL (an exam's autosave): the caller's
 * identity is all it reads, so the guard may answer it from facts looked up a few seconds ago
 * instead of querying them again for every request.
 */
export const OwnRecordsOnly = () => SetMetadata(OWN_RECORDS_KEY, true);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});
