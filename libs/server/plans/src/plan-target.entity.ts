import { PlanTargetKind } from '@cascade/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { TrainingPlan } from './training-plan.entity';

/** A person the plan sets out to train: a key user of a business area, or an end user they will train. */
@Entity('plan_target')
export class PlanTarget {
  @PrimaryColumn('uuid')
  planId!: string;

  @ManyToOne(() => TrainingPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<TrainingPlan>;

  @PrimaryColumn('uuid')
  userId!: string;

  @Column('text')
  kind!: PlanTargetKind;

  @Column('text', { nullable: true })
  businessProcess!: string | null;
}
