import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { auditPolicy, RequestContext } from '@cascade/server/core';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  DataSource,
  EntityMetadata,
  EntitySubscriberInterface,
  InsertEvent,
  ObjectLiteral,
  RemoveEvent,
  UpdateEvent,
} from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

/**
 * Records every write of an `@Audited()` entity in the same transaction as the write,
 * with the acting user from the request context. Writes must go through `save`/`remove`
 * (not bulk `update`) so the before-image is known.
 */
@Injectable()
export class AuditSubscriber implements EntitySubscriberInterface {
  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    await this.record(event.manager, event.metadata, 'create', null, event.entity);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (!event.entity || (event.updatedColumns.length === 0 && event.updatedRelations.length === 0)) return;
    await this.record(event.manager, event.metadata, 'update', event.databaseEntity ?? null, {
      ...event.databaseEntity,
      ...event.entity,
    });
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const before = event.databaseEntity ?? event.entity;
    if (!before) return;
    await this.record(event.manager, event.metadata, 'delete', { ...event.entity, ...before }, null);
  }

  private async record(
    manager: InsertEvent<ObjectLiteral>['manager'],
    metadata: EntityMetadata,
    action: AuditEntry['action'],
    before: ObjectLiteral | null,
    after: ObjectLiteral | null | undefined,
  ): Promise<void> {
    const target = metadata.target;
    const policy = auditPolicy(target);
    if (!policy) return;
    const subject = after ?? before;
    // Composite keys (an assignment, an enrollment) read as their parts joined by ':'.
    const key = subject ? metadata.primaryColumns.map((column) => column.getEntityValue(subject)) : [];
    if (key.length === 0 || key.some((part) => part === undefined || part === null)) return;
    const entityId = key.join(':');
    const entity = typeof target === 'string' ? target : target.name;
    const clean = (value: ObjectLiteral | null | undefined) => (value ? snapshot(value, policy.redact) : null);
    const beforeImage = clean(before);
    const afterImage = clean(after);
    if (action === 'update' && beforeImage && afterImage && JSON.stringify(beforeImage) === JSON.stringify(afterImage))
      return;
    const entry: Partial<AuditEntry> = {
      actorId: RequestContext.actor()?.userId ?? null,
      action,
      entity,
      entityId,
      organizationId: subject!.organizationId ?? (entity === 'Organization' ? subject!.id : null),
      before: beforeImage,
      after: afterImage,
    };
    // TypeORM's deep-partial type does not accept Record<string, unknown> for jsonb columns.
    await manager.getRepository(AuditEntry).insert(entry as QueryDeepPartialEntity<AuditEntry>);
  }
}

/** Plain column values only: relations and redacted fields stay out of the log. */
function snapshot(value: ObjectLiteral, redact: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (redact.includes(key)) continue;
    if (field instanceof Date) out[key] = field.toISOString();
    else if (field === null || ['string', 'number', 'boolean'].includes(typeof field)) out[key] = field;
    else if (Array.isArray(field) && field.every((item) => typeof item !== 'object' || item === null)) out[key] = field;
    else if (typeof field === 'object' && !(field.constructor && field.constructor !== Object)) out[key] = field;
  }
  return out;
}
