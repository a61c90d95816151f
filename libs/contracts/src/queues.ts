import { PasswordLinkPurpose } from './passwords';

/**
 * Queue and job names with their payloads. Every job starts as an outbox row whose id
 * becomes the BullMQ job id, so a payload never needs its own idempotency key.
 */
export const QUEUES = {
  notifications: 'notifications',
  grading: 'grading',
  qualifications: 'qualifications',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** `lead_lapsed`: the lead's qualification was revoked or expired before the session starts. */
export type SessionChange = 'enrolled' | 'rescheduled' | 'cancelled' | 'lead_lapsed';

export interface JobPayloads {
  'user.welcome': { userId: string };
  /** Tell people about a session: enrolled ones about their enrollment, all of them about a change. */
  'session.notify': { sessionId: string; change: SessionChange; userIds: string[] };
  /** Grade a submitted attempt's objective answers; finalise it when nothing waits for a trainer. */
  'attempt.grade': { attemptId: string };
  /** Tell the trainee their final result. */
  'attempt.result': { attemptId: string };
  /** Regrade every attempt that used a version whose key was corrected. */
  'question.regrade': { correctionId: string };
  /** Send one stored email (rendered in the recipient's language when it was queued). */
  'notification.email': { emailId: string };
  /** POST one signed webhook delivery; retried under the same delivery id. */
  'webhook.deliver': { deliveryId: string };
  /** Tell everyone an exam is assigned to who has not been told yet. */
  'exam.assigned': { examId: string };
  /** Ask a session's attendee for feedback (reminder 0), or remind them (1, 2) until they answer. */
  'feedback.remind': { requestId: string; reminder: 0 | 1 | 2 };
  /** Send an exam's released results: each trainee theirs, department digests, follow-up lists. */
  'exam.release': { examId: string };
  /** Re-evaluate a person's open qualifications after a fact about them changed. */
  'qualification.evaluate': { userId: string };
  /**
   * Email a one-time password link: to a user by id (an admin's reset), or to whoever has
   * this email, if anyone (a forgotten password; the request never tells which).
   */
  'password.link': { purpose: PasswordLinkPurpose; userId: string | null; email: string | null };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  'user.welcome': QUEUES.notifications,
  'session.notify': QUEUES.notifications,
  'attempt.grade': QUEUES.grading,
  'attempt.result': QUEUES.notifications,
  'question.regrade': QUEUES.grading,
  'notification.email': QUEUES.notifications,
  'webhook.deliver': QUEUES.notifications,
  'exam.assigned': QUEUES.notifications,
  'feedback.remind': QUEUES.notifications,
  'exam.release': QUEUES.notifications,
  'qualification.evaluate': QUEUES.qualifications,
  'password.link': QUEUES.notifications,
};
