import { AccessTokens } from '@cascade/server/core';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * Access tokens for people written straight to the database, each in a session of its own
 * as signing in would open, for benches that skip the login route. The refresh tokens
 * behind those sessions hold a hash nobody knows the secret of.
 */
export async function sessionTokens(
  databaseUrl: string,
  secret: string,
  userIds: string[],
  lifetimeSeconds: number,
): Promise<string[]> {
  const sessions = userIds.map(() => randomUUID());
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
       SELECT u, s, $3, now() + make_interval(secs => $4) FROM unnest($1::uuid[], $2::uuid[]) AS t(u, s)`,
      [userIds, sessions, randomBytes(32).toString('hex'), lifetimeSeconds],
    );
  } finally {
    await db.end();
  }
  const signer = new AccessTokens(secret);
  return userIds.map((userId, i) => signer.sign(userId, sessions[i], lifetimeSeconds));
}
