// Every migration, in order. New ones are generated with `npm run db:generate -- <Name>`.
import { Initial1795828845931 } from './1795828845931-Initial';
import { PlansSessionsAttendance1795830758725 } from './1795830758725-PlansSessionsAttendance';
import { AuditCompositeKeys1795830940441 } from './1795830940441-AuditCompositeKeys';
import { QuestionBank1795832084845 } from './1795832084845-QuestionBank';
import { OutboxCompletion1795833456814 } from './1795833456814-OutboxCompletion';
import { Exams1795835269673 } from './1795835269673-Exams';
import { Attempts1795835723140 } from './1795835723140-Attempts';
import { Grading1795835892314 } from './1795835892314-Grading';
import { ExamOverridesAndManualGrades1795838015358 } from './1795838015358-ExamOverridesAndManualGrades';
import { KeyCorrectionsAndSweep1795838352837 } from './1795838352837-KeyCorrectionsAndSweep';
import { FeedbackForms1795838698163 } from './1795838698163-FeedbackForms';
import { NotificationChannels1795838872724 } from './1795838872724-NotificationChannels';
import { ResultsLoop1795839415708 } from './1795839415708-ResultsLoop';
import { Certificates1795840225882 } from './1795840225882-Certificates';
import { Qualifications1795840601626 } from './1795840601626-Qualifications';
import { AttemptItemViewFromVersion1795841441150 } from './1795841441150-AttemptItemViewFromVersion';
import { BankAuthor1795842000000 } from './1795842000000-BankAuthor';
import { ExamReviewMode1795843000000 } from './1795843000000-ExamReviewMode';
import { FeedbackBatches1795844000000 } from './1795844000000-FeedbackBatches';
import { CheckInLimits1795845000000 } from './1795845000000-CheckInLimits';
import { ClientTrainerRoleComputed1795846000000 } from './1795846000000-ClientTrainerRoleComputed';
import { AttendanceMarkedIndex1795847000000 } from './1795847000000-AttendanceMarkedIndex';
import { PasswordTokens1795849000000 } from './1795849000000-PasswordTokens';
import { RateLimitTable1795850000000 } from './1795850000000-RateLimitTable';
import { LoginLimitsShared1795851000000 } from './1795851000000-LoginLimitsShared';

export const migrations: Function[] = [
  Initial1795828845931,
  PlansSessionsAttendance1795830758725,
  AuditCompositeKeys1795830940441,
  QuestionBank1795832084845,
  OutboxCompletion1795833456814,
  Exams1795835269673,
  Attempts1795835723140,
  Grading1795835892314,
  ExamOverridesAndManualGrades1795838015358,
  KeyCorrectionsAndSweep1795838352837,
  FeedbackForms1795838698163,
  NotificationChannels1795838872724,
  ResultsLoop1795839415708,
  Certificates1795840225882,
  Qualifications1795840601626,
  AttemptItemViewFromVersion1795841441150,
  BankAuthor1795842000000,
  ExamReviewMode1795843000000,
  FeedbackBatches1795844000000,
  CheckInLimits1795845000000,
  ClientTrainerRoleComputed1795846000000,
  AttendanceMarkedIndex1795847000000,
  PasswordTokens1795849000000,
  RateLimitTable1795850000000,
  LoginLimitsShared1795851000000,
];
