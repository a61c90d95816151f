import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One attendee asked for feedback on one session. `respondedAt` is the only mark that they
 * answered: for an anonymous form it is all that ties them to having responded at all.
 */
@Entity('feedback_request')
@Index('feedback_request_uq', ['sessionId', 'userId'], { unique: true })
@Index('feedback_request_user_idx', ['userId', 'requestedAt'])
export class FeedbackRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  sessionId!: string;

  @Column('uuid')
  userId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('uuid')
  formId!: string;

  @Column('timestamptz')
  requestedAt!: Date;

  @Column('timestamptz', { nullable: true })
  respondedAt!: Date | null;

  @Column('int', { default: 0 })
  remindersSent!: number;
}
