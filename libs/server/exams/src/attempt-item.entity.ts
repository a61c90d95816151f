import { CriterionScore } from '@cascade/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Attempt } from './attempt.entity';

/**
 * A question as the attempt froze it (its version, whose trainee view follows from the version
 * and the attempt), and the latest answer to it.
 */
@Entity('attempt_item')
export class AttemptItem {
  @PrimaryColumn('uuid')
  attemptId!: string;

  @ManyToOne(() => Attempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: Relation<Attempt>;

  @PrimaryColumn('uuid')
  questionId!: string;

  @Column('int')
  position!: number;

  /** The frozen question version whose key grades this answer. */
  @Column('uuid')
  questionVersionId!: string;

  @Column('numeric', { precision: 7, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  points!: number;

  @Column('jsonb', { nullable: true })
  response!: unknown;

  @Column('int', { default: 0 })
  seq!: number;

  @Column('timestamptz', { nullable: true })
  savedAt!: Date | null;

  /** Null until graded, by the queue (objective items) or by a trainer (essays). */
  @Column('numeric', {
    precision: 9,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  score!: number | null;

  @Column('boolean', { default: false })
  needsReview!: boolean;

  /** A trainer's remark on a manually graded answer, shown with the result. */
  @Column('text', { nullable: true })
  comment!: string | null;

  /** A trainer's points per rubric criterion, by the criterion's index. */
  @Column('jsonb', { nullable: true })
  criteria!: CriterionScore[] | null;

  @Column('uuid', { nullable: true })
  gradedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  gradedAt!: Date | null;
}
