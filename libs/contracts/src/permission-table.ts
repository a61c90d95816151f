import { defineAbilityFor, PolicyAction, PolicyActor, PolicySubject, policyRecord } from './permissions';

/**
 * Who may do what, as a table people can read: each row is something done to one record of
 * the demo's kind, each column an actor in a relationship to it. Rendered from the policy
 * itself into docs/permissions.md, and a test fails if that file and the policy disagree.
 */
const CLIENT = 'client-a';
const OTHER_CLIENT = 'client-b';
const VENDOR = 'vendor';
const SESSION = 'session-1';
const EXAM = 'exam-post';
const DEPARTMENT = 'dept-purchasing';
const OTHER_DEPARTMENT = 'dept-finance';
const PROCESS = '采购 / 订单';

const base = (over: Partial<PolicyActor>): PolicyActor => ({
  userId: 'someone',
  organizationId: CLIENT,
  organizationKind: 'client',
  roles: ['trainee'],
  assignedOrganizationIds: [],
  headedDepartmentIds: [],
  ledSessionIds: [],
  assistedSessionIds: [],
  enrolledSessionIds: [],
  qualifiedProcesses: [],
  bankAuthor: false,
  conflicts: { examIds: [], questionIds: [], cells: [] },
  ...over,
});

const sitting = {
  examIds: [EXAM],
  questionIds: [],
  cells: [{ organizationId: CLIENT, businessProcess: PROCESS, difficulty: 3 }],
};

export const TABLE_ACTORS: { key: string; label: string; actor: PolicyActor }[] = [
  {
    key: 'admin',
    label: 'Admin',
    actor: base({ userId: 'admin', organizationId: VENDOR, organizationKind: 'vendor', roles: ['admin'] }),
  },
  {
    key: 'vendorServing',
    label: 'Vendor trainer serving the client',
    actor: base({
      userId: 'li',
      organizationId: VENDOR,
      organizationKind: 'vendor',
      roles: ['trainer'],
      assignedOrganizationIds: [CLIENT],
    }),
  },
  {
    key: 'vendorOther',
    label: 'Vendor trainer not serving it',
    actor: base({
      userId: 'zhao',
      organizationId: VENDOR,
      organizationKind: 'vendor',
      roles: ['trainer'],
      assignedOrganizationIds: [OTHER_CLIENT],
    }),
  },
  {
    key: 'internalAssigned',
    label: 'Internal trainer leading the session, assigned the exam',
    actor: base({
      userId: 'zhang',
      roles: ['trainee', 'trainer'],
      qualifiedProcesses: [PROCESS],
      ledSessionIds: [SESSION],
      conflicts: sitting,
    }),
  },
  {
    key: 'internalFree',
    label: 'Internal trainer leading the session, not assigned',
    actor: base({
      userId: 'liu',
      roles: ['trainee', 'trainer'],
      qualifiedProcesses: [PROCESS],
      ledSessionIds: [SESSION],
    }),
  },
  {
    key: 'internalExpired',
    label: 'Internal trainer whose qualification expired',
    actor: base({ userId: 'sun', roles: ['trainee', 'trainer'], qualifiedProcesses: [], assistedSessionIds: [] }),
  },
  {
    key: 'managerOfDept',
    label: "Manager heading the trainee's department",
    actor: base({ userId: 'wang', roles: ['manager'], headedDepartmentIds: [DEPARTMENT] }),
  },
  {
    key: 'managerOther',
    label: 'Manager of another department',
    actor: base({ userId: 'chen', roles: ['manager'], headedDepartmentIds: [OTHER_DEPARTMENT] }),
  },
  {
    key: 'trainee',
    label: 'Trainee enrolled in the session, assigned the exam',
    actor: base({ userId: 'trainee', enrolledSessionIds: [SESSION], conflicts: sitting }),
  },
  {
    key: 'otherClientTrainee',
    label: 'Trainee of another client',
    actor: base({ userId: 'other', organizationId: OTHER_CLIENT }),
  },
];

interface Row {
  label: string;
  action: PolicyAction;
  subject: PolicySubject;
  record: Record<string, unknown>;
  field?: string;
}

const exam = { id: EXAM, organizationId: CLIENT, sessionId: SESSION, assigned: false };
const question = { id: 'q-1', organizationId: CLIENT, businessProcess: PROCESS, difficulty: 3 };
const session = { id: SESSION, organizationId: CLIENT, businessProcess: PROCESS };
const attempt = {
  id: 'a-1',
  organizationId: CLIENT,
  sessionId: SESSION,
  examId: EXAM,
  userId: 'someone-else',
  departmentId: DEPARTMENT,
};

export const TABLE_ROWS: Row[] = [
  { label: 'Read a question of the bank, with its key', action: 'read', subject: 'Question', record: question },
  { label: 'Edit a question', action: 'update', subject: 'Question', record: question },
  { label: 'Correct a used question’s key', action: 'correctKey', subject: 'Question', record: question },
  { label: 'Read a scenario', action: 'read', subject: 'Scenario', record: { organizationId: CLIENT } },
  {
    label: 'Create an exam for the client',
    action: 'create',
    subject: 'Exam',
    record: { organizationId: CLIENT, sessionId: SESSION },
  },
  { label: 'Edit the exam or its overrides', action: 'update', subject: 'Exam', record: exam },
  {
    label: 'Read everyone’s named results and the item analysis',
    action: 'readResults',
    subject: 'Exam',
    record: exam,
  },
  {
    label: 'Read the named results of the purchasing department',
    action: 'readResults',
    subject: 'Exam',
    record: { ...exam, departmentId: DEPARTMENT },
  },
  { label: 'Release the results', action: 'release', subject: 'Exam', record: exam },
  { label: 'Grade an attempt of the exam', action: 'grade', subject: 'Attempt', record: attempt },
  { label: 'Read another person’s attempt', action: 'read', subject: 'Attempt', record: attempt },
  {
    label: 'Start an attempt on an exam assigned to them',
    action: 'sit',
    subject: 'Exam',
    record: { ...exam, assigned: true },
  },
  { label: 'Start an attempt on an exam not assigned to them', action: 'sit', subject: 'Exam', record: exam },
  { label: 'Create a session for a process', action: 'create', subject: 'Session', record: session },
  { label: 'Change the session’s trainers', action: 'staff', subject: 'Session', record: session },
  { label: 'Show the session’s check-in code', action: 'showCheckInCode', subject: 'Session', record: session },
  {
    label: 'Mark someone else’s attendance',
    action: 'markAttendance',
    subject: 'Session',
    record: { ...session, attendeeId: 'x' },
  },
  { label: 'Read the attendance sheet', action: 'readAttendance', subject: 'Session', record: session },
  {
    label: 'Rename a department they head',
    action: 'update',
    subject: 'Department',
    record: { id: DEPARTMENT, organizationId: CLIENT },
    field: 'name',
  },
  {
    label: 'Name a department’s manager',
    action: 'update',
    subject: 'Department',
    record: { id: DEPARTMENT, organizationId: CLIENT },
    field: 'managerId',
  },
  {
    label: 'Nominate someone for qualification',
    action: 'nominate',
    subject: 'Qualification',
    record: { organizationId: CLIENT, departmentId: DEPARTMENT },
  },
  { label: 'Revoke a qualification', action: 'revoke', subject: 'Qualification', record: { organizationId: CLIENT } },
  {
    label: 'Read every file of the organization',
    action: 'read',
    subject: 'File',
    record: { organizationId: CLIENT, uploadedBy: 'x' },
  },
  { label: 'Read the client’s audit log', action: 'read', subject: 'AuditEntry', record: { organizationId: CLIENT } },
];

/** The outcome of every row for every actor, from the policy. */
export function permissionTable(): { row: Row; allowed: Record<string, boolean> }[] {
  const abilities = TABLE_ACTORS.map(({ key, actor }) => ({ key, ability: defineAbilityFor(actor) }));
  return TABLE_ROWS.map((row) => ({
    row,
    allowed: Object.fromEntries(
      abilities.map(({ key, ability }) => [
        key,
        ability.can(row.action, policyRecord(row.subject, row.record), row.field),
      ]),
    ),
  }));
}

export function renderPermissionTable(): string {
  const header = [
    '# Who may do what',
    '',
    'Generated from the permission policy (`libs/contracts/src/permissions.ts`) by',
    '`libs/contracts/src/permission-table.ts`; a test fails when this file and the policy disagree',
    '(regenerate with `UPDATE_PERMISSIONS_DOC=1 npx jest libs/contracts/src/permission-table.spec.ts`).',
    '',
    'Each row is done to a record of client A: an exam of a session, sat by its trainee and by',
    'an internal trainer who leads the session; a question that exam can draw; an attempt by',
    'someone of the purchasing department. ✓ allowed, — refused. Refused reads answer 404;',
    'refused actions 403, with `CONFLICT_OF_INTEREST` for someone who still sits the exam.',
    '',
    'Relationships decide, not roles alone: a client user is a trainer only while a qualification',
    'is valid, for its business processes and the sessions they lead or assist; whoever is',
    'assigned an exam or holds an attempt on it may not read what it draws, act on it, read',
    "others' results or grade it until nothing remains for them to sit; a manager reads named",
    'results only of the departments they head (and those below), and only an admin names',
    "a department's manager.",
    '',
    'Actors:',
    '',
    ...TABLE_ACTORS.map(({ key, label }) => `- **${key}**: ${label}`),
    '',
  ];
  const columns = TABLE_ACTORS.map(({ key }) => key);
  const lines = [
    `| | ${columns.join(' | ')} |`,
    `|---|${columns.map(() => ':-:').join('|')}|`,
    ...permissionTable().map(
      ({ row, allowed }) => `| ${row.label} | ${columns.map((key) => (allowed[key] ? '✓' : '—')).join(' | ')} |`,
    ),
  ];
  return [...header, ...lines, ''].join('\n');
}
