import { createHmac, createSecretKey, KeyObject, timingSafeEqual } from 'node:crypto';

export interface AccessTokenClaims {
  sub: string;
  /** The session (refresh-token family) the token belongs to; ending that session ends the token. */
  sid: string;
  typ: 'access';
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * HS256 JSON Web Tokens with the key prepared once. Every request verifies one, so this
 * avoids general-purpose libraries that rebuild the key object on each call.
 */
export class AccessTokens {
  private readonly key: KeyObject;

  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(userId: string, sessionId: string, lifetimeSeconds: number, nowSeconds = Math.floor(Date.now() / 1000)): string {
    const claims: AccessTokenClaims = {
      sub: userId,
      sid: sessionId,
      typ: 'access',
      iat: nowSeconds,
      exp: nowSeconds + lifetimeSeconds,
    };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a valid, unexpired access token; null for anything else. */
  verify(token: string, nowSeconds = Math.floor(Date.now() / 1000)): AccessTokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return null;
    const expected = Buffer.from(this.mac(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    if (
      claims.typ !== 'access' ||
      typeof claims.sub !== 'string' ||
      typeof claims.sid !== 'string' ||
      typeof claims.exp !== 'number' ||
      claims.exp <= nowSeconds
    )
      return null;
    return claims as AccessTokenClaims;
  }

  private mac(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}
