/** Train the trainer: qualification tracks, a person's qualification on a track, teach-backs. */

export const QUALIFICATION_STATUSES = ['candidate', 'in_progress', 'qualified', 'expired', 'revoked'] as const;
export type QualificationStatus = (typeof QUALIFICATION_STATUSES)[number];
/** Statuses that are still evaluated; expired and revoked are final for that record. */
export const OPEN_QUALIFICATION_STATUSES = ['candidate', 'in_progress', 'qualified'] as const;

export const CRITERION_KINDS = ['exam', 'attendance', 'co_delivery', 'trainer_feedback', 'teach_back'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** A passed certification exam with at least `minPercent`. */
export interface ExamCriterion {
  kind: 'exam';
  examId: string;
  minPercent: number;
}
/** Present or late at `minPercent` of the sessions of the named plans the person was enrolled in. */
export interface AttendanceCriterion {
  kind: 'attendance';
  planIds: string[];
  minPercent: number;
}
/** At least `sessions` ended sessions with the person as `assistant` trainer. */
export interface CoDeliveryCriterion {
  kind: 'co_delivery';
  sessions: number;
}
/** The mean of the Likert (1–5) trainer items about the person, from at least `minResponses` responses. */
export interface TrainerFeedbackCriterion {
  kind: 'trainer_feedback';
  minAverage: number;
  minResponses: number;
}
/** A teach-back signed off by a vendor trainer with every item passed; `checklist` fixes the items when given. */
export interface TeachBackCriterion {
  kind: 'teach_back';
  checklist?: string[];
}
export type QualificationCriterion =
  ExamCriterion | AttendanceCriterion | CoDeliveryCriterion | TrainerFeedbackCriterion | TeachBackCriterion;

/** What extends a qualification before it expires: either is enough. */
export interface QualificationRenewal {
  /** A renewal exam passed at `minPercent` after the current period began. */
  exam?: { examId: string; minPercent: number } | null;
  /** `sessions` sessions led in the current period, each with a trainer feedback mean of at least `minAverage`. */
  sessionsLed?: { sessions: number; minAverage: number } | null;
}

export interface QualificationTrackView {
  id: string;
  organizationId: string;
  title: string;
  description: string | null;
  businessProcesses: string[];
  criteria: QualificationCriterion[];
  /** Null: never expires. */
  validityMonths: number | null;
  renewal: QualificationRenewal | null;
  active: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type EvidenceType = 'attempt' | 'attendance' | 'session' | 'feedback' | 'teach_back';

/** One record that counts towards a criterion. */
export interface Evidence {
  type: EvidenceType;
  id: string;
  label: string;
  at: string;
}

/** "sessions co-delivered: 2 of 3", with the records behind it. */
export interface CriterionProgress {
  kind: CriterionKind;
  /** Position in the track's criteria. */
  index: number;
  met: boolean;
  /** exam: best percent; attendance: percent attended; co_delivery: sessions; trainer_feedback: mean; teach_back: 0 or 1. */
  current: number;
  required: number;
  /** trainer_feedback: responses counted and needed. */
  count?: number;
  requiredCount?: number;
  /** When it was first met (the evidence that completed it); null while unmet. */
  metAt: string | null;
  evidence: Evidence[];
}

export interface RenewalProgress {
  kind: 'exam' | 'sessions_led';
  current: number;
  required: number;
  evidence: Evidence[];
}

export interface QualificationView {
  id: string;
  trackId: string;
  trackTitle: string;
  businessProcesses: string[];
  userId: string;
  userName: string;
  departmentId: string | null;
  departmentName: string | null;
  attitude: string | null;
  organizationId: string;
  status: QualificationStatus;
  progress: CriterionProgress[];
  /** Towards extending a qualified person's current period. */
  renewal: RenewalProgress[];
  /** Evidence from before this instant does not count (a second candidacy starts afresh). */
  evidenceSince: string | null;
  qualifiedAt: string | null;
  expiresAt: string | null;
  renewedAt: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  certificateId: string | null;
  nominatedBy: string | null;
  evaluatedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const TEACH_BACK_RESULTS = ['pass', 'fail'] as const;
export type TeachBackResult = (typeof TEACH_BACK_RESULTS)[number];

export interface TeachBackItem {
  label: string;
  result: TeachBackResult;
  comment: string | null;
}

export interface TeachBackView {
  id: string;
  organizationId: string;
  trackId: string;
  candidateId: string;
  sessionId: string | null;
  observerId: string;
  observedAt: string;
  items: TeachBackItem[];
  comment: string | null;
  /** Every item passed. */
  passed: boolean;
  signedAt: string | null;
  signedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/sessions/eligible-leads`: who may lead a session of a business process at a time. */
export interface EligibleLeadView {
  userId: string;
  name: string;
  organizationId: string;
  /** Vendor trainers are not gated; client users lead on a qualification. */
  kind: 'vendor' | 'client';
  qualification: { id: string; trackId: string; trackTitle: string; expiresAt: string | null } | null;
}
