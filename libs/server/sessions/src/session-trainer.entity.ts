import { TrainerRole } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { TrainingSession } from './training-session.entity';

@Audited()
@Entity('session_trainer')
@Index('session_trainer_user_idx', ['userId'])
export class SessionTrainer {
  @PrimaryColumn('uuid')
  sessionId!: string;

  @ManyToOne(() => TrainingSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<TrainingSession>;

  @PrimaryColumn('uuid')
  userId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  role!: TrainerRole;
}
