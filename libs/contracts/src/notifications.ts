export const NOTIFICATION_KINDS = [
  'welcome',
  'session_enrolled',
  'session_rescheduled',
  'session_cancelled',
  'exam_result',
  'feedback_requested',
  'exam_assigned',
  'webhook_disabled',
  'results_digest',
  'results_follow_up',
  'qualification_qualified',
  'qualification_expiring',
  'qualification_expired',
  'session_lead_lapsed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** What happened, as named in preferences, email and webhook bodies. */
export const NOTIFICATION_EVENTS = [
  'session.scheduled',
  'session.changed',
  'session.cancelled',
  'exam.assigned',
  'exam.result_final',
  'feedback.requested',
  'results.digest',
  'results.follow_up',
  'webhook.disabled',
  'qualification.qualified',
  'qualification.expiring',
  'qualification.expired',
  'session.lead_lapsed',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** `GET/PUT /api/me/notification-preferences`: per event, whether email comes too (the inbox always does). */
export interface NotificationPreferencesView {
  email: Record<NotificationEvent, boolean>;
  /** False when this installation has no SMTP server configured: no email is sent at all. */
  emailAvailable: boolean;
}

export interface WebhookView {
  id: string;
  organizationId: string;
  url: string;
  events: NotificationEvent[];
  enabled: boolean;
  /** Deliveries in a row that failed every retry; reset by a success. */
  consecutiveFailures: number;
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
  /** Only in the answer that generated or rotated it; never readable later. */
  secret?: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One HTTP attempt of a webhook delivery (`GET /api/webhooks/:id/deliveries`). */
export interface WebhookDeliveryAttemptView {
  id: string;
  deliveryId: string;
  event: NotificationEvent;
  attempt: number;
  /** The delivery's status now (pending while retries remain). */
  deliveryStatus: WebhookDeliveryStatus;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  createdAt: string;
}

/** Entity writes, and the actions recorded by name because they change a record outside a plain save. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'grade',
  'correctKey',
  'override',
  'release',
  'markAttendance',
  'staff',
  'changeRoles',
  'nominate',
  'revoke',
  'signTeachBack',
  'changePassword',
  'sendPasswordReset',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryView {
  id: string;
  actorId: string | null;
  action: AuditAction;
  entity: string;
  entityId: string;
  organizationId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}
