import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The secret behind a user's personal calendar subscription URL. */
@Entity('calendar_feed')
export class CalendarFeed {
  @PrimaryColumn('uuid')
  userId!: string;

  @Column('text', { unique: true })
  token!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
