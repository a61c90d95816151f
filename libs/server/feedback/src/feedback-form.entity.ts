import { FeedbackItem } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A questionnaire trainees answer after a session, about its trainers, the session and the content. */
@Audited()
@Entity('feedback_form')
@Index('feedback_form_org_idx', ['organizationId'])
export class FeedbackForm {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The vendor's forms serve every client; a client's own serve only it. */
  @Column('uuid')
  organizationId!: string;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  /** Answers are stored with no link to the person who gave them. */
  @Column('boolean', { default: false })
  anonymous!: boolean;

  @Column('jsonb')
  items!: FeedbackItem[];

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
