import { SessionStatus } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A scheduled occurrence of one module of a plan. */
@Audited({ redact: ['checkInSecret'] })
@Entity('training_session')
@Index('training_session_org_time_idx', ['organizationId', 'startsAt'])
@Index('training_session_plan_idx', ['planId'])
export class TrainingSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('uuid')
  planId!: string;

  @Column('uuid')
  moduleId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  businessProcess!: string;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  /** IANA zone the session is planned in; times are stored as instants. */
  @Column('text')
  timeZone!: string;

  @Column('text', { nullable: true })
  location!: string | null;

  @Column('text', { nullable: true })
  onlineUrl!: string | null;

  @Column('int')
  capacity!: number;

  @Column('text', { default: 'scheduled' })
  status!: SessionStatus;

  @Column('text', { nullable: true })
  cancelReason!: string | null;

  @Column('int', { default: 15 })
  checkInOpensMinutesBefore!: number;

  @Column('int', { default: 30 })
  checkInClosesMinutesAfter!: number;

  /** TOTP secret behind the rotating check-in code; never leaves the server. */
  @Column('text', { select: false })
  checkInSecret!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
