import { AttemptStatus } from '@cascade/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One sitting of an exam by one person, with the questions frozen when it started. */
@Entity('attempt')
@Index('attempt_exam_user_idx', ['examId', 'userId'])
// At most one open attempt per person and exam: two simultaneous starts find the same one.
@Index('attempt_one_open_uq', ['examId', 'userId'], { unique: true, where: `status = 'in_progress'` })
// The sweep's search for overdue open attempts.
@Index('attempt_open_deadline_idx', ['deadlineAt'], { where: `status = 'in_progress'` })
export class Attempt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  examId!: string;

  @Column('uuid')
  userId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('int')
  number!: number;

  @Column('text', { default: 'in_progress' })
  status!: AttemptStatus;

  @Column('timestamptz')
  startedAt!: Date;

  /** Kept by the server: the earlier of start + time limit and the exam's close. */
  @Column('timestamptz')
  deadlineAt!: Date;

  @Column('timestamptz', { nullable: true })
  submittedAt!: Date | null;

  @Column('numeric', {
    precision: 9,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  score!: number | null;

  @Column('numeric', {
    precision: 9,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  maxScore!: number | null;

  @Column('numeric', {
    precision: 9,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  percent!: number | null;

  @Column('boolean', { nullable: true })
  passed!: boolean | null;

  @Column('timestamptz', { nullable: true })
  finalizedAt!: Date | null;
}
