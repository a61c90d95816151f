import { Locale, NotificationEvent } from '@cascade/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  /** Base64, so binary attachments survive the jsonb column. */
  contentBase64: string;
}

export type OutgoingEmailStatus = 'pending' | 'sent' | 'failed';

/**
 * One email, rendered in the recipient's language when it was queued, so a retry sends
 * exactly the same message. The dedupe key makes queueing it idempotent.
 */
@Entity('outgoing_email')
@Index('outgoing_email_user_idx', ['userId', 'createdAt'])
export class OutgoingEmail {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  userId!: string;

  @Column('text')
  event!: NotificationEvent;

  @Column('text')
  toAddress!: string;

  @Column('text')
  locale!: Locale;

  @Column('text')
  subject!: string;

  @Column('text')
  text!: string;

  @Column('text')
  html!: string;

  @Column('jsonb', { default: () => `'[]'::jsonb` })
  attachments!: StoredAttachment[];

  @Column('text', { unique: true })
  dedupeKey!: string;

  @Column('text', { default: 'pending' })
  status!: OutgoingEmailStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
