import { Attitude, Locale, Role } from '@cascade/contracts';
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
import { Department } from './department.entity';
import { Organization } from './organization.entity';

@Audited({ redact: ['passwordHash'] })
@Entity('app_user')
@Index('app_user_org_idx', ['organizationId'])
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column('uuid', { nullable: true })
  departmentId!: string | null;

  @ManyToOne(() => Department, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;

  /** Stored lower-cased; unique across Cascade because it is the login. */
  @Column('text', { unique: true })
  email!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  passwordHash!: string | null;

  @Column('text', { array: true })
  roles!: Role[];

  @Column('boolean', { default: false })
  isKeyUser!: boolean;

  /** Granted by an admin: a client user who may author their organization's question bank. */
  @Column('boolean', { default: false })
  bankAuthor!: boolean;

  @Column('text', { nullable: true })
  attitude!: Attitude | null;

  @Column('text', { default: 'zh-CN' })
  locale!: Locale;

  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
