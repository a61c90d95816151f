import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, UpdateDateColumn } from 'typeorm';
import { TrainingSession } from './training-session.entity';

/**
 * Wrong check-in codes one person entered for one session. Kept in the database, not only in
 * the rate limiter, so the lock at the limit survives restarts and a flushed Redis.
 */
@Entity('check_in_failure')
@Index('check_in_failure_user_idx', ['userId'])
export class CheckInFailure {
  @PrimaryColumn('uuid')
  sessionId!: string;

  @ManyToOne(() => TrainingSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<TrainingSession>;

  @PrimaryColumn('uuid')
  userId!: string;

  @Column('uuid')
  organizationId!: string;

  /** Since the entry was last reopened. */
  @Column('int', { default: 0 })
  wrongCodes!: number;

  /** Set when `wrongCodes` reaches the limit: the right code no longer checks the person in. */
  @Column('timestamptz', { nullable: true })
  lockedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  reopenedAt!: Date | null;

  @Column('uuid', { nullable: true })
  reopenedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
