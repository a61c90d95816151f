import { AbilityBuilder, createMongoAbility, ForcedSubject, MongoAbility, RawRuleOf, subject } from '@casl/ability';
import type { OrganizationKind, Role } from './identity';

/**
 * Who may see and do what, in one place. The API builds these abilities for every request
 * from the actor and their relationships; the console receives the same rules (`GET
 * /api/me/abilities`) and shows only what they allow. Relationships, not global roles,
 * decide: the organization someone belongs to, the departments they head, the clients a
 * vendor trainer serves, the sessions they lead or assist, the exams they sit, and the
 * qualifications they hold now.
 */

export const POLICY_ACTIONS = [
  'manage',
  'read',
  'create',
  'update',
  'delete',
  /** Training plans: submit for confirmation, start, complete, cancel. */
  'run',
  /** Training plans: confirm or return, for the client. */
  'confirm',
  /** Sessions: change who trains it. */
  'staff',
  /** Sessions: enroll and remove trainees. */
  'enroll',
  /** Sessions: show the rotating check-in code. */
  'showCheckInCode',
  /** Sessions: read the attendance sheet. */
  'readAttendance',
  /** Sessions: mark or change attendance of others. */
  'markAttendance',
  /** Exams: start an attempt as a candidate. */
  'sit',
  /** Exam results: read named individual results, item analysis and the follow-up list. */
  'readResults',
  /** Exam results: release them to the candidates. */
  'release',
  /** Attempts: grade open answers. */
  'grade',
  /** Questions: correct a used version's key. */
  'correctKey',
  /** Questions: import from a spreadsheet. */
  'import',
  /** Qualifications: add a candidate to a track. */
  'nominate',
  /** Qualifications: revoke one, with a reason. */
  'revoke',
  /** Qualifications: sign off a teach-back. */
  'signTeachBack',
] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

export const POLICY_SUBJECTS = [
  'Organization',
  'RecognitionPolicy',
  'Department',
  'User',
  'AuditEntry',
  'TrainingPlan',
  'Session',
  'TrainingIssue',
  'Scenario',
  'Question',
  'Exam',
  'Attempt',
  'FeedbackForm',
  'FeedbackSummary',
  'QualificationTrack',
  'Qualification',
  'Cascade',
  'Webhook',
  'File',
] as const;
export type PolicySubject = (typeof POLICY_SUBJECTS)[number];

/** A record is checked as `subject(type, fields)` (from @casl/ability); any of its fields may appear in a condition. */
type PolicyRecord<S> = S extends string ? ForcedSubject<S> & Record<string, unknown> : never;
export type AppAbility = MongoAbility<[PolicyAction, PolicySubject | 'all' | PolicyRecord<PolicySubject>]>;
export type PolicyRule = RawRuleOf<AppAbility>;

/** A record as the policy checks it: its fields, tagged with its subject type. */
export const policyRecord = (type: PolicySubject, record: object): PolicyRecord<PolicySubject> =>
  subject(type, { ...record }) as PolicyRecord<PolicySubject>;

/** `GET /api/me/abilities`: the rules as they apply to the signed-in user now. */
export interface MyAbilitiesView {
  rules: PolicyRule[];
}

/** Why a rule refuses; the API answers 403 with this code. */
export const CONFLICT_OF_INTEREST = 'CONFLICT_OF_INTEREST';

/** One cell of an exam's blueprint, or the questions a fixed list draws. */
export interface ExamDrawScope {
  organizationId: string;
  businessProcess: string;
  difficulty: number;
}

/** The facts about an actor that the policy reads; loaded afresh for every request. */
export interface PolicyActor {
  userId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  /** Roles as they apply now (see effectiveRoles): a client user holds `trainer` only while a qualification is valid. */
  roles: Role[];
  /** Client organizations a vendor trainer is assigned to serve. */
  assignedOrganizationIds: string[];
  /** Departments the actor manages, and all departments below them. */
  headedDepartmentIds: string[];
  /** Sessions the actor leads or assists. */
  ledSessionIds: string[];
  assistedSessionIds: string[];
  /** Sessions the actor is enrolled in as a trainee. */
  enrolledSessionIds: string[];
  /** Business processes covered by the actor's valid qualifications, as of now. */
  qualifiedProcesses: string[];
  /** Granted by an admin: a client user who may author the organization's question bank. */
  bankAuthor: boolean;
  /**
   * Exams the actor is assigned to or holds an attempt on, while something remains for them
   * to sit (an attempt not final, or another attempt possible in their window), and what
   * those exams can draw.
   */
  conflicts: { examIds: string[]; questionIds: string[]; cells: ExamDrawScope[] };
}

/** Whether the actor acts as a vendor trainer (for their own vendor and the clients they serve). */
export const isVendorTrainer = (actor: PolicyActor) =>
  actor.organizationKind === 'vendor' && actor.roles.includes('trainer');

/** Whether the actor is an internal trainer now: a client user with a valid qualification. */
export const isInternalTrainer = (actor: PolicyActor) =>
  actor.organizationKind === 'client' && actor.qualifiedProcesses.length > 0;

/** Roles as they apply now: a client user's trainer role is computed from their qualifications. */
export function effectiveRoles(actor: Pick<PolicyActor, 'roles' | 'organizationKind' | 'qualifiedProcesses'>): Role[] {
  const roles = actor.roles.filter((role) => role !== 'trainer' || actor.organizationKind === 'vendor');
  if (actor.organizationKind === 'client' && actor.qualifiedProcesses.length > 0) roles.push('trainer');
  return [...new Set(roles)];
}

export function defineRulesFor(actor: PolicyActor): PolicyRule[] {
  const { can, cannot, rules } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const me = actor.userId;
  const own = actor.organizationId;
  const roles = actor.roles;
  const vendorTrainer = isVendorTrainer(actor);
  const internalTrainer = isInternalTrainer(actor);
  const manager = roles.includes('manager');
  const trainerSessions = [...actor.ledSessionIds, ...actor.assistedSessionIds];
  const served = vendorTrainer ? [own, ...actor.assignedOrganizationIds] : [own];

  // Everyone signed in.
  can('read', 'Organization', { id: { $in: served } });
  can('read', 'Department', { organizationId: { $in: served } });
  can('read', 'User', { id: me });
  can('read', 'Session', { id: { $in: [...actor.enrolledSessionIds, ...trainerSessions] } });
  can('create', 'TrainingIssue', { organizationId: own });
  can('read', 'TrainingIssue', { reportedBy: me });
  can('sit', 'Exam', { assigned: true });
  can('read', 'Exam', { assigned: true });
  // The plans that name them or schedule them: goals, modules and their materials.
  can('read', 'TrainingPlan', { concernsMe: true });
  can('read', 'Attempt', { userId: me });
  can('read', 'Qualification', { userId: me });
  can('read', 'FeedbackSummary', { trainerId: me, kind: 'trainer' });
  // Tracks say what it takes to qualify; everyone may read their organization's.
  can('read', 'QualificationTrack', { organizationId: own });
  can('read', 'File', { uploadedBy: me });

  if (roles.includes('admin')) {
    can('manage', 'all');
  }

  if (vendorTrainer) {
    const inServed = { organizationId: { $in: served } };
    can('read', 'User', inServed);
    can('read', 'RecognitionPolicy', { organizationId: { $in: served } });
    can(['read', 'create', 'update', 'run'], 'TrainingPlan', inServed);
    can(['read', 'create', 'update', 'staff', 'enroll'], 'Session', inServed);
    can('readAttendance', 'Session', inServed);
    can(['showCheckInCode', 'markAttendance'], 'Session', { id: { $in: trainerSessions } });
    can(['read', 'update'], 'TrainingIssue', inServed);
    can(['read', 'create', 'update', 'delete', 'import', 'correctKey'], ['Question', 'Scenario'], inServed);
    can(['read', 'create', 'update', 'readResults', 'release'], 'Exam', inServed);
    can(['read', 'grade'], 'Attempt', inServed);
    can(['read', 'create', 'update', 'delete'], 'FeedbackForm', inServed);
    can('read', 'FeedbackSummary', inServed);
    can(['read', 'create', 'update'], 'QualificationTrack', inServed);
    can(['read', 'nominate', 'revoke', 'signTeachBack'], 'Qualification', inServed);
    can('read', 'Cascade', inServed);
    can(['read', 'create'], 'File', inServed);
  }

  if (internalTrainer) {
    const inOwn = { organizationId: own };
    const processes = { $in: actor.qualifiedProcesses };
    can('read', 'User', inOwn);
    can(['read', 'create', 'update', 'run'], 'TrainingPlan', inOwn);
    can('create', 'Session', { organizationId: own, businessProcess: processes });
    if (actor.ledSessionIds.length > 0)
      can(['update', 'staff', 'enroll'], 'Session', { id: { $in: actor.ledSessionIds } });
    can(['read', 'update'], 'TrainingIssue', inOwn);
    // Exams of the sessions they train (none until they train one); the bank only when an
    // admin granted authoring.
    if (trainerSessions.length > 0) {
      const theirs = { organizationId: own, sessionId: { $in: trainerSessions } };
      can(['read', 'readResults', 'release'], 'Exam', theirs);
      can(['read', 'grade'], 'Attempt', theirs);
      can('read', 'FeedbackSummary', theirs);
    }
    can('read', 'FeedbackForm', inOwn);
    can('read', 'QualificationTrack', inOwn);
    can('create', 'File', inOwn);
  }
  // Session trainers (an assistant may still be a candidate) run their own sessions' sign-in.
  if (trainerSessions.length > 0) {
    can('read', 'Session', { id: { $in: trainerSessions } });
    can(['readAttendance', 'showCheckInCode', 'markAttendance'], 'Session', { id: { $in: trainerSessions } });
    can('read', 'FeedbackSummary', { sessionId: { $in: trainerSessions } });
  }
  if (actor.organizationKind === 'client' && actor.bankAuthor) {
    const inOwn = { organizationId: own };
    can(['read', 'create', 'update', 'delete', 'import', 'correctKey'], ['Question', 'Scenario'], inOwn);
    can(['read', 'create', 'update'], 'Exam', inOwn);
  }

  if (manager) {
    const inOwn = { organizationId: own };
    const headed = { $in: actor.headedDepartmentIds };
    can(['read', 'update'], 'RecognitionPolicy', inOwn);
    can('read', 'User', inOwn);
    can(['read', 'confirm'], 'TrainingPlan', inOwn);
    can(['read', 'readAttendance', 'enroll'], 'Session', inOwn);
    // Scenarios tell the business story; the questions, with their keys, stay with the bank's authors.
    can('read', 'Scenario', inOwn);
    can(['read', 'update'], 'TrainingIssue', inOwn);
    // Departments below the ones they head; only an admin names a department's manager.
    can('create', 'Department', { organizationId: own, parentId: headed });
    can(['update', 'delete'], 'Department', ['name', 'parentId'], { id: headed });
    can('read', 'Exam', inOwn);
    // Named results only of the people in the departments they head; aggregates elsewhere.
    can('readResults', 'Exam', { organizationId: own, departmentId: headed });
    can('read', 'Attempt', { organizationId: own, departmentId: headed });
    can('read', 'FeedbackForm', inOwn);
    can('read', 'FeedbackSummary', inOwn);
    can('read', 'QualificationTrack', inOwn);
    can('read', 'Qualification', inOwn);
    can('nominate', 'Qualification', { organizationId: own, departmentId: headed });
    can('read', 'Cascade', inOwn);
    can(['read', 'create', 'update', 'delete'], 'Webhook', inOwn);
    can('create', 'File', inOwn);
  }

  // Conflict of interest: whoever sits an exam neither sees what it can draw nor acts on it.
  const { examIds, questionIds, cells } = actor.conflicts;
  if (examIds.length > 0) {
    cannot(['update', 'readResults', 'release'], 'Exam', { id: { $in: examIds } }).because(CONFLICT_OF_INTEREST);
    cannot('grade', 'Attempt', { examId: { $in: examIds } }).because(CONFLICT_OF_INTEREST);
    cannot(['read', 'update', 'delete', 'correctKey'], 'Question', { id: { $in: questionIds } }).because(
      CONFLICT_OF_INTEREST,
    );
    for (const cell of cells) {
      cannot(['read', 'update', 'delete', 'correctKey'], 'Question', { ...cell }).because(CONFLICT_OF_INTEREST);
    }
  }
  // Only a candidate sits an exam, whatever their roles: anyone else's attempt would skew its results.
  cannot('sit', 'Exam', { assigned: { $ne: true } });
  // Nobody marks their own attendance or staffs a session they are enrolled in.
  cannot('markAttendance', 'Session', { attendeeId: me });
  if (actor.enrolledSessionIds.length > 0) {
    cannot(['staff', 'showCheckInCode', 'markAttendance'], 'Session', { id: { $in: actor.enrolledSessionIds } });
  }
  if (examIds.length > 0) {
    cannot('read', 'Attempt', { examId: { $in: examIds }, userId: { $ne: me } }).because(CONFLICT_OF_INTEREST);
  }
  // Only admins name who manages a department.
  if (!roles.includes('admin')) cannot(['create', 'update'], 'Department', 'managerId');
  return rules;
}

export function buildAbility(rules: PolicyRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}

export function defineAbilityFor(actor: PolicyActor): AppAbility {
  return buildAbility(defineRulesFor(actor));
}
