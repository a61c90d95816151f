import { Audited } from '@cascade/server/core';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A business case of the organization, told once and shared by several questions. */
@Audited()
@Entity('scenario')
@Index('scenario_org_idx', ['organizationId', 'businessProcess'])
export class Scenario {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  narrative!: string;

  /** Stored files of the same organization. */
  @Column('uuid', { array: true, default: '{}' })
  attachments!: string[];

  @Column('text', { nullable: true })
  businessProcess!: string | null;

  @Column('uuid', { nullable: true })
  copiedFromId!: string | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
