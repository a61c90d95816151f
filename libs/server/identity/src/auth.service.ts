import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LoginResponse } from '@cascade/contracts';
import {
  AccessTokens,
  Actor,
  ActorFactsSource,
  ActorResolver,
  RequestContext,
  UnauthorizedError,
} from '@cascade/server/core';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { UsersRepository } from './identity.repositories';
import { LoginLimits } from './login-limits';
import { verifyPassword } from './passwords';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';
import { UsersService } from './users.service';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
/** How long the first actor lookup waits for others to share its query. */
const ACTOR_BATCH_MS = 2;
/** Recent actors kept for OwnRecordsOnly routes: a room of several thousand sitting an exam. */
const RECENT_ACTORS_KEPT = 20_000;
const REFRESH_TOKEN_DAYS = 30;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const UUID = /^[0-9a-f-]{36}$/;

/** What signing in or refreshing yields: the answer for the client and the refresh token for its cookie. */
export interface IssuedSession {
  login: LoginResponse;
  refreshToken: string;
}

interface Waiting {
  userId: string;
  sessionId?: string;
  promise: Promise<Actor | null>;
  resolve: (actor: Actor | null) => void;
  reject: (error: unknown) => void;
}

@Injectable()
export class AuthService extends ActorResolver {
  /** Look-ups waiting for the next query, keyed by user and session. */
  private batch = new Map<string, Waiting>();
  constructor(
    private readonly tokens: AccessTokens,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: ActorFactsSource,
    private readonly loginLimits: LoginLimits,
  ) {
    super();
  }

  async login(emailInput: string, password: string, ip: string): Promise<IssuedSession> {
    const email = emailInput.trim().toLowerCase();
    await this.loginLimits.assertMayTry(email, ip);
    const user = await this.users.findByEmailForLogin(email);
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.active) {
      await this.loginLimits.failed(email, ip);
      // One message for every cause, so the answer never tells which accounts exist.
      throw new UnauthorizedError('Invalid email or password', 'LOGIN_FAILED');
    }
    await this.loginLimits.succeeded(email, ip);
    return this.dataSource.transaction((manager) => this.issue(manager, user, randomUUID()));
  }

  async refresh(presented: string | undefined): Promise<IssuedSession> {
    const [id, secret] = (presented ?? '').split('.');
    const invalid = () => new UnauthorizedError('Refresh token is invalid', 'REFRESH_INVALID');
    if (!id || !secret || !UUID.test(id)) throw invalid();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshToken, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token || !safeEqual(token.tokenHash, sha256(secret))) return 'invalid' as const;
      if (token.usedAt || token.revokedAt) {
        // A used token presented again means it was copied: end every session of that chain.
        await manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
          token.familyId,
        ]);
        return 'reused' as const;
      }
      if (token.expiresAt.getTime() <= Date.now()) return 'invalid' as const;
      const user = await manager.findOneBy(User, { id: token.userId });
      if (!user || !user.active) return 'invalid' as const;
      token.usedAt = new Date();
      await manager.save(token);
      return this.issue(manager, user, token.familyId);
    });
    // Thrown only after commit, so the family's revocation is kept.
    if (outcome === 'reused')
      throw new UnauthorizedError('Refresh token was already used; please log in again', 'REFRESH_REUSED');
    if (outcome === 'invalid') throw invalid();
    return outcome;
  }

  /** Ends the session the refresh token belongs to: its refresh tokens and, at once, its access tokens. */
  async logout(presented: string | undefined): Promise<void> {
    const [id, secret] = (presented ?? '').split('.');
    if (!id || !secret || !UUID.test(id)) return;
    const token = await this.dataSource.getRepository(RefreshToken).findOneBy({ id });
    if (!token || !safeEqual(token.tokenHash, sha256(secret))) return;
    await this.dataSource.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [token.familyId],
    );
  }

  /**
   * The actor behind an access token, looked up fresh so deactivation, the end of the session
   * and role changes apply at once; with `maxAgeMs`, an answer that recent serves (see
   * OwnRecordsOnly), so there an ended session is noticed within that time.
   */
  async resolve(
    userId: string,
    { sessionId, maxAgeMs }: { sessionId?: string; maxAgeMs?: number } = {},
  ): Promise<Actor | null> {
    if (!UUID.test(userId) || (sessionId !== undefined && !UUID.test(sessionId))) return null;
    const key = sessionId ? `${userId}/${sessionId}` : userId;
    const recent = this.recent.get(key);
    if (maxAgeMs !== undefined && recent && Date.now() - recent.at <= maxAgeMs) return recent.actor;
    return this.lookUpBatched(key, userId, sessionId);
  }

  /** The latest answer for each user and session, kept for OwnRecordsOnly routes; the oldest go first. */
  private readonly recent = new Map<string, { actor: Actor | null; at: number }>();

  private remember(key: string, actor: Actor | null, at: number): void {
    this.recent.delete(key);
    this.recent.set(key, { actor, at });
    if (this.recent.size > RECENT_ACTORS_KEPT) this.recent.delete(this.recent.keys().next().value!);
  }

  /**
   * Looks actors up together: the first miss opens a window of ACTOR_BATCH_MS, and every miss
   * in it is answered by one query. A room of a thousand people acting at once then costs
   * a few queries, not a thousand, and each answer is as fresh as a lone lookup's. The same
   * query says which of the sessions are still open.
   */
  private lookUpBatched(key: string, userId: string, sessionId: string | undefined): Promise<Actor | null> {
    const waiting = this.batch.get(key);
    if (waiting) return waiting.promise;
    let settle!: { resolve: (actor: Actor | null) => void; reject: (error: unknown) => void };
    const promise = new Promise<Actor | null>((resolve, reject) => (settle = { resolve, reject }));
    this.batch.set(key, { userId, sessionId, promise, ...settle });
    if (this.batch.size === 1) setTimeout(() => void this.flushBatch(), ACTOR_BATCH_MS);
    return promise;
  }

  private async flushBatch(): Promise<void> {
    const batch = this.batch;
    this.batch = new Map();
    try {
      const at = Date.now();
      const waiting = [...batch.values()];
      const { actors, openSessions } = await this.facts.load(
        this.dataSource.manager,
        [...new Set(waiting.map((one) => one.userId))],
        waiting.flatMap((one) => (one.sessionId ? [one.sessionId] : [])),
      );
      for (const [key, one] of batch) {
        const open = one.sessionId === undefined || openSessions.get(one.sessionId) === one.userId;
        const actor = open ? (actors.get(one.userId) ?? null) : null;
        this.remember(key, actor, at);
        one.resolve(actor);
      }
    } catch (error) {
      for (const waiting of batch.values()) waiting.reject(error);
    }
  }

  private async actorFor(manager: EntityManager, userId: string): Promise<Actor | null> {
    if (!UUID.test(userId)) return null;
    return (await this.facts.load(manager, [userId])).actors.get(userId) ?? null;
  }

  private async issue(manager: EntityManager, user: User, familyId: string): Promise<IssuedSession> {
    const secret = randomBytes(32).toString('base64url');
    const token = await manager.save(
      manager.create(RefreshToken, {
        userId: user.id,
        familyId,
        tokenHash: sha256(secret),
        expiresAt: new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000),
      }),
    );
    return {
      login: {
        // The family is the session: every access token of the chain ends with it.
        accessToken: this.tokens.sign(user.id, familyId, ACCESS_TOKEN_SECONDS),
        expiresIn: ACCESS_TOKEN_SECONDS,
        // Login is public: describe the user as they will see themselves once authenticated.
        user: await this.viewAs(manager, user),
      },
      refreshToken: `${token.id}.${secret}`,
    };
  }

  private async viewAs(manager: EntityManager, user: User) {
    const actor = await this.actorFor(manager, user.id);
    if (!actor) throw new UnauthorizedError('Account is inactive', 'LOGIN_FAILED');
    return RequestContext.runAs(actor, () => this.usersService.view(user, manager));
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
