import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@cascade/server/config';
import { JOB_DEFAULTS, JobHandlers } from '@cascade/server/queue';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationsService } from './notifications.service';
import { resolveWebhookTarget } from './webhook-address';
import { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';
import { postWebhook, WebhookOutcome } from './webhook-sender';

/**
 * `webhook.deliver`: one attempt of one delivery per run, each logged. A failed attempt is
 * thrown so the queue retries it with exponential backoff under the same delivery id; the
 * last one marks the delivery failed and counts against the webhook, which is disabled
 * (and its owners told) after WEBHOOK_DISABLE_AFTER such deliveries in a row.
 */
@Injectable()
export class WebhookDeliveryHandler implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('webhook.deliver', ({ deliveryId }, { attemptsMade }) =>
      this.attempt(deliveryId, attemptsMade),
    );
  }

  async attempt(deliveryId: string, attemptsMade = 0): Promise<void> {
    const delivery = await this.dataSource.getRepository(WebhookDelivery).findOneBy({ id: deliveryId });
    if (!delivery || delivery.status !== 'pending') return;
    const webhook = await this.dataSource.getRepository(Webhook).findOneBy({ id: delivery.webhookId });
    if (!webhook?.enabled) {
      await this.dataSource
        .getRepository(WebhookDelivery)
        .update({ id: delivery.id, status: 'pending' }, { status: 'cancelled', finishedAt: new Date() });
      return;
    }
    const attempt = delivery.attempts + 1;
    let outcome: WebhookOutcome;
    try {
      // Checked again now: what the host resolves to may have changed since the webhook was saved.
      const target = await resolveWebhookTarget(webhook.url, this.config.webhooks.allowPrivate);
      outcome = await postWebhook(target, {
        deliveryId: delivery.id,
        event: delivery.event,
        body: delivery.body,
        secret: webhook.secret,
        timeoutMs: this.config.webhooks.timeoutMs,
      });
    } catch (error) {
      outcome = { ok: false, statusCode: null, error: (error as Error).message, durationMs: 0 };
    }
    const final =
      !outcome.ok && (attempt >= this.config.webhooks.maxAttempts || attemptsMade + 1 >= (JOB_DEFAULTS.attempts ?? 1));
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(WebhookDeliveryAttempt, {
        deliveryId: delivery.id,
        webhookId: webhook.id,
        attempt,
        ok: outcome.ok,
        statusCode: outcome.statusCode,
        error: outcome.error?.slice(0, 1000) ?? null,
        durationMs: outcome.durationMs,
      });
      await manager.update(
        WebhookDelivery,
        { id: delivery.id },
        {
          attempts: attempt,
          status: outcome.ok ? 'delivered' : final ? 'failed' : 'pending',
          finishedAt: outcome.ok || final ? new Date() : null,
        },
      );
      if (outcome.ok) await manager.update(Webhook, { id: webhook.id }, { consecutiveFailures: 0 });
      else if (final) await this.countFailure(manager, webhook.id);
    });
    if (!outcome.ok && !final) throw new Error(`webhook delivery ${delivery.id} attempt ${attempt}: ${outcome.error}`);
  }

  private async countFailure(manager: EntityManager, webhookId: string): Promise<void> {
    const webhook = await manager.findOne(Webhook, { where: { id: webhookId }, lock: { mode: 'pessimistic_write' } });
    if (!webhook) return;
    const failures = webhook.consecutiveFailures + 1;
    const disable = webhook.enabled && failures >= this.config.webhooks.disableAfter;
    const disabledAt = new Date();
    await manager.update(
      Webhook,
      { id: webhook.id },
      disable
        ? {
            consecutiveFailures: failures,
            enabled: false,
            disabledAt,
            disabledReason: `${failures} deliveries in a row failed every attempt`,
          }
        : { consecutiveFailures: failures },
    );
    if (!disable) return;
    const owners: { id: string }[] = await manager.query(
      `SELECT id FROM app_user
        WHERE active AND ((organization_id = $1 AND 'manager' = ANY(roles)) OR id = $2)`,
      [webhook.organizationId, webhook.createdBy],
    );
    await this.notifications.notify(
      'webhook.disabled',
      owners.map((o) => o.id),
      { url: webhook.url, failures: String(failures) },
      {
        key: `webhook.disabled:${webhook.id}:${disabledAt.getTime()}`,
        link: `/webhooks/${webhook.id}/show`,
        organizationId: webhook.organizationId,
        data: { webhook: { id: webhook.id, url: webhook.url }, consecutiveFailures: failures },
        manager,
      },
    );
  }
}
