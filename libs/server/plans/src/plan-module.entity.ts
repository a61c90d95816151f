import { MaterialView } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { TrainingPlan } from './training-plan.entity';

/** A curriculum item of a plan, organised by business process. */
@Audited()
@Entity('plan_module')
@Index('plan_module_plan_idx', ['planId', 'position'])
export class PlanModule {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  planId!: string;

  @ManyToOne(() => TrainingPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<TrainingPlan>;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  businessProcess!: string;

  @Column('text')
  title!: string;

  @Column('text', { default: '' })
  outline!: string;

  @Column('int')
  durationMinutes!: number;

  @Column('jsonb', { default: () => "'[]'::jsonb" })
  materials!: MaterialView[];

  @Column('int')
  position!: number;
}
