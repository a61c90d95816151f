import { QuestionKey, RegradeReport } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A corrected answer key of a question version that attempts already used. The one case in
 * which a used version changes; the old key and the reason stay here, and the regrade's
 * report of every score before and after is kept with it.
 */
@Audited()
@Entity('key_correction')
@Index('key_correction_question_idx', ['questionId', 'correctedAt'])
export class KeyCorrection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('uuid')
  questionId!: string;

  @Column('uuid')
  questionVersionId!: string;

  @Column('int')
  version!: number;

  @Column('jsonb')
  oldKey!: QuestionKey;

  @Column('jsonb')
  newKey!: QuestionKey;

  @Column('text')
  reason!: string;

  @Column('uuid', { nullable: true })
  correctedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  correctedAt!: Date;

  @Column('text', { default: 'queued' })
  status!: 'queued' | 'done';

  @Column('jsonb', { nullable: true })
  report!: RegradeReport | null;
}
