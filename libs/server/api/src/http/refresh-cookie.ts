import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import { CLIENT_HEADER } from '@cascade/contracts';
import { ForbiddenError } from '@cascade/server/core';

export const REFRESH_COOKIE = 'cascade_refresh';
/** Only the auth routes ever receive it, so no other request (or log line) carries it. */
const COOKIE_PATH = '/api/auth';
const COOKIE_DAYS = 30;

/**
 * The refresh token's cookie: out of reach of scripts (HttpOnly), never sent by another site's
 * page (SameSite=Strict), and over https only when the installation is served over https.
 */
export class RefreshCookie {
  private readonly options: CookieSerializeOptions;

  constructor(publicUrl: string) {
    this.options = {
      httpOnly: true,
      sameSite: 'strict',
      path: COOKIE_PATH,
      secure: publicUrl.startsWith('https:'),
    };
  }

  set(reply: FastifyReply, refreshToken: string): void {
    reply.setCookie(REFRESH_COOKIE, refreshToken, { ...this.options, maxAge: COOKIE_DAYS * 86_400 });
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, this.options);
  }

  read(request: FastifyRequest): string | undefined {
    return request.cookies[REFRESH_COOKIE];
  }

  /** Refresh and logout also need the client header, so a forged cross-site request fails even if a cookie went along. */
  assertClientHeader(request: FastifyRequest): void {
    if (!request.headers[CLIENT_HEADER.toLowerCase()])
      throw new ForbiddenError(`The ${CLIENT_HEADER} header is required`, 'CLIENT_HEADER_REQUIRED');
  }
}
