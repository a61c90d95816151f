import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@cascade/contracts';
import { AccessTokens } from './access-tokens';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { ForbiddenError, UnauthorizedError } from './errors';
import { Actor } from './request-context';

/** Looks up the current state of a token's user, so deactivation takes effect at once. */
export abstract class ActorResolver {
  abstract resolve(userId: string): Promise<Actor | null>;
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
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedError();
    const claims = this.tokens.verify(token);
    if (!claims) throw new UnauthorizedError('Access token is invalid or expired', 'TOKEN_INVALID');
    const actor = await this.actors.resolve(claims.sub);
    if (!actor) throw new UnauthorizedError('Account is inactive', 'TOKEN_INVALID');
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((role) => actor.roles.includes(role))) throw new ForbiddenError();
    return true;
  }
}
