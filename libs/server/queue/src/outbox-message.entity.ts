import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job waiting to reach the queue. Written in the same transaction as the change that
 * causes it, so a job exists if and only if the change committed.
 */
@Entity('outbox')
@Index('outbox_pending_idx', ['availableAt'], { where: 'dispatched_at IS NULL' })
@Index('outbox_unfinished_idx', ['dispatchedAt'], { where: 'completed_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  queue!: string;

  @Column('text')
  jobName!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @Column('timestamptz', { default: () => 'now()' })
  availableAt!: Date;

  @Column('timestamptz', { nullable: true })
  dispatchedAt!: Date | null;

  /** Set when a handler finished the job; until then the relay may hand it to the queue again. */
  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @Column('int', { default: 0 })
  dispatchAttempts!: number;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
