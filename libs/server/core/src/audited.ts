import { AuditAction } from '@cascade/contracts';
import { RequestContext } from './request-context';

/** Entities whose writes are recorded in the audit log, with fields never to copy there. */
const auditedEntities = new Map<Function, { redact: string[] }>();

export function Audited(options: { redact?: string[] } = {}): ClassDecorator {
  return (target) => {
    auditedEntities.set(target, { redact: options.redact ?? [] });
  };
}

export function auditPolicy(target: Function | string): { redact: string[] } | undefined {
  return typeof target === 'string' ? undefined : auditedEntities.get(target);
}

/** A change made outside `save`/`remove` (a grade, a release, a bulk update) that the log must still show. */
export interface AuditRecord {
  action: AuditAction;
  entity: string;
  entityId: string;
  organizationId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Writes an audit entry in the caller's transaction (pass its manager), with the acting user
 * from the request context, so the entry commits or rolls back with the change it describes.
 */
export async function recordAudit(
  manager: { query(sql: string, params?: unknown[]): Promise<unknown> },
  record: AuditRecord,
): Promise<void> {
  await manager.query(
    `INSERT INTO audit_entry (actor_id, action, entity, entity_id, organization_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      RequestContext.actor()?.userId ?? null,
      record.action,
      record.entity,
      record.entityId,
      record.organizationId,
      record.before === null ? null : JSON.stringify(record.before),
      record.after === null ? null : JSON.stringify(record.after),
    ],
  );
}
