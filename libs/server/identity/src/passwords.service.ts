import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Locale, PASSWORD_LINK_LIFETIME_SECONDS, PasswordLinkPurpose, PasswordProblemCode } from '@cascade/contracts';
import { assertMay, currentActor, recordAudit, UnprocessableError } from '@cascade/server/core';
import { Outbox } from '@cascade/server/queue';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { UsersRepository } from './identity.repositories';
import { assertStrongPassword } from './password-strength';
import { PasswordToken } from './password-token.entity';
import { hashPassword, verifyPassword } from './passwords';
import { User } from './user.entity';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const WRONG_CURRENT: Record<Locale, string> = {
  'zh-CN': '当前密码不正确',
  en: 'is not your current password',
};
const LINK_INVALID: Record<Locale, string> = {
  'zh-CN': '此链接无效、已使用或已过期，请重新申请',
  en: 'this link is invalid, used or expired; ask for a new one',
};

/** Who a password link goes to, and the link's secret: it exists only in their email. */
export interface MintedPasswordLink {
  tokenId: string;
  token: string;
  purpose: PasswordLinkPurpose;
  expiresAt: Date;
  recipient: { id: string; email: string; name: string; locale: Locale };
}

/**
 * The password lifecycle: changing one's own, an admin's reset, a forgotten password and
 * an invitation. Every password set here passes the strength rule, and every one ends the
 * sessions that knew the old password.
 */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly outbox: Outbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Changes the actor's own password; every session but `keepSessionId` ends. */
  async change(currentPassword: string, newPassword: string, keepSessionId: string | null): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: currentActor().userId });
    if (!(await verifyPassword(user.passwordHash, currentPassword)))
      throw problem('PASSWORD_CURRENT_WRONG', 'currentPassword', WRONG_CURRENT[user.locale]);
    assertStrongPassword(newPassword, 'newPassword', user.locale, [user.email, user.name]);
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction((manager) => this.setPassword(manager, user.id, passwordHash, keepSessionId));
  }

  /** A password an admin sets for someone passes the same rule, worded for the admin. */
  async assertAdminChosen(password: string, field: string, related: string[]): Promise<void> {
    assertStrongPassword(password, field, await this.actorLocale(), related);
  }

  /** The current actor's language, for messages they read. */
  async actorLocale(): Promise<Locale> {
    const user = await this.dataSource.getRepository(User).findOne({
      select: { id: true, locale: true },
      where: { id: currentActor().userId },
    });
    return user?.locale ?? 'zh-CN';
  }

  /** An admin's reset of someone they may update: a one-hour link goes to that person. */
  async requestReset(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findVisibleForUpdate(userId, manager);
      assertMay('update', 'User', user);
      await recordAudit(manager, {
        action: 'sendPasswordReset',
        entity: 'User',
        entityId: user.id,
        organizationId: user.organizationId,
        before: null,
        after: null,
      });
      await this.outbox.enqueue(manager, 'password.link', { purpose: 'reset', userId: user.id, email: null });
    });
  }

  /**
   * A forgotten password. The same single insert whether or not the email belongs to anyone:
   * the worker looks the address up, so neither the answer nor its timing tells.
   */
  async requestForgotten(email: string): Promise<void> {
    await this.outbox.enqueue(this.dataSource.manager, 'password.link', {
      purpose: 'reset',
      userId: null,
      email: email.trim().toLowerCase(),
    });
  }

  /** Sets a password from a reset or invitation link: the link is spent and every session ends. */
  async reset(token: string, newPassword: string, requestLocale: Locale): Promise<void> {
    const tokens = this.dataSource.getRepository(PasswordToken);
    const found = await tokens.findOneBy({ tokenHash: sha256(token) });
    const user = found && (await this.dataSource.getRepository(User).findOneBy({ id: found.userId }));
    const invalid = () => problem('PASSWORD_TOKEN_INVALID', 'token', LINK_INVALID[user?.locale ?? requestLocale]);
    if (!found || !user || !user.active || !usable(found)) throw invalid();
    assertStrongPassword(newPassword, 'newPassword', user.locale, [user.email, user.name]);
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      // Two tabs submitting one link: the row lock lets exactly one of them through.
      const locked = await manager.findOne(PasswordToken, {
        where: { id: found.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked || !usable(locked)) throw invalid();
      await this.setPassword(manager, user.id, passwordHash, null);
    });
  }

  /**
   * Mints the link a `password.link` job or an invitation emails, just before it is sent.
   * Null when there is nobody to send it to, or when this request's email already went out.
   */
  async mintLink(
    request: { purpose: PasswordLinkPurpose; userId: string | null; email: string | null },
    requestKey: string,
  ): Promise<MintedPasswordLink | null> {
    return this.dataSource.transaction(async (manager) => {
      const where = request.userId ? { id: request.userId } : request.email ? { email: request.email } : null;
      const user = where && (await manager.findOneBy(User, where));
      if (!user || !user.active || !user.email) return null;
      const earlier = await manager.findOneBy(PasswordToken, { requestKey });
      if (earlier?.sentAt) return null;
      // A link minted by an attempt whose email failed was never seen: replace it.
      if (earlier) await manager.delete(PasswordToken, { id: earlier.id });
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + PASSWORD_LINK_LIFETIME_SECONDS[request.purpose] * 1000);
      const saved = await manager.save(
        manager.create(PasswordToken, {
          userId: user.id,
          purpose: request.purpose,
          tokenHash: sha256(token),
          requestKey,
          expiresAt,
        }),
      );
      return {
        tokenId: saved.id,
        token,
        purpose: request.purpose,
        expiresAt,
        recipient: { id: user.id, email: user.email, name: user.name, locale: user.locale },
      };
    });
  }

  /** The link's email went out; only now can the link be used. */
  async markSent(tokenId: string): Promise<void> {
    await this.dataSource.getRepository(PasswordToken).update({ id: tokenId }, { sentAt: new Date() });
  }

  private async setPassword(
    manager: EntityManager,
    userId: string,
    passwordHash: string,
    keepSessionId: string | null,
  ): Promise<void> {
    await manager.update(User, { id: userId }, { passwordHash });
    const { organizationId } = await manager.findOneByOrFail(User, { id: userId });
    // Who set it and when; never the password or its hash.
    await recordAudit(manager, {
      action: 'changePassword',
      entity: 'User',
      entityId: userId,
      organizationId,
      before: null,
      after: null,
    });
    // Links sent before are for a password that is gone.
    await manager.update(PasswordToken, { userId, usedAt: IsNull() }, { usedAt: new Date() });
    await manager.query(
      `UPDATE refresh_token SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $2::uuid`,
      [userId, keepSessionId],
    );
  }
}

const usable = (token: PasswordToken) =>
  token.usedAt === null && token.sentAt !== null && token.expiresAt.getTime() > Date.now();

function problem(code: PasswordProblemCode, field: string, message: string): UnprocessableError {
  return new UnprocessableError(code, `${field}: ${message}`, [{ field, message }]);
}
