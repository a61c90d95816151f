import { EnrollmentStatus } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { TrainingSession } from './training-session.entity';

@Audited()
@Entity('session_enrollment')
@Index('session_enrollment_user_idx', ['userId'])
export class SessionEnrollment {
  @PrimaryColumn('uuid')
  sessionId!: string;

  @ManyToOne(() => TrainingSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<TrainingSession>;

  @PrimaryColumn('uuid')
  userId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text', { default: 'invited' })
  status!: EnrollmentStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
