export const NOTIFICATION_KINDS = [
  'welcome',
  'session_enrolled',
  'session_rescheduled',
  'session_cancelled',
  'exam_result',
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

export interface AuditEntryView {
  id: string;
  actorId: string | null;
  action: 'create' | 'update' | 'delete';
  entity: string;
  entityId: string;
  organizationId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}
