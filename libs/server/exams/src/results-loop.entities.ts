import { FollowUpRecipient } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How a client wants results fed back: who counts as excellent, who is named, who sees follow-ups. */
@Audited()
@Entity('recognition_policy')
export class RecognitionPolicy {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @Column('numeric', { precision: 5, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  excellentThreshold!: number;

  @Column('boolean')
  nameExcellent!: boolean;

  @Column('boolean')
  nameMostImproved!: boolean;

  @Column('text', { array: true })
  followUpRecipients!: FollowUpRecipient[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** An exam's results sent back, once: by its close or by a trainer. */
@Entity('results_release')
export class ResultsRelease {
  @PrimaryColumn('uuid')
  examId!: string;

  @Column('timestamptz')
  releasedAt!: Date;

  @Column('uuid', { nullable: true })
  releasedBy!: string | null;

  @Column('text')
  trigger!: 'close' | 'trainer';

  @Column('int', { default: 0 })
  trainees!: number;

  @Column('int', { default: 0 })
  departments!: number;
}
