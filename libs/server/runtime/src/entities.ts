import { AuditEntry } from '@cascade/server/audit';
import { IDENTITY_ENTITIES } from '@cascade/server/identity';
import { Notification } from '@cascade/server/notifications';
import { OutboxMessage } from '@cascade/server/queue';

/** Every mapped entity; the migration generator compares this against the database. */
export const ALL_ENTITIES: Function[] = [...IDENTITY_ENTITIES, Notification, AuditEntry, OutboxMessage];
