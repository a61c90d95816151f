import { AuditEntry } from '@cascade/server/audit';
import { CERTIFICATE_ENTITIES } from '@cascade/server/certificates';
import { EXAM_ENTITIES } from '@cascade/server/exams';
import { FEEDBACK_ENTITIES } from '@cascade/server/feedback';
import { StoredFile } from '@cascade/server/files';
import { IDENTITY_ENTITIES } from '@cascade/server/identity';
import { NOTIFICATION_ENTITIES } from '@cascade/server/notifications';
import { PLAN_ENTITIES } from '@cascade/server/plans';
import { OutboxMessage } from '@cascade/server/queue';
import { SESSION_ENTITIES } from '@cascade/server/sessions';
import { TrainingIssue } from '@cascade/server/training-issues';
import { QUESTION_ENTITIES } from '@cascade/server/questions';
import { QUALIFICATION_ENTITIES } from '@cascade/server/qualifications';

/** Every mapped entity; the migration generator compares this against the database. */
export const ALL_ENTITIES: Function[] = [
  ...IDENTITY_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  AuditEntry,
  OutboxMessage,
  StoredFile,
  ...PLAN_ENTITIES,
  ...SESSION_ENTITIES,
  TrainingIssue,
  ...EXAM_ENTITIES,
  ...FEEDBACK_ENTITIES,
  ...QUESTION_ENTITIES,
  ...QUALIFICATION_ENTITIES,
  ...CERTIFICATE_ENTITIES,
];
