import { AuditAction } from '@cascade/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_entry')
@Index('audit_entry_entity_idx', ['entity', 'entityId'])
@Index('audit_entry_created_idx', ['createdAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Null when the system acted (a queue job, a sweep, the seed). */
  @Column('uuid', { nullable: true })
  actorId!: string | null;

  @Column('text')
  /** 'create', 'update' or 'delete' for entity writes; a verb such as 'grade' or 'release' for recorded actions. */
  action!: AuditAction;

  @Column('text')
  entity!: string;

  /** The record's id, or its composite key joined by ':'. */
  @Column('text')
  entityId!: string;

  @Column('uuid', { nullable: true })
  organizationId!: string | null;

  @Column('jsonb', { nullable: true })
  before!: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
