import {
  CriterionProgress,
  QualificationCriterion,
  QualificationRenewal,
  QualificationStatus,
  RenewalProgress,
  TeachBackItem,
} from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';

/** What a client's key user must show to train others on some business processes. */
@Audited()
@Entity('qualification_track')
@Index('qualification_track_org_idx', ['organizationId'])
export class QualificationTrack {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text', { array: true })
  businessProcesses!: string[];

  @Column('jsonb')
  criteria!: QualificationCriterion[];

  @Column('int', { nullable: true })
  validityMonths!: number | null;

  @Column('jsonb', { nullable: true })
  renewal!: QualificationRenewal | null;

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * One person's way along one track. `progress` is the last evaluation's snapshot; the
 * evaluation itself is a pure function of the records, so re-running it changes nothing.
 */
@Audited({ redact: ['progress', 'renewalProgress'] })
@Entity('qualification')
@Index('qualification_user_idx', ['userId'])
@Index('qualification_track_idx', ['trackId', 'status'])
@Index('qualification_open_uq', ['trackId', 'userId'], {
  unique: true,
  where: `status IN ('candidate', 'in_progress', 'qualified')`,
})
export class Qualification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  trackId!: string;

  @ManyToOne(() => QualificationTrack, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'track_id' })
  track?: Relation<QualificationTrack>;

  @Column('uuid')
  userId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  status!: QualificationStatus;

  @Column('jsonb', { default: () => `'[]'::jsonb` })
  progress!: CriterionProgress[];

  @Column('jsonb', { default: () => `'[]'::jsonb` })
  renewalProgress!: RenewalProgress[];

  @Column('timestamptz', { nullable: true })
  evidenceSince!: Date | null;

  @Column('timestamptz', { nullable: true })
  qualifiedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  expiresAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  renewedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  expiredAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  @Column('text', { nullable: true })
  revokeReason!: string | null;

  @Column('uuid', { nullable: true })
  revokedBy!: string | null;

  @Column('uuid', { nullable: true })
  certificateId!: string | null;

  @Column('uuid', { nullable: true })
  nominatedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  evaluatedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** An expiry reminder sent (or being sent): its key makes each one go out once, even with several workers. */
@Entity('qualification_reminder')
export class QualificationReminder {
  @PrimaryColumn('uuid')
  qualificationId!: string;

  /** The expiry it warned about: a renewal moves the expiry, and reminders start over. */
  @PrimaryColumn('timestamptz')
  expiresAt!: Date;

  @PrimaryColumn('int')
  days!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;
}

/** A vendor trainer's observation of a candidate training others, item by item, signed off. */
@Audited()
@Entity('teach_back')
@Index('teach_back_candidate_idx', ['candidateId', 'trackId'])
export class TeachBack {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('uuid')
  trackId!: string;

  @ManyToOne(() => QualificationTrack, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'track_id' })
  track?: Relation<QualificationTrack>;

  @Column('uuid')
  candidateId!: string;

  @Column('uuid', { nullable: true })
  sessionId!: string | null;

  @Column('uuid')
  observerId!: string;

  @Column('timestamptz')
  observedAt!: Date;

  @Column('jsonb')
  items!: TeachBackItem[];

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('boolean')
  passed!: boolean;

  @Column('timestamptz', { nullable: true })
  signedAt!: Date | null;

  @Column('uuid', { nullable: true })
  signedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
