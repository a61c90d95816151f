import { NotificationKind } from '@cascade/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app inbox item. The dedupe key makes delivery idempotent across job retries. */
@Entity('notification')
@Index('notification_inbox_idx', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  kind!: NotificationKind;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  @Column('text', { nullable: true })
  link!: string | null;

  @Column('text', { unique: true })
  dedupeKey!: string;

  @Column('timestamptz', { nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
