import {
  MAX_PER_PAGE,
  type ListResult,
  type NotificationEvent,
  type NotificationPreferencesView,
  type WebhookDeliveryAttemptView,
  type WebhookView,
} from '@cascade/contracts';
import { httpClient } from './httpClient';

const id = (value: string) => encodeURIComponent(value);

/** A user's email choices and a webhook's secret and delivery log: what plain CRUD does not cover. */
export const notificationApi = {
  async preferences(): Promise<NotificationPreferencesView> {
    return (await httpClient<NotificationPreferencesView>('/me/notification-preferences')).json;
  },

  async setPreferences(email: Partial<Record<NotificationEvent, boolean>>): Promise<NotificationPreferencesView> {
    return (
      await httpClient<NotificationPreferencesView>('/me/notification-preferences', { method: 'PUT', json: { email } })
    ).json;
  },

  /** The new secret is in this answer only. */
  async rotateSecret(webhookId: string): Promise<WebhookView> {
    return (await httpClient<WebhookView>(`/webhooks/${id(webhookId)}/rotate-secret`, { method: 'POST' })).json;
  },

  async deliveries(webhookId: string, page: number, perPage: number): Promise<ListResult<WebhookDeliveryAttemptView>> {
    const query = new URLSearchParams({ page: String(page), perPage: String(Math.min(perPage, MAX_PER_PAGE)) });
    return (await httpClient<ListResult<WebhookDeliveryAttemptView>>(`/webhooks/${id(webhookId)}/deliveries?${query}`))
      .json;
  },
};
