import { IssueCategory, IssueSeverity, IssueStatus } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A problem found during training, recorded the moment it shows up and handled through a workflow. */
@Audited()
@Entity('training_issue')
@Index('training_issue_org_idx', ['organizationId', 'status'])
export class TrainingIssue {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('uuid', { nullable: true })
  planId!: string | null;

  @Column('uuid', { nullable: true })
  sessionId!: string | null;

  @Column('uuid', { nullable: true })
  moduleId!: string | null;

  @Column('text')
  category!: IssueCategory;

  @Column('text')
  severity!: IssueSeverity;

  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Column('text', { default: 'open' })
  status!: IssueStatus;

  @Column('uuid')
  reporterId!: string;

  @Column('uuid', { nullable: true })
  assigneeId!: string | null;

  @Column('text', { nullable: true })
  resolution!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
