import { NotificationEvent, WebhookDeliveryStatus } from '@cascade/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Webhook } from './webhook.entity';

/**
 * One event for one webhook. Its id is the delivery id the receiver sees on every attempt,
 * and the body is stored once so every retry signs and sends the same bytes.
 */
@Entity('webhook_delivery')
@Index('webhook_delivery_webhook_idx', ['webhookId', 'createdAt'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  webhookId!: string;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id' })
  webhook?: Relation<Webhook>;

  @Column('text')
  event!: NotificationEvent;

  @Column('text')
  body!: string;

  /** `<webhook id>:<event key>`: the same event never reaches one webhook twice. */
  @Column('text', { unique: true })
  dedupeKey!: string;

  @Column('text', { default: 'pending' })
  status!: WebhookDeliveryStatus;

  @Column('int', { default: 0 })
  attempts!: number;

  @Column('timestamptz', { nullable: true })
  finishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** The log of every HTTP attempt, successful or not. */
@Entity('webhook_delivery_attempt')
@Index('webhook_attempt_webhook_idx', ['webhookId', 'createdAt'])
@Index('webhook_attempt_delivery_idx', ['deliveryId', 'attempt'])
export class WebhookDeliveryAttempt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  deliveryId!: string;

  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: Relation<WebhookDelivery>;

  @Column('uuid')
  webhookId!: string;

  @Column('int')
  attempt!: number;

  @Column('boolean')
  ok!: boolean;

  @Column('int', { nullable: true })
  statusCode!: number | null;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column('int')
  durationMs!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
