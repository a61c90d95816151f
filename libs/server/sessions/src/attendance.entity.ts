import { AttendanceStatus, CheckInMethod } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { TrainingSession } from './training-session.entity';

/** One check-in per person per session (the unique index makes checking in twice harmless). */
@Audited()
@Entity('attendance')
@Index('attendance_session_user_uq', ['sessionId', 'userId'], { unique: true })
@Index('attendance_user_idx', ['userId'])
@Index('attendance_updated_idx', ['updatedAt'])
export class Attendance {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  sessionId!: string;

  @ManyToOne(() => TrainingSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<TrainingSession>;

  @Column('uuid')
  userId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  status!: AttendanceStatus;

  @Column('text')
  method!: CheckInMethod;

  @Column('timestamptz', { nullable: true })
  checkedInAt!: Date | null;

  @Column('int', { default: 0 })
  minutesLate!: number;

  /** Checked in without being enrolled; waits for a trainer's approval. */
  @Column('boolean', { default: false })
  walkIn!: boolean;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('uuid', { nullable: true })
  markedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
