import { NotificationEvent } from '@cascade/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's choice for one event; no row means the default (email on). */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn('uuid')
  userId!: string;

  @PrimaryColumn('text')
  event!: NotificationEvent;

  @Column('boolean')
  email!: boolean;
}
