import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Anonymous responses to one form on one session that entered the aggregates together.
 * Only the day it closed is kept, like a response's own day.
 */
@Entity('feedback_batch')
@Index('feedback_batch_seq_uq', ['sessionId', 'formId', 'seq'], { unique: true })
export class FeedbackBatch {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  sessionId!: string;

  @Column('uuid')
  formId!: string;

  @Column('uuid')
  organizationId!: string;

  /** 1, 2, … per session and form, in the order the batches closed. */
  @Column('int')
  seq!: number;

  @Column('int')
  responses!: number;

  @Column('date')
  closedOn!: string;
}
