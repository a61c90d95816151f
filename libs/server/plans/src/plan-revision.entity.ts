import { FieldChange } from '@cascade/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TrainingPlan } from './training-plan.entity';

/** A change to a plan after it was confirmed: why, what changed field by field, and who decided. */
@Entity('plan_revision')
@Index('plan_revision_plan_idx', ['planId', 'number'], { unique: true })
export class PlanRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  planId!: string;

  @ManyToOne(() => TrainingPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<TrainingPlan>;

  @Column('uuid')
  organizationId!: string;

  @Column('int')
  number!: number;

  @Column('text')
  reason!: string;

  @Column('jsonb')
  changes!: FieldChange[];

  @Column('uuid')
  requestedBy!: string;

  @Column('timestamptz', { default: () => 'now()' })
  requestedAt!: Date;

  @Column('text', { default: 'pending' })
  status!: 'pending' | 'confirmed' | 'returned';

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @Column('text', { nullable: true })
  comment!: string | null;
}
