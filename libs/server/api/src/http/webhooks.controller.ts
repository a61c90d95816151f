import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListResult, WebhookDeliveryAttemptView, WebhookView } from '@cascade/contracts';
import { ListQueryDto, Can } from '@cascade/server/core';
import { CreateWebhookDto, UpdateWebhookDto, WebhookListQuery, WebhooksService } from '@cascade/server/notifications';

/** Webhooks of a client organization: its managers and admins manage them. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Can('read', 'Webhook')
  @Get()
  list(@Query() query: WebhookListQuery): Promise<ListResult<WebhookView>> {
    return this.webhooks.list(query);
  }

  @Can('read', 'Webhook')
  @Get(':id')
  get(@Param('id') id: string): Promise<WebhookView> {
    return this.webhooks.get(id);
  }

  /** Answers the generated secret once, when none was given. */
  @Can('create', 'Webhook')
  @Post()
  create(@Body() body: CreateWebhookDto): Promise<WebhookView> {
    return this.webhooks.create(body);
  }

  @Can('update', 'Webhook')
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateWebhookDto): Promise<WebhookView> {
    return this.webhooks.update(id, body);
  }

  @Can('update', 'Webhook')
  @Post(':id/rotate-secret')
  @HttpCode(200)
  rotateSecret(@Param('id') id: string): Promise<WebhookView> {
    return this.webhooks.rotateSecret(id);
  }

  @Can('delete', 'Webhook')
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  /** Every delivery attempt, newest first. */
  @Can('read', 'Webhook')
  @Get(':id/deliveries')
  deliveries(@Param('id') id: string, @Query() query: ListQueryDto): Promise<ListResult<WebhookDeliveryAttemptView>> {
    return this.webhooks.deliveries(id, query);
  }
}
