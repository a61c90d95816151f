import { createHmac } from 'node:crypto';
import { AccessTokens } from './access-tokens';

describe('AccessTokens', () => {
  const tokens = new AccessTokens('a-secret-of-at-least-thirty-two-characters');
  const now = 1_800_000_000;

  it('verifies what it signed until it expires', () => {
    const token = tokens.sign('user-1', 'session-1', 900, now);
    expect(tokens.verify(token, now + 10)).toMatchObject({
      sub: 'user-1',
      sid: 'session-1',
      typ: 'access',
      exp: now + 900,
    });
    expect(tokens.verify(token, now + 900)).toBeNull();
  });

  it('rejects tampered tokens, other keys and garbage', () => {
    const token = tokens.sign('user-1', 'session-1', 900, now);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', typ: 'access', iat: now, exp: now + 900 })).toString(
      'base64url',
    );
    expect(tokens.verify(`${header}.${forged}.${signature}`, now)).toBeNull();
    expect(new AccessTokens('another-secret-of-at-least-thirty-two-chars').verify(token, now)).toBeNull();
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${forged}.`;
    expect(tokens.verify(none, now)).toBeNull();
    // A token without a session could never be ended by logout, so none is accepted.
    const sessionless = Buffer.from(
      JSON.stringify({ sub: 'user-1', typ: 'access', iat: now, exp: now + 900 }),
    ).toString('base64url');
    const unsigned = `${header}.${sessionless}`;
    const mac = createHmac('sha256', 'a-secret-of-at-least-thirty-two-characters').update(unsigned).digest('base64url');
    expect(tokens.verify(`${unsigned}.${mac}`, now)).toBeNull();
    for (const garbage of ['', 'a.b', 'a.b.c', `${token}.x`]) expect(tokens.verify(garbage, now)).toBeNull();
  });
});
