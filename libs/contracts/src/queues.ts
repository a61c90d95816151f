/**
 * Queue and job names with their payloads. Every job starts as an outbox row whose id
 * becomes the BullMQ job id, so a payload never needs its own idempotency key.
 */
export const QUEUES = {
  notifications: 'notifications',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  'user.welcome': { userId: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  'user.welcome': QUEUES.notifications,
};
