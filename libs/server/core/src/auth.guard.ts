import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokens } from './access-tokens';
import { ABILITY_KEY, abilityOf, RouteAbility } from './abilities';
import { OWN_RECORDS_KEY, PUBLIC_KEY } from './auth.decorators';
import { ForbiddenError, UnauthorizedError } from './errors';
import { Actor } from './request-context';

/**
 * How old the facts answering an OwnRecordsOnly route may be. The session's state is among
 * those facts, so such a route checks that the session is still open in its own statement
 * (see the exam's autosave); everywhere else the guard refuses an ended one.
 */
export const OWN_RECORDS_MAX_AGE_MS = 5_000;

/**
 * Looks up the current state of a token's user, so deactivation and new relationships take
 * effect at once; with `sessionId`, null unless that session is still open (logout, reuse of a
 * refresh token and deactivation end it); `maxAgeMs` accepts facts looked up that recently instead.
 */
export abstract class ActorResolver {
  abstract resolve(userId: string, options?: { sessionId?: string; maxAgeMs?: number }): Promise<Actor | null>;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly actors: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; actor?: Actor; sessionId?: string }>();
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedError();
    const claims = this.tokens.verify(token);
    if (!claims) throw new UnauthorizedError('Access token is invalid or expired', 'TOKEN_INVALID');
    const ownRecords = this.reflector.getAllAndOverride<boolean>(OWN_RECORDS_KEY, targets);
    const actor = await this.actors.resolve(claims.sub, {
      sessionId: claims.sid,
      ...(ownRecords ? { maxAgeMs: OWN_RECORDS_MAX_AGE_MS } : {}),
    });
    if (!actor) throw new UnauthorizedError('The session has ended or the account is inactive', 'TOKEN_INVALID');
    request.actor = actor;
    request.sessionId = claims.sid;
    const needs = this.reflector.getAllAndOverride<RouteAbility | undefined>(ABILITY_KEY, targets);
    const ability = abilityOf(actor);
    if (needs && !needs.actions.some((action) => ability.can(action, needs.subjectType))) throw new ForbiddenError();
    return true;
  }
}
