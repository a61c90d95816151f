import { QuestionContent, QuestionKey, QuestionStatus, QuestionType } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { POINTS_COLUMN } from './points.column';
import { Scenario } from './scenario.entity';

/** Questions of a vendor organization are templates that clients' banks copy from. */
@Audited()
@Entity('question')
@Index('question_org_process_idx', ['organizationId', 'businessProcess', 'difficulty'])
@Index('question_scenario_idx', ['scenarioId'])
export class Question {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  businessProcess!: string;

  @Column('int')
  difficulty!: number;

  @Column('numeric', POINTS_COLUMN)
  points!: number;

  @Column('uuid', { nullable: true })
  scenarioId!: string | null;

  @ManyToOne(() => Scenario, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scenario_id' })
  scenario?: Relation<Scenario>;

  @Column('text', { array: true, default: '{}' })
  tags!: string[];

  @Column('text', { default: 'draft' })
  status!: QuestionStatus;

  @Column('text')
  type!: QuestionType;

  @Column('text')
  stem!: string;

  @Column('jsonb')
  content!: QuestionContent;

  @Column('jsonb')
  key!: QuestionKey;

  @Column('int', { default: 1 })
  version!: number;

  @Column('uuid', { nullable: true })
  copiedFromId!: string | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
