import { generateSecret } from 'otplib';
import { CHECK_IN_PERIOD_SECONDS, currentCode, isValidCode } from './check-in-code';

describe('rotating check-in code', () => {
  const secret = generateSecret();
  const t0 = Date.UTC(2026, 11, 1, 1, 0, 0);

  it('changes every 30 seconds and says when it expires', () => {
    const first = currentCode(secret, t0);
    expect(first.code).toMatch(/^\d{6}$/);
    expect(first.expiresAt.getTime()).toBe(t0 + CHECK_IN_PERIOD_SECONDS * 1000);
    expect(currentCode(secret, t0 + 29_000).code).toBe(first.code);
    expect(currentCode(secret, t0 + 30_000).code).not.toBe(first.code);
  });

  it('accepts the current and the previous step, nothing older and nothing ahead', () => {
    const { code } = currentCode(secret, t0);
    expect(isValidCode(secret, code, t0 + 1_000)).toBe(true);
    expect(isValidCode(secret, code, t0 + 45_000)).toBe(true);
    expect(isValidCode(secret, code, t0 + 61_000)).toBe(false);
    expect(isValidCode(secret, currentCode(secret, t0 + 30_000).code, t0)).toBe(false);
  });

  it('rejects other sessions’ codes and malformed input', () => {
    const { code } = currentCode(generateSecret(), t0);
    expect(isValidCode(secret, code, t0)).toBe(code === currentCode(secret, t0).code);
    for (const bad of ['', '12345', '1234567', 'abcdef', ' 12345']) expect(isValidCode(secret, bad, t0)).toBe(false);
  });
});
