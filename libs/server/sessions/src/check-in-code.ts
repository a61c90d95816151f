import { generateSync, verifySync } from 'otplib';

export const CHECK_IN_PERIOD_SECONDS = 30;

/** The 6-digit code of the current 30-second step (a TOTP over the session's secret). */
export function currentCode(secret: string, nowMs = Date.now()): { code: string; expiresAt: Date } {
  const epoch = Math.floor(nowMs / 1000);
  const code = generateSync({ secret, period: CHECK_IN_PERIOD_SECONDS, digits: 6, epoch });
  const stepEnd = (Math.floor(epoch / CHECK_IN_PERIOD_SECONDS) + 1) * CHECK_IN_PERIOD_SECONDS;
  return { code, expiresAt: new Date(stepEnd * 1000) };
}

/**
 * Accepts the current and the previous step only, so a code photographed and forwarded
 * stops working within a minute.
 */
export function isValidCode(secret: string, token: string, nowMs = Date.now()): boolean {
  if (!/^\d{6}$/.test(token)) return false;
  const result = verifySync({
    secret,
    token,
    period: CHECK_IN_PERIOD_SECONDS,
    digits: 6,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: [CHECK_IN_PERIOD_SECONDS, 0],
  });
  return result.valid;
}
