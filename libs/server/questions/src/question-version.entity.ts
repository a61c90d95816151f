import { QuestionContent, QuestionKey, QuestionType, ScenarioSnapshot } from '@cascade/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { POINTS_COLUMN } from './points.column';
import { Question } from './question.entity';

/** What a question asked, frozen; once used (`usedAt`) it never changes, so attempts can be re-graded as taken. */
@Entity('question_version')
@Index('question_version_uq', ['questionId', 'version'], { unique: true })
export class QuestionVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  questionId!: string;

  @ManyToOne(() => Question, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: Relation<Question>;

  @Column('uuid')
  organizationId!: string;

  @Column('int')
  version!: number;

  @Column('text')
  type!: QuestionType;

  @Column('text')
  stem!: string;

  @Column('jsonb')
  content!: QuestionContent;

  @Column('jsonb')
  key!: QuestionKey;

  @Column('numeric', POINTS_COLUMN)
  points!: number;

  /** The scenario as it was; not a foreign key, so the scenario may change or go. */
  @Column('uuid', { nullable: true })
  scenarioId!: string | null;

  @Column('jsonb', { nullable: true })
  scenario!: ScenarioSnapshot | null;

  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
