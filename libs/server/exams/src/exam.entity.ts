import { BlueprintRow, ExamAssignees, ExamKind, ExamOverride, ResultVisibility, ReviewMode } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An exam on a client's own business: a fixed list of questions or a blueprint to draw from. */
@Audited()
@Entity('exam')
@Index('exam_org_idx', ['organizationId', 'opensAt'])
export class Exam {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('uuid', { nullable: true })
  planId!: string | null;

  @Column('uuid', { nullable: true })
  sessionId!: string | null;

  @Column('text')
  title!: string;

  @Column('text')
  kind!: ExamKind;

  @Column('uuid', { array: true, nullable: true })
  questionIds!: string[] | null;

  @Column('jsonb', { nullable: true })
  blueprint!: BlueprintRow[] | null;

  @Column('int')
  timeLimitMinutes!: number;

  @Column('timestamptz')
  opensAt!: Date;

  @Column('timestamptz')
  closesAt!: Date;

  @Column('numeric', { precision: 5, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  passPercent!: number;

  @Column('int', { default: 1 })
  attemptsAllowed!: number;

  @Column('boolean', { default: false })
  shuffleQuestions!: boolean;

  @Column('boolean', { default: false })
  shuffleOptions!: boolean;

  @Column('text', { default: 'after_close' })
  showResults!: ResultVisibility;

  /** What the trainee reviews beyond the score; answers stay hidden until nothing is left for them to sit. */
  @Column('text', { default: 'score_only' })
  reviewMode!: ReviewMode;

  @Column('jsonb')
  assignees!: ExamAssignees;

  /** Per-person extra time or another window; at most one per person. */
  @Column('jsonb', { default: () => "'[]'::jsonb" })
  overrides!: ExamOverride[];

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
