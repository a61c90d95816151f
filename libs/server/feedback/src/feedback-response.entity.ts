import { FeedbackItemType, FeedbackSubject } from '@cascade/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { FeedbackBatch } from './feedback-batch.entity';

/**
 * A submitted form. For an anonymous form `userId` is null and only the day is kept, so
 * neither a column nor a timestamp leads back to the request that was marked answered;
 * and its answers reach aggregates only with the batch that released it.
 */
@Entity('feedback_response')
@Index('feedback_response_session_idx', ['sessionId'])
@Index('feedback_response_waiting_idx', ['sessionId', 'formId'], { where: 'batch_id IS NULL' })
@Index('feedback_response_person_uq', ['sessionId', 'userId'], { unique: true, where: 'user_id IS NOT NULL' })
export class FeedbackResponse {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  sessionId!: string;

  @Column('uuid')
  formId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('uuid', { nullable: true })
  userId!: string | null;

  @Column('date')
  submittedOn!: string;

  /** Anonymous forms only: the batch that released the response; null while it waits. */
  @Column('uuid', { nullable: true })
  batchId!: string | null;

  @ManyToOne(() => FeedbackBatch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id' })
  batch?: Relation<FeedbackBatch>;
}

/** One answer to one item (for trainer items, about one trainer). */
@Entity('feedback_answer')
@Index('feedback_answer_trainer_idx', ['trainerId'])
export class FeedbackAnswer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  responseId!: string;

  @ManyToOne(() => FeedbackResponse, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: Relation<FeedbackResponse>;

  @Column('text')
  itemId!: string;

  @Column('text')
  itemType!: FeedbackItemType;

  @Column('text')
  about!: FeedbackSubject;

  @Column('uuid', { nullable: true })
  trainerId!: string | null;

  @Column('numeric', {
    precision: 4,
    scale: 1,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  numberValue!: number | null;

  @Column('text', { nullable: true })
  textValue!: string | null;
}
