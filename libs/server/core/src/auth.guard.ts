import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@cascade/contracts';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { ForbiddenError, UnauthorizedError } from './errors';
import { Actor } from './request-context';

/** Looks up the current state of a token's user, so deactivation takes effect at once. */
export abstract class ActorResolver {
  abstract resolve(userId: string): Promise<Actor | null>;
}

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly actors: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedError();
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new UnauthorizedError('Access token is invalid or expired', 'TOKEN_INVALID');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw new UnauthorizedError('Not an access token', 'TOKEN_INVALID');
    const actor = await this.actors.resolve(claims.sub);
    if (!actor) throw new UnauthorizedError('Account is inactive', 'TOKEN_INVALID');
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((role) => actor.roles.includes(role))) throw new ForbiddenError();
    return true;
  }
}
