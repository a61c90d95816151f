import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The form a plan names by default, or a session names instead. Kept beside the plan
 * rather than in it: choosing a form is an operational setting, not part of the plan
 * the client confirms.
 */
@Entity('feedback_form_choice')
export class FeedbackFormChoice {
  /** A training plan's or a session's id. */
  @PrimaryColumn('uuid')
  targetId!: string;

  @Column('text')
  targetKind!: 'plan' | 'session';

  @Column('uuid')
  formId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('uuid', { nullable: true })
  chosenBy!: string | null;
}

/** Sessions whose attendees have been asked for feedback, so each session is asked once. */
@Entity('feedback_round')
@Index('feedback_round_requested_idx', ['requestedAt'])
export class FeedbackRound {
  @PrimaryColumn('uuid')
  sessionId!: string;

  @Column('uuid')
  formId!: string;

  @Column('timestamptz')
  requestedAt!: Date;

  @Column('int')
  requested!: number;
}
