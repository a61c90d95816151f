import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ListResult, WebhookDeliveryAttemptView, WebhookView } from '@cascade/contracts';
import { APP_CONFIG, AppConfig } from '@cascade/server/config';
import {
  currentActor,
  ListQueryDto,
  ListSpec,
  ScopedRepository,
  ScopeRules,
  UnprocessableError,
} from '@cascade/server/core';
import { OrganizationsService } from '@cascade/server/identity';
import { randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { resolveWebhookTarget, WebhookAddressError } from './webhook-address';
import { CreateWebhookDto, UpdateWebhookDto, WebhookListQuery } from './webhook.dto';
import { Webhook } from './webhook.entity';

@Injectable()
export class WebhooksRepository extends ScopedRepository<Webhook> {
  protected readonly alias = 'webhook';
  protected readonly entityName = 'Webhook';
  protected readonly scope: ScopeRules = { organizationColumn: 'organizationId' };
  readonly listSpec: ListSpec = {
    sortable: { createdAt: 'createdAt', url: 'url', enabled: 'enabled' },
    defaultSort: 'createdAt',
    searchable: ['url'],
    filters: { organizationId: 'organizationId' },
  };

  constructor(@InjectRepository(Webhook) repository: Repository<Webhook>) {
    super(repository);
  }
}

const invalid = (field: string, message: string) =>
  new UnprocessableError('WEBHOOK_INVALID', `${field}: ${message}`, [{ field, message }]);

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** Webhooks of client organizations, managed by admins and that client's managers. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly organizations: OrganizationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: WebhookListQuery): Promise<ListResult<WebhookView>> {
    const { data, total } = await this.webhooks.list(query, this.webhooks.listSpec);
    return { data: data.map((w) => toWebhookView(w)), total };
  }

  async get(id: string): Promise<WebhookView> {
    return toWebhookView(await this.webhooks.findVisible(id));
  }

  /** The answer carries the secret only when Cascade generated it: the one time it is shown. */
  async create(input: CreateWebhookDto): Promise<WebhookView> {
    const actor = currentActor();
    const organizationId = input.organizationId ?? (actor.roles.includes('admin') ? null : actor.organizationId);
    if (!organizationId) throw invalid('organizationId', 'is required');
    const organization = await this.organizations.get(organizationId);
    if (organization.kind !== 'client') throw invalid('organizationId', 'must be a client organization');
    const url = await this.checkUrl(input.url);
    const secret = input.secret ?? newSecret();
    const saved = await this.dataSource.getRepository(Webhook).save(
      this.dataSource.getRepository(Webhook).create({
        organizationId,
        url,
        secret,
        events: input.events,
        enabled: input.enabled ?? true,
        createdBy: actor.userId,
      }),
    );
    return toWebhookView(saved, input.secret ? undefined : secret);
  }

  async update(id: string, input: UpdateWebhookDto): Promise<WebhookView> {
    const url = input.url === undefined ? undefined : await this.checkUrl(input.url);
    const saved = await this.dataSource.transaction(async (manager) => {
      const webhook = await this.webhooks.findVisibleForUpdate(id, manager);
      if (url !== undefined) webhook.url = url;
      if (input.secret !== undefined) webhook.secret = input.secret;
      if (input.events !== undefined) webhook.events = input.events;
      if (input.enabled === true && !webhook.enabled) {
        Object.assign(webhook, { enabled: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null });
      } else if (input.enabled === false) webhook.enabled = false;
      return manager.save(webhook);
    });
    return toWebhookView(saved);
  }

  /** A new generated secret, shown in this answer only; the old one stops signing at once. */
  async rotateSecret(id: string): Promise<WebhookView> {
    const secret = newSecret();
    const saved = await this.dataSource.transaction(async (manager) => {
      const webhook = await this.webhooks.findVisibleForUpdate(id, manager);
      webhook.secret = secret;
      return manager.save(webhook);
    });
    return toWebhookView(saved, secret);
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const webhook = await this.webhooks.findVisibleForUpdate(id, manager);
      await manager.remove(webhook);
    });
  }

  /** Every attempt of every delivery, newest first. */
  async deliveries(id: string, query: ListQueryDto): Promise<ListResult<WebhookDeliveryAttemptView>> {
    const webhook = await this.webhooks.findVisible(id);
    const rows: {
      id: string;
      delivery_id: string;
      event: WebhookDeliveryAttemptView['event'];
      attempt: number;
      status: WebhookDeliveryAttemptView['deliveryStatus'];
      ok: boolean;
      status_code: number | null;
      error: string | null;
      duration_ms: number;
      created_at: Date;
      total: number;
    }[] = await this.dataSource.query(
      `SELECT a.id, a.delivery_id, d.event, a.attempt, d.status, a.ok, a.status_code, a.error, a.duration_ms,
              a.created_at, count(*) OVER ()::int AS total
         FROM webhook_delivery_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
        WHERE a.webhook_id = $1
        ORDER BY a.created_at DESC, a.attempt DESC, a.id
        LIMIT $2 OFFSET $3`,
      [webhook.id, query.perPage, (query.page - 1) * query.perPage],
    );
    const total =
      rows[0]?.total ??
      Number(
        (
          await this.dataSource.query(`SELECT count(*)::int AS n FROM webhook_delivery_attempt WHERE webhook_id = $1`, [
            webhook.id,
          ])
        )[0].n,
      );
    return {
      data: rows.map((r) => ({
        id: r.id,
        deliveryId: r.delivery_id,
        event: r.event,
        attempt: r.attempt,
        deliveryStatus: r.status,
        ok: r.ok,
        statusCode: r.status_code,
        error: r.error,
        durationMs: r.duration_ms,
        createdAt: r.created_at.toISOString(),
      })),
      total,
    };
  }

  private async checkUrl(raw: string): Promise<string> {
    try {
      return (await resolveWebhookTarget(raw.trim(), this.config.webhooks.allowPrivate)).url.toString();
    } catch (error) {
      if (error instanceof WebhookAddressError) throw invalid('url', error.message);
      throw error;
    }
  }
}

export function toWebhookView(w: Webhook, secret?: string): WebhookView {
  return {
    id: w.id,
    organizationId: w.organizationId,
    url: w.url,
    events: w.events,
    enabled: w.enabled,
    consecutiveFailures: w.consecutiveFailures,
    disabledAt: w.disabledAt?.toISOString() ?? null,
    disabledReason: w.disabledReason,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    ...(secret ? { secret } : {}),
  };
}
