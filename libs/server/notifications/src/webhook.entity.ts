import { NotificationEvent } from '@cascade/contracts';
import { Audited } from '@cascade/server/core';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An endpoint of a client organization that hears about the events it subscribed to. */
@Audited({ redact: ['secret'] })
@Entity('webhook')
@Index('webhook_org_idx', ['organizationId'])
export class Webhook {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  url!: string;

  /** Kept as is: signing needs the secret itself, so it cannot be hashed. Never sent back after creation. */
  @Column('text')
  secret!: string;

  @Column('text', { array: true })
  events!: NotificationEvent[];

  @Column('boolean', { default: true })
  enabled!: boolean;

  @Column('int', { default: 0 })
  consecutiveFailures!: number;

  @Column('timestamptz', { nullable: true })
  disabledAt!: Date | null;

  @Column('text', { nullable: true })
  disabledReason!: string | null;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
