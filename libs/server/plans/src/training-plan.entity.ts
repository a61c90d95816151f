import { PlanStatus, SignInMethod } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Audited()
@Entity('training_plan')
@Index('training_plan_org_idx', ['organizationId'])
export class TrainingPlan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The client organization the plan trains. */
  @Column('uuid')
  organizationId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  goals!: string;

  @Column('text')
  assessmentMethod!: string;

  @Column('text')
  signInMethod!: SignInMethod;

  @Column('text', { nullable: true })
  defaultLocation!: string | null;

  @Column('text', { default: 'draft' })
  status!: PlanStatus;

  @Column('uuid', { array: true, default: '{}' })
  trainerIds!: string[];

  /** Number of the latest revision; changes after the first confirmation each add one. */
  @Column('int', { default: 0 })
  revision!: number;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @Column('timestamptz', { nullable: true })
  submittedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  confirmedAt!: Date | null;

  @Column('uuid', { nullable: true })
  confirmedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  startedAt!: Date | null;

  @Column('text', { nullable: true })
  returnComment!: string | null;

  @Column('text', { nullable: true })
  cancelReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
