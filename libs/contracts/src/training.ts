export const PLAN_STATUSES = [
  'draft',
  'pending_confirmation',
  'confirmed',
  'in_progress',
  'completed',
  'cancelled',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const SIGN_IN_METHODS = ['qr', 'code', 'manual'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const PLAN_TARGET_KINDS = ['key_user', 'end_user'] as const;
export type PlanTargetKind = (typeof PLAN_TARGET_KINDS)[number];

export interface MaterialView {
  kind: 'link' | 'file';
  title: string;
  /** For links. */
  url?: string;
  /** For uploaded files: download at GET /api/files/:fileId. */
  fileId?: string;
}

export interface PlanModuleView {
  id: string;
  businessProcess: string;
  title: string;
  outline: string;
  durationMinutes: number;
  materials: MaterialView[];
  position: number;
}

export interface PlanTargetView {
  userId: string;
  kind: PlanTargetKind;
  businessProcess: string | null;
}

export interface TrainingPlanView {
  id: string;
  organizationId: string;
  title: string;
  goals: string;
  assessmentMethod: string;
  signInMethod: SignInMethod;
  defaultLocation: string | null;
  status: PlanStatus;
  trainerIds: string[];
  modules: PlanModuleView[];
  targets: PlanTargetView[];
  /** Number of the latest revision; 0 before the first confirmation. */
  revision: number;
  createdBy: string | null;
  submittedAt: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  returnComment: string | null;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface PlanRevisionView {
  id: string;
  planId: string;
  number: number;
  reason: string;
  changes: FieldChange[];
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'confirmed' | 'returned';
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
}

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const TRAINER_ROLES = ['lead', 'assistant'] as const;
export type TrainerRole = (typeof TRAINER_ROLES)[number];
export const ENROLLMENT_STATUSES = ['invited', 'accepted', 'declined'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export interface SessionTrainerView {
  userId: string;
  role: TrainerRole;
}

export interface EnrollmentView {
  userId: string;
  status: EnrollmentStatus;
  createdAt: string;
}

/**
 * Whether the lead may still lead when the session starts: a client lead needs a qualification
 * covering the session's process, valid at its start. `missing`: no such qualification at all.
 */
export const LEAD_QUALIFICATION_STATES = ['valid', 'expired', 'revoked', 'missing'] as const;
export type LeadQualificationState = (typeof LEAD_QUALIFICATION_STATES)[number];

export interface TrainingSessionView {
  id: string;
  organizationId: string;
  planId: string;
  moduleId: string;
  title: string;
  businessProcess: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string | null;
  onlineUrl: string | null;
  capacity: number;
  status: SessionStatus;
  cancelReason: string | null;
  checkInOpensAt: string;
  checkInClosesAt: string;
  trainers: SessionTrainerView[];
  enrollments: EnrollmentView[];
  /**
   * Computed when read, for a scheduled session that has not started: the state of its lead's
   * qualification (vendor trainers are not gated, so always `valid`). Null once the session has
   * started or is cancelled.
   */
  leadQualification: LeadQualificationState | null;
  /** The lead may no longer lead it: someone must replace them before it starts. */
  needsNewLead: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CheckInCodeView {
  code: string;
  /** What the QR code encodes: `<PUBLIC_URL>/checkin/<sessionId>?code=…`. */
  url: string;
  expiresAt: string;
  periodSeconds: number;
}

export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'absent', 'pending_approval'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const CHECK_IN_METHODS = ['qr', 'code', 'manual'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

export interface AttendanceView {
  id: string;
  sessionId: string;
  userId: string;
  status: AttendanceStatus;
  method: CheckInMethod;
  checkedInAt: string | null;
  minutesLate: number;
  walkIn: boolean;
  note: string | null;
  markedBy: string | null;
}

/** A person's wrong check-in codes for one session; at the limit their code entry is closed until a trainer reopens it. */
export interface CheckInEntryView {
  wrongCodes: number;
  locked: boolean;
  lockedAt: string | null;
}

export interface AttendanceSheetRow {
  userId: string;
  name: string;
  departmentName: string | null;
  enrolled: boolean;
  attendance: AttendanceView | null;
  /** Null while the person has entered no wrong code. */
  checkInEntry: CheckInEntryView | null;
}

export interface AttendanceSheetView {
  sessionId: string;
  enrolled: number;
  checkedIn: number;
  pendingApproval: number;
  /** People whose code entry is closed after too many wrong codes. */
  checkInLocked: number;
  rows: AttendanceSheetRow[];
}

export interface AttendanceSummaryView {
  planId: string;
  sessionsHeld: number;
  /** Attended (present or late) over assigned, across all trainees and held sessions. */
  rate: number | null;
  trainees: {
    userId: string;
    name: string;
    assigned: number;
    present: number;
    late: number;
    excused: number;
    absent: number;
    rate: number | null;
  }[];
}

export const ISSUE_CATEGORIES = ['software_defect', 'data', 'process_question', 'requirement_change', 'other'] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];
export const ISSUE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];
export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved', 'rejected', 'deferred'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export interface TrainingIssueView {
  id: string;
  organizationId: string;
  planId: string | null;
  sessionId: string | null;
  moduleId: string | null;
  category: IssueCategory;
  severity: IssueSeverity;
  title: string;
  description: string;
  status: IssueStatus;
  reporterId: string;
  assigneeId: string | null;
  resolution: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredFileView {
  id: string;
  name: string;
  contentType: string;
  size: number;
  createdAt: string;
}
