import {
  type AppAbility,
  buildAbility,
  type MyAbilitiesView,
  type PolicyAction,
  type PolicySubject,
  type PolicyRule,
} from '@cascade/contracts';
import { httpClient } from './httpClient';

const RULES = 'cascade.abilityRules';
/** Rules follow relationships that change (a qualification lapses, a session is assigned): read them again this often. */
const REFRESH_MS = 60_000;

/**
 * The signed-in user's abilities: the API's own rules (`GET /api/me/abilities`), so the console
 * offers exactly what the API would allow. The API still checks every request. Components read
 * it through @casl/react (`AbilityProvider` in App, `useAbility`, `Can`); react-admin's
 * `canAccess` reads it through `canAccess` below.
 */
export const ability: AppAbility = buildAbility(stored());

let loadedAt = 0;

function stored(): PolicyRule[] {
  try {
    return JSON.parse(localStorage.getItem(RULES) ?? '[]') as PolicyRule[];
  } catch {
    return [];
  }
}

export async function loadAbilities(): Promise<void> {
  const { json } = await httpClient<MyAbilitiesView>('/me/abilities');
  localStorage.setItem(RULES, JSON.stringify(json.rules));
  ability.update(json.rules);
  loadedAt = Date.now();
}

/** Loads the rules when they are missing or old; a failed refresh keeps the ones held. */
export async function freshAbilities(): Promise<void> {
  if (Date.now() - loadedAt < REFRESH_MS) return;
  await loadAbilities().catch(() => undefined);
}

export function forgetAbilities(): void {
  localStorage.removeItem(RULES);
  ability.update([]);
  loadedAt = 0;
}

type Need = readonly [PolicyAction | readonly PolicyAction[], PolicySubject] | 'signed-in';

const READ = (subject: PolicySubject): Record<string, Need> => ({
  list: ['read', subject],
  show: ['read', subject],
});
const CRUD = (subject: PolicySubject): Record<string, Need> => ({
  ...READ(subject),
  create: ['create', subject],
  edit: ['update', subject],
  delete: ['delete', subject],
});

/**
 * What each page and button of the console needs from the policy. react-admin asks for
 * (resource, action); lists of records are for the people who run them, so a trainee finds
 * their own sessions and exams under "My …" instead.
 */
const NEEDS: Record<string, Record<string, Need>> = {
  organizations: {
    ...CRUD('Organization'),
    'recognition-policy': ['read', 'RecognitionPolicy'],
    'set-recognition-policy': ['update', 'RecognitionPolicy'],
  },
  departments: CRUD('Department'),
  users: { ...CRUD('User'), import: ['create', 'User'], 'trainer-feedback': ['read', 'FeedbackSummary'] },
  'audit-entries': READ('AuditEntry'),
  'training-plans': {
    ...CRUD('TrainingPlan'),
    // The list is for those who write or confirm plans; a trainee reaches theirs from their sessions.
    list: [['create', 'confirm'], 'TrainingPlan'],
    submit: ['run', 'TrainingPlan'],
    start: ['run', 'TrainingPlan'],
    complete: ['run', 'TrainingPlan'],
    confirm: ['confirm', 'TrainingPlan'],
    return: ['confirm', 'TrainingPlan'],
    cancel: [['run', 'confirm'], 'TrainingPlan'],
    'choose-form': ['update', 'TrainingPlan'],
  },
  sessions: {
    list: ['readAttendance', 'Session'],
    show: ['read', 'Session'],
    create: ['create', 'Session'],
    edit: ['update', 'Session'],
    cancel: ['update', 'Session'],
    'check-in': ['showCheckInCode', 'Session'],
    attendance: ['readAttendance', 'Session'],
    mark: ['markAttendance', 'Session'],
    enroll: ['enroll', 'Session'],
    feedback: ['read', 'FeedbackSummary'],
    'choose-form': ['update', 'Session'],
    mine: 'signed-in',
  },
  'training-issues': {
    ...READ('TrainingIssue'),
    create: ['create', 'TrainingIssue'],
    edit: ['update', 'TrainingIssue'],
    handle: ['update', 'TrainingIssue'],
  },
  questions: { ...CRUD('Question'), import: ['import', 'Question'] },
  scenarios: { ...CRUD('Scenario'), import: ['import', 'Question'] },
  exams: {
    list: [['update', 'readResults'], 'Exam'],
    show: [['update', 'readResults'], 'Exam'],
    create: ['create', 'Exam'],
    edit: ['update', 'Exam'],
    grade: ['grade', 'Attempt'],
    release: ['release', 'Exam'],
    digests: ['readResults', 'Exam'],
    mine: 'signed-in',
  },
  'feedback-forms': CRUD('FeedbackForm'),
  webhooks: CRUD('Webhook'),
  'qualification-tracks': {
    list: [['update', 'nominate'], 'QualificationTrack'],
    show: ['read', 'QualificationTrack'],
    create: ['create', 'QualificationTrack'],
    edit: ['update', 'QualificationTrack'],
    nominate: ['nominate', 'Qualification'],
    'teach-back': ['signTeachBack', 'Qualification'],
  },
  cascade: READ('Cascade'),
  'feedback-requests': { mine: 'signed-in' },
};

export function canAccess(resource: string, action: string): boolean {
  const need = NEEDS[resource]?.[action];
  if (!need) return false;
  if (need === 'signed-in') return true;
  const [actions, subject] = need;
  return [actions].flat().some((one) => ability.can(one, subject));
}
