import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LoginResponse } from '@cascade/contracts';
import {
  AccessTokens,
  Actor,
  ActorFactsSource,
  ActorResolver,
  RequestContext,
  TooManyRequestsError,
  UnauthorizedError,
} from '@cascade/server/core';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { UsersRepository } from './identity.repositories';
import { LoginFailure } from './login-failure.entity';
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
const FAILURE_WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 30;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class AuthService extends ActorResolver {
  private batch = new Map<
    string,
    { promise: Promise<Actor | null>; resolve: (actor: Actor | null) => void; reject: (error: unknown) => void }
  >();
  constructor(
    private readonly tokens: AccessTokens,
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: ActorFactsSource,
  ) {
    super();
  }

  async login(emailInput: string, password: string, ip: string): Promise<LoginResponse> {
    const email = emailInput.trim().toLowerCase();
    await this.assertNotThrottled(email, ip);
    const user = await this.users.findByEmailForLogin(email);
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.active) {
      await this.dataSource.getRepository(LoginFailure).insert({ email, ip });
      // One message for every cause, so the answer never tells which accounts exist.
      throw new UnauthorizedError('Invalid email or password', 'LOGIN_FAILED');
    }
    await this.dataSource.getRepository(LoginFailure).delete({ email });
    return this.dataSource.transaction((manager) => this.issue(manager, user, randomUUID()));
  }

  async refresh(presented: string): Promise<LoginResponse> {
    const [id, secret] = presented.split('.');
    const invalid = () => new UnauthorizedError('Refresh token is invalid', 'REFRESH_INVALID');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw invalid();
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

  async logout(presented: string): Promise<void> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) return;
    const token = await this.dataSource.getRepository(RefreshToken).findOneBy({ id });
    if (!token || !safeEqual(token.tokenHash, sha256(secret))) return;
    await this.dataSource.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [token.familyId],
    );
  }

  /**
   * The actor behind an access token, looked up fresh so deactivation and role changes apply
   * at once; with `maxAgeMs`, an answer that recent serves (see OwnRecordsOnly).
   */
  async resolve(userId: string, { maxAgeMs }: { maxAgeMs?: number } = {}): Promise<Actor | null> {
    if (!/^[0-9a-f-]{36}$/.test(userId)) return null;
    const recent = this.recent.get(userId);
    if (maxAgeMs !== undefined && recent && Date.now() - recent.at <= maxAgeMs) return recent.actor;
    return this.lookUpBatched(userId);
  }

  /** The latest answer for each user, kept for OwnRecordsOnly routes; the oldest go first. */
  private readonly recent = new Map<string, { actor: Actor | null; at: number }>();

  private remember(userId: string, actor: Actor | null, at: number): void {
    this.recent.delete(userId);
    this.recent.set(userId, { actor, at });
    if (this.recent.size > RECENT_ACTORS_KEPT) this.recent.delete(this.recent.keys().next().value!);
  }

  /**
   * Looks actors up together: the first miss opens a window of ACTOR_BATCH_MS, and every miss
   * in it is answered by one query. A room of a thousand people acting at once then costs
   * a few queries, not a thousand, and each answer is as fresh as a lone lookup's.
   */
  private lookUpBatched(userId: string): Promise<Actor | null> {
    const waiting = this.batch.get(userId);
    if (waiting) return waiting.promise;
    let settle!: { resolve: (actor: Actor | null) => void; reject: (error: unknown) => void };
    const promise = new Promise<Actor | null>((resolve, reject) => (settle = { resolve, reject }));
    this.batch.set(userId, { promise, ...settle });
    if (this.batch.size === 1) setTimeout(() => void this.flushBatch(), ACTOR_BATCH_MS);
    return promise;
  }

  private async flushBatch(): Promise<void> {
    const batch = this.batch;
    this.batch = new Map();
    try {
      const at = Date.now();
      const actors = await this.actorsFor(this.dataSource.manager, [...batch.keys()]);
      for (const [userId, waiting] of batch) {
        const actor = actors.get(userId) ?? null;
        this.remember(userId, actor, at);
        waiting.resolve(actor);
      }
    } catch (error) {
      for (const waiting of batch.values()) waiting.reject(error);
    }
  }

  private async actorFor(manager: EntityManager, userId: string): Promise<Actor | null> {
    if (!/^[0-9a-f-]{36}$/.test(userId)) return null;
    return (await this.actorsFor(manager, [userId])).get(userId) ?? null;
  }

  private async actorsFor(manager: EntityManager, userIds: string[]): Promise<Map<string, Actor>> {
    return this.facts.load(manager, userIds);
  }

  private async issue(manager: EntityManager, user: User, familyId: string): Promise<LoginResponse> {
    const secret = randomBytes(32).toString('base64url');
    const token = await manager.save(
      manager.create(RefreshToken, {
        userId: user.id,
        familyId,
        tokenHash: sha256(secret),
        expiresAt: new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000),
      }),
    );
    const accessToken = this.tokens.sign(user.id, ACCESS_TOKEN_SECONDS);
    return {
      accessToken,
      refreshToken: `${token.id}.${secret}`,
      expiresIn: ACCESS_TOKEN_SECONDS,
      // Login is public: describe the user as they will see themselves once authenticated.
      user: await this.viewAs(manager, user),
    };
  }

  private async viewAs(manager: EntityManager, user: User) {
    const actor = await this.actorFor(manager, user.id);
    if (!actor) throw new UnauthorizedError('Account is inactive', 'LOGIN_FAILED');
    return RequestContext.runAs(actor, () => this.usersService.view(user, manager));
  }

  private async assertNotThrottled(email: string, ip: string): Promise<void> {
    const [row]: { by_email: number; by_ip: number; email_retry: number | null; ip_retry: number | null }[] =
      await this.dataSource.query(
        `SELECT count(*) FILTER (WHERE email = $1)::int AS by_email,
                count(*) FILTER (WHERE ip = $2)::int AS by_ip,
                ceil(extract(epoch FROM min(created_at) FILTER (WHERE email = $1) + make_interval(secs => $3) - now()))::int AS email_retry,
                ceil(extract(epoch FROM min(created_at) FILTER (WHERE ip = $2) + make_interval(secs => $3) - now()))::int AS ip_retry
           FROM login_failure
          WHERE (email = $1 OR ip = $2) AND created_at > now() - make_interval(secs => $3)`,
        [email, ip, FAILURE_WINDOW_SECONDS],
      );
    if (row.by_email >= MAX_FAILURES_PER_ACCOUNT) throw new TooManyRequestsError(Math.max(1, row.email_retry ?? 1));
    if (row.by_ip >= MAX_FAILURES_PER_ADDRESS) throw new TooManyRequestsError(Math.max(1, row.ip_retry ?? 1));
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
