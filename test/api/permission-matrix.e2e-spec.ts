import {
  AppAbility,
  buildAbility,
  CLIENT_HEADER,
  defineAbilityFor,
  PolicyAction,
  policyRecord,
  PolicySubject,
} from '@cascade/contracts';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import {
  createPermissionWorld,
  DeclaredRoute,
  declaredRoutes,
  minutesFromNow,
  PERMISSION_ACTORS,
  PermissionActor,
  PermissionWorld,
  startTestApi,
  TestApi,
} from '@cascade/server/testing';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
// The table is the policy's own rendering of docs/permissions.md; the contracts' index does not export it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { permissionTable, TABLE_ACTORS, TABLE_ROWS } from '../../libs/contracts/src/permission-table';

/**
 * Every route of the API against the permission policy, for the ten actors of the permission
 * table built as real users of a real world. At the guard: a route whose `@Can` the actor's
 * own rules (GET /api/me/abilities) allow on some record is not refused with 403, and one they
 * allow on none is. Reads of the world's records by id answer exactly where those rules allow
 * reading that record. And each row of docs/permissions.md, done through the route that does
 * it, succeeds exactly where the table says ✓.
 */

/** How a route is reached: its decorators must say the same (public, any signed-in user, or `@Can`). */
type Access = 'public' | 'signed-in' | 'guarded';

/** The world's records a GET's path (or query) parameters are filled with. */
type RecordName =
  | 'attempt'
  | 'auditEntry'
  | 'calendarFile'
  | 'certificate'
  | 'clientA'
  | 'department'
  | 'exam'
  | 'feedbackForm'
  | 'file'
  | 'issue'
  | 'plan'
  | 'qualification'
  | 'question'
  | 'scenario'
  | 'session'
  | 'teachBack'
  | 'track'
  | 'trainer'
  | 'user'
  | 'verificationCode'
  | 'webhook';

interface RouteEntry {
  access: Access;
  params?: Partial<Record<string, RecordName>>;
  query?: Partial<Record<string, RecordName>>;
  /** A write whose probe may succeed without harm (the caller's own settings). */
  harmless?: boolean;
  /** A body that passes validation (naming records that do not exist), where the service decides before any lookup. */
  probeBody?: () => object;
}

const pub = (params?: RouteEntry['params']): RouteEntry => ({ access: 'public', params });
const open = (params?: RouteEntry['params']): RouteEntry => ({ access: 'signed-in', params });
const can = (params?: RouteEntry['params']): RouteEntry => ({ access: 'guarded', params });
const id = (record: RecordName) => ({ id: record });

/**
 * Every route of the OpenAPI document. A route missing here fails the test: each new route is
 * classified on purpose. Which ability a guarded route needs is read from its `@Can`, not from here.
 */
const ROUTES: Record<string, RouteEntry> = {
  'GET /health': pub(),
  'POST /api/auth/login': pub(),
  'POST /api/auth/refresh': pub(),
  'POST /api/auth/logout': { ...pub(), harmless: true },
  'GET /api/auth/me': open(),
  'POST /api/auth/password': open(),
  'POST /api/auth/forgot-password': pub(),
  'POST /api/auth/reset-password': pub(),
  'GET /api/verify/{code}': pub({ code: 'verificationCode' }),
  'GET /api/calendar/{file}': pub({ file: 'calendarFile' }),

  'GET /api/me/abilities': open(),
  'GET /api/me/calendar': open(),
  'POST /api/me/calendar/reset': { ...open(), harmless: true },
  'GET /api/me/exams': open(),
  'GET /api/me/feedback-requests': open(),
  'GET /api/me/notification-preferences': open(),
  'PUT /api/me/notification-preferences': { ...open(), harmless: true },
  'GET /api/me/notifications': open(),
  'GET /api/me/notifications/unread-count': open(),
  'POST /api/me/notifications/{id}/read': open(),

  'GET /api/organizations': open(),
  'POST /api/organizations': can(),
  'GET /api/organizations/{id}': open(id('clientA')),
  'PATCH /api/organizations/{id}': can(),
  'GET /api/organizations/{id}/recognition-policy': can(id('clientA')),
  'PUT /api/organizations/{id}/recognition-policy': can(),

  'GET /api/departments': open(),
  'POST /api/departments': can(),
  'GET /api/departments/{id}': open(id('department')),
  'PATCH /api/departments/{id}': can(),
  'DELETE /api/departments/{id}': can(),

  'GET /api/users': open(),
  'POST /api/users': can(),
  'POST /api/users/import': can(),
  'GET /api/users/{id}': open(id('user')),
  'PATCH /api/users/{id}': can(),
  'POST /api/users/{id}/activate': can(),
  'POST /api/users/{id}/deactivate': can(),
  'POST /api/users/{id}/password-reset': can(),
  'GET /api/users/{id}/trainer-feedback': can(id('trainer')),

  'GET /api/audit-entries': can(),
  'GET /api/audit-entries/{id}': can(id('auditEntry')),

  'GET /api/training-plans': open(),
  'POST /api/training-plans': can(),
  'GET /api/training-plans/{id}': open(id('plan')),
  'PATCH /api/training-plans/{id}': can(),
  'POST /api/training-plans/{id}/submit': can(),
  'POST /api/training-plans/{id}/confirm': can(),
  'POST /api/training-plans/{id}/return': can(),
  'POST /api/training-plans/{id}/start': can(),
  'POST /api/training-plans/{id}/complete': can(),
  'POST /api/training-plans/{id}/cancel': can(),
  'GET /api/training-plans/{id}/revisions': can(id('plan')),
  'GET /api/training-plans/{id}/attendance-summary': can(id('plan')),
  'GET /api/training-plans/{id}/document.pdf': can(id('plan')),
  'GET /api/training-plans/{id}/feedback-form': can(id('plan')),
  'PUT /api/training-plans/{id}/feedback-form': can(),
  'GET /api/training-plans/{id}/learning-gain': can(id('plan')),

  'GET /api/sessions': open(),
  'POST /api/sessions': can(),
  'GET /api/sessions/eligible-leads': can(),
  'GET /api/sessions/{id}': open(id('session')),
  'PATCH /api/sessions/{id}': can(),
  'POST /api/sessions/{id}/cancel': can(),
  'POST /api/sessions/{id}/enrollments': can(),
  'DELETE /api/sessions/{id}/enrollments/{userId}': can(),
  'POST /api/sessions/{id}/respond': open(),
  'GET /api/sessions/{id}/check-in-code': can(id('session')),
  'POST /api/sessions/{id}/check-ins': open(),
  'GET /api/sessions/{id}/attendance': can(id('session')),
  'POST /api/sessions/{id}/attendance': can(),
  'GET /api/sessions/{id}/attendance.xlsx': can(id('session')),
  'POST /api/sessions/{id}/check-in-entries/{userId}/reopen': can(),
  'GET /api/sessions/{id}/calendar.ics': open(id('session')),
  'POST /api/sessions/{id}/feedback': open(),
  'GET /api/sessions/{id}/feedback-form': can(id('session')),
  'PUT /api/sessions/{id}/feedback-form': can(),
  'GET /api/sessions/{id}/feedback-summary': can(id('session')),

  'GET /api/training-issues': open(),
  'POST /api/training-issues': open(),
  'GET /api/training-issues/{id}': open(id('issue')),
  'PATCH /api/training-issues/{id}': can(),
  'POST /api/training-issues/{id}/start': can(),
  'POST /api/training-issues/{id}/resolve': can(),
  'POST /api/training-issues/{id}/reject': can(),
  'POST /api/training-issues/{id}/defer': can(),
  'POST /api/training-issues/{id}/reopen': can(),

  'GET /api/scenarios': can(),
  'POST /api/scenarios': can(),
  'GET /api/scenarios/{id}': can(id('scenario')),
  'PATCH /api/scenarios/{id}': can(),
  'DELETE /api/scenarios/{id}': can(),

  'GET /api/questions': can(),
  'POST /api/questions': can(),
  'POST /api/questions/copy': can(),
  'POST /api/questions/import': can(),
  'GET /api/questions/import-template.xlsx': can(),
  'GET /api/questions/{id}': can(id('question')),
  'PATCH /api/questions/{id}': can(),
  'DELETE /api/questions/{id}': can(),
  'GET /api/questions/{id}/versions': can(id('question')),
  'GET /api/questions/{id}/trainee-view': can(id('question')),
  'GET /api/questions/{id}/key-corrections': can(id('question')),
  'POST /api/questions/{id}/key-corrections': can(),

  'GET /api/exams': open(),
  'POST /api/exams': can(),
  'GET /api/exams/{id}': open(id('exam')),
  'PATCH /api/exams/{id}': can(),
  'GET /api/exams/{id}/blueprint-check': can(id('exam')),
  'POST /api/exams/{id}/attempts': open(),
  'GET /api/exams/{id}/results': can(id('exam')),
  'GET /api/exams/{id}/results.xlsx': can(id('exam')),
  'GET /api/exams/{id}/item-analysis': can(id('exam')),
  'GET /api/exams/{id}/digests': can(id('exam')),
  'GET /api/exams/{id}/follow-up': can(id('exam')),
  'POST /api/exams/{id}/release-results': can(),

  'GET /api/attempts/{id}': open(id('attempt')),
  'PUT /api/attempts/{id}/answers/{questionId}': open(),
  'POST /api/attempts/{id}/submit': open(),
  'POST /api/attempts/{id}/answers/{questionId}/grade': can(),
  'GET /api/grading/pending': can(),

  'GET /api/feedback-forms': can(),
  'POST /api/feedback-forms': can(),
  'GET /api/feedback-forms/{id}': can(id('feedbackForm')),
  'PATCH /api/feedback-forms/{id}': can(),
  'DELETE /api/feedback-forms/{id}': can(),

  'GET /api/qualification-tracks': can(),
  'POST /api/qualification-tracks': can(),
  'GET /api/qualification-tracks/{id}': can(id('track')),
  'PATCH /api/qualification-tracks/{id}': can(),
  'GET /api/qualifications': can(),
  'POST /api/qualifications': can(),
  'GET /api/qualifications/{id}': can(id('qualification')),
  'POST /api/qualifications/{id}/evaluate': can(),
  'POST /api/qualifications/{id}/revoke': can(),
  'GET /api/teach-backs': open(),
  'POST /api/teach-backs': {
    ...can(),
    probeBody: () => ({ trackId: randomUUID(), candidateId: randomUUID(), items: [{ label: '试讲', result: 'pass' }] }),
  },
  'GET /api/teach-backs/{id}': open(id('teachBack')),
  'PATCH /api/teach-backs/{id}': can(),
  'POST /api/teach-backs/{id}/sign': can(),

  'GET /api/cascade/lineage': { ...can(), query: { organizationId: 'clientA' } },
  'GET /api/cascade/coverage': { ...can(), query: { organizationId: 'clientA' } },

  'GET /api/certificates': open(),
  'GET /api/certificates/{id}': open(id('certificate')),
  'GET /api/certificates/{id}/pdf': open(id('certificate')),

  'POST /api/files': can(),
  'GET /api/files/{id}': open(id('file')),

  'GET /api/webhooks': can(),
  'POST /api/webhooks': can(),
  'GET /api/webhooks/{id}': can(id('webhook')),
  'PATCH /api/webhooks/{id}': can(),
  'DELETE /api/webhooks/{id}': can(),
  'GET /api/webhooks/{id}/deliveries': can(id('webhook')),
  'POST /api/webhooks/{id}/rotate-secret': can(),
};

/** Actions refused as 404 (core/abilities.ts): a read on a real record tells the guard from the service. */
const READS: PolicyAction[] = ['read', 'readResults', 'readAttendance'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Mismatch {
  route: string;
  actor: PermissionActor;
  expected: string;
  got: string;
}

const keyOf = (route: { method: string; path: string }) => `${route.method.toUpperCase()} ${route.path}`;
const answered = (response: Response) => `${response.status}${response.body?.code ? ` ${response.body.code}` : ''}`;

describe('every route against the permission policy, for the ten actors of the table', () => {
  let api: TestApi;
  let w: PermissionWorld;
  let routes: DeclaredRoute[];
  let documented: string[];
  const abilities = {} as Record<PermissionActor, AppAbility>;

  /** Every disagreement between the server and the policy, named with its route and actor. */
  const expectNone = (found: Mismatch[]) => expect(found).toEqual([]);

  const send = (method: Method, url: string, token: string | null, body?: object) => {
    // The client header guards against forged cross-site requests, not who may do what: always sent.
    const request = api.http()[method](url).set(CLIENT_HEADER, 'console');
    if (token) request.set('authorization', token);
    return method === 'get' || method === 'delete' ? request : request.send(body ?? {});
  };
  const as = (actor: PermissionActor) => ({
    get: (url: string) => send('get', url, w.tokens[actor]),
    post: (url: string, body: object = {}) => send('post', url, w.tokens[actor], body),
    patch: (url: string, body: object) => send('patch', url, w.tokens[actor], body),
  });

  beforeAll(async () => {
    api = await startTestApi({ WEBHOOKS_ALLOW_PRIVATE: 'true' });
    const tableProcess = TABLE_ACTORS.find((a) => a.key === 'internalAssigned')!.actor.qualifiedProcesses[0];
    w = await createPermissionWorld(api, tableProcess);
    routes = declaredRoutes(api.app);
    const paths = (await api.http().get('/api/docs-json')).body.paths as Record<string, Record<string, unknown>>;
    documented = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => keyOf({ method, path })),
    );
    await Promise.all(
      PERMISSION_ACTORS.map(async (actor) => {
        const response = await as(actor).get('/api/me/abilities');
        expect(response.status).toBe(200);
        abilities[actor] = buildAbility(response.body.rules);
      }),
    );
  }, 90_000);
  afterAll(() => api?.close());

  it('classifies every route of the OpenAPI document, as its decorators do', () => {
    expect(documented.length).toBeGreaterThan(100);
    expect({ unclassified: documented.filter((route) => !(route in ROUTES)) }).toEqual({ unclassified: [] });
    expect({ stale: Object.keys(ROUTES).filter((route) => !documented.includes(route)) }).toEqual({ stale: [] });
    // The controllers declare the same routes the document lists, so the guard's metadata covers them all.
    expect(routes.map(keyOf).sort()).toEqual([...documented].sort());
    const misclassified = routes
      .map((route) => ({
        route: keyOf(route),
        declared: ROUTES[keyOf(route)]?.access,
        decorators: route.public ? 'public' : route.ability ? 'guarded' : 'signed-in',
      }))
      .filter((r) => r.declared !== r.decorators);
    expect(misclassified).toEqual([]);
  });

  it('builds the ten actors as the permission table describes them', () => {
    expect([...PERMISSION_ACTORS].sort()).toEqual(TABLE_ACTORS.map((a) => a.key).sort());
    // The table's placeholder ids, as the world's records.
    const live: Record<string, string> = {
      'client-a': w.world.clientA.id,
      'client-b': w.world.clientB.id,
      vendor: w.world.vendor.id,
      'session-1': w.sessionId,
      'exam-post': w.examId,
      'dept-purchasing': w.purchasingId,
      'dept-finance': w.financeId,
      'q-1': w.questionId,
      'a-1': w.peerAttemptId,
      'someone-else': w.peer.id,
      x: w.helper.id,
    };
    const liveRecord = (record: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? (live[v] ?? v) : v]));
    // Each row's record, and the same of the other department and of the other client, so the
    // departments each manager heads and the clients each vendor trainer serves are checked too.
    const variants = (row: (typeof TABLE_ROWS)[number]) => [
      row.record,
      ...('departmentId' in row.record ? [{ ...row.record, departmentId: 'dept-finance' }] : []),
      ...(row.subject === 'Department' ? [{ ...row.record, id: 'dept-finance' }] : []),
      ...('organizationId' in row.record ? [{ ...row.record, organizationId: 'client-b' }] : []),
    ];
    const differences = TABLE_ACTORS.flatMap(({ key, actor }) => {
      const described = defineAbilityFor(actor);
      const built = abilities[key as PermissionActor];
      return TABLE_ROWS.flatMap((row) =>
        variants(row)
          .map((record) => ({
            row: row.label,
            record,
            actor: key,
            table: described.can(row.action, policyRecord(row.subject, record), row.field),
            world: built.can(row.action, policyRecord(row.subject, liveRecord(record)), row.field),
          }))
          .filter((cell) => cell.table !== cell.world),
      );
    });
    expect(permissionTable().length).toBe(TABLE_ROWS.length);
    expect(differences).toEqual([]);
  });

  it('refuses every route but the public ones to a request without a token', async () => {
    const refusedOrNot = await Promise.all(
      routes
        .filter((route) => !route.public)
        .map(async (route) => {
          const url = route.path.replace(/\{\w+\}/g, randomUUID());
          const response = await send(route.method as Method, url, null);
          return { route: keyOf(route), status: response.status };
        }),
    );
    expect(refusedOrNot.filter((r) => r.status !== 401)).toEqual([]);
  });

  it('lets past the guard exactly the routes whose ability the actor holds on some record', async () => {
    const ids: Record<RecordName, string> = {
      attempt: w.traineeAttemptId,
      auditEntry: w.auditEntryId,
      calendarFile: 'no-such-feed.ics',
      // Nobody holds a certificate here: its routes answer not found to anyone who reaches them.
      certificate: randomUUID(),
      clientA: w.world.clientA.id,
      department: w.purchasingId,
      exam: w.examId,
      feedbackForm: w.feedbackFormId,
      file: w.fileId,
      issue: w.issueId,
      plan: w.planId,
      qualification: w.qualificationId,
      question: w.questionId,
      scenario: w.scenarioId,
      session: w.sessionId,
      teachBack: w.teachBackId,
      track: w.trackId,
      trainer: w.users.internalFree.id,
      user: w.users.trainee.id,
      verificationCode: 'no-such-code',
      webhook: w.webhookId,
    };
    /**
     * A read of a real record: the service answers 200 or 404, so any 403 is the guard's. Every
     * other route is probed on records that do not exist (and with an empty body), so it
     * changes nothing and only the guard can answer 403.
     */
    const probe = (route: DeclaredRoute, entry: RouteEntry) => {
      const real = route.method === 'get' && (route.ability?.actions.every((a) => READS.includes(a)) ?? true);
      const fill = (name: string, from: RouteEntry['params']) => {
        const record = from?.[name];
        if (!record) throw new Error(`${keyOf(route)}: say which record fills {${name}}`);
        return encodeURIComponent(ids[record]);
      };
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        real ? fill(name, entry.params) : randomUUID(),
      );
      const query = Object.keys(entry.query ?? {})
        .map((name) => `${name}=${fill(name, entry.query)}`)
        .join('&');
      return query ? `${path}?${query}` : path;
    };
    // An unclassified route fails the first test; here it is left out (and the count below fails too).
    const checks = routes
      .filter((route) => keyOf(route) in ROUTES)
      .flatMap((route) => PERMISSION_ACTORS.map((actor) => ({ route, actor, entry: ROUTES[keyOf(route)] })));
    const mismatches: Mismatch[] = [];
    const results: { route: DeclaredRoute; actor: PermissionActor; entry: RouteEntry; response: Response }[] = [];
    // A few dozen requests at a time: each looks its actor up afresh.
    for (let i = 0; i < checks.length; i += 40) {
      results.push(
        ...(await Promise.all(
          checks.slice(i, i + 40).map(async (check) => ({
            ...check,
            response: await send(
              check.route.method as Method,
              probe(check.route, check.entry),
              w.tokens[check.actor],
              check.entry.probeBody?.(),
            ),
          })),
        )),
      );
    }
    for (const { route, actor, entry, response } of results) {
      const needs = route.ability;
      const allowed = !needs || needs.actions.some((action) => abilities[actor].can(action, needs.subjectType));
      const expected = allowed ? 'past the guard' : '403';
      // A public route has no guard: its 401 (a refresh without a cookie) is the service's answer.
      const refusedByGuard = response.status === 403 || (response.status === 401 && !route.public);
      let got = refusedByGuard ? String(response.status) : 'past the guard';
      if (response.status >= 500) got = `${answered(response)} (server error)`;
      else if (route.method !== 'get' && response.status < 300 && !entry.harmless)
        got = `${answered(response)} (the probe changed something)`;
      if (got !== expected)
        mismatches.push({ route: keyOf(route), actor, expected, got: `${got} (${answered(response)})` });
    }
    expectNone(mismatches);
    expect(results.length).toBe(routes.length * PERMISSION_ACTORS.length);
  }, 120_000);

  it('reads each record of the world by id exactly where the policy lets the actor read it', async () => {
    const clientA = w.world.clientA.id;
    const organizationId = clientA;
    const assignees = [w.users.trainee.id, w.users.internalAssigned.id, w.peer.id, w.financeTrainee.id];
    const question = { id: w.questionId, organizationId, businessProcess: w.businessProcess, difficulty: 3 };
    const session = { id: w.sessionId, organizationId, businessProcess: w.businessProcess };
    const plan = { id: w.planId, organizationId };
    const webhook = { id: w.webhookId, organizationId };
    /** A GET of one record, and the record as the policy sees it (some fields depend on who asks). */
    const reads: {
      route: string;
      url: string;
      action?: PolicyAction | PolicyAction[];
      subject: PolicySubject;
      /** Several: the route answers whoever may act on any one of them. */
      record: (actor: PermissionActor) => object | object[];
    }[] = [
      {
        route: 'GET /api/attempts/{id}',
        url: `/api/attempts/${w.traineeAttemptId}`,
        subject: 'Attempt',
        record: () => ({
          id: w.traineeAttemptId,
          organizationId,
          examId: w.examId,
          sessionId: w.sessionId,
          userId: w.users.trainee.id,
          departmentId: w.purchasingId,
        }),
      },
      {
        route: 'GET /api/exams/{id}',
        url: `/api/exams/${w.examId}`,
        subject: 'Exam',
        record: (actor) => ({
          id: w.examId,
          organizationId,
          sessionId: w.sessionId,
          planId: null,
          assigned: assignees.includes(w.users[actor].id),
        }),
      },
      ...['', '/versions', '/trainee-view', '/key-corrections'].map((tail) => ({
        route: `GET /api/questions/{id}${tail}`,
        url: `/api/questions/${w.questionId}${tail}`,
        subject: 'Question' as const,
        record: () => question,
      })),
      {
        route: 'GET /api/scenarios/{id}',
        url: `/api/scenarios/${w.scenarioId}`,
        subject: 'Scenario',
        record: () => ({ id: w.scenarioId, organizationId }),
      },
      ...['', '/calendar.ics'].map((tail) => ({
        route: `GET /api/sessions/{id}${tail}`,
        url: `/api/sessions/${w.sessionId}${tail}`,
        subject: 'Session' as const,
        record: () => session,
      })),
      {
        route: 'GET /api/sessions/{id}/feedback-summary',
        url: `/api/sessions/${w.sessionId}/feedback-summary`,
        subject: 'FeedbackSummary',
        record: () => ({ organizationId, sessionId: w.sessionId, kind: 'session' }),
      },
      {
        route: 'GET /api/users/{id}/trainer-feedback',
        url: `/api/users/${w.users.internalFree.id}/trainer-feedback`,
        subject: 'FeedbackSummary',
        record: () => ({ organizationId, trainerId: w.users.internalFree.id, kind: 'trainer' }),
      },
      {
        route: 'GET /api/training-plans/{id}',
        url: `/api/training-plans/${w.planId}`,
        subject: 'TrainingPlan',
        // The plan names the trainee as a target and schedules them; nobody else of the ten.
        record: (actor) => ({ ...plan, concernsMe: actor === 'trainee' }),
      },
      // The project's record of the plan: for those who run it or confirm it.
      ...['/revisions', '/document.pdf'].map((tail) => ({
        route: `GET /api/training-plans/{id}${tail}`,
        url: `/api/training-plans/${w.planId}${tail}`,
        action: ['update', 'confirm'] as PolicyAction[],
        subject: 'TrainingPlan' as const,
        record: () => plan,
      })),
      {
        route: 'GET /api/training-plans/{id}/attendance-summary',
        url: `/api/training-plans/${w.planId}/attendance-summary`,
        action: 'readAttendance',
        subject: 'Session',
        // Everyone's attendance across the plan's sessions: for readers of every sheet of the client.
        record: () => ({ organizationId }),
      },
      {
        route: 'GET /api/training-plans/{id}/learning-gain',
        url: `/api/training-plans/${w.planId}/learning-gain`,
        action: 'readResults',
        subject: 'Exam',
        // No test is linked to the plan, so the answer names nobody: whoever reads some results
        // of the client may ask, for the whole of an exam of its sessions or for a department.
        record: () => [
          { organizationId },
          { organizationId, sessionId: w.sessionId },
          { organizationId, departmentId: w.purchasingId },
          { organizationId, departmentId: w.financeId },
        ],
      },
      {
        route: 'GET /api/departments/{id}',
        url: `/api/departments/${w.purchasingId}`,
        subject: 'Department',
        record: () => ({ id: w.purchasingId, organizationId }),
      },
      {
        route: 'GET /api/organizations/{id}',
        url: `/api/organizations/${clientA}`,
        subject: 'Organization',
        record: () => ({ id: clientA }),
      },
      {
        route: 'GET /api/organizations/{id}/recognition-policy',
        url: `/api/organizations/${clientA}/recognition-policy`,
        subject: 'RecognitionPolicy',
        record: () => ({ organizationId }),
      },
      {
        route: 'GET /api/feedback-forms/{id}',
        url: `/api/feedback-forms/${w.feedbackFormId}`,
        subject: 'FeedbackForm',
        record: () => ({ id: w.feedbackFormId, organizationId }),
      },
      {
        route: 'GET /api/training-issues/{id}',
        url: `/api/training-issues/${w.issueId}`,
        subject: 'TrainingIssue',
        record: () => ({ id: w.issueId, organizationId, sessionId: w.sessionId, reportedBy: w.users.trainee.id }),
      },
      {
        route: 'GET /api/qualification-tracks/{id}',
        url: `/api/qualification-tracks/${w.trackId}`,
        subject: 'QualificationTrack',
        record: () => ({ id: w.trackId, organizationId }),
      },
      {
        route: 'GET /api/qualifications/{id}',
        url: `/api/qualifications/${w.qualificationId}`,
        subject: 'Qualification',
        record: () => ({
          id: w.qualificationId,
          organizationId,
          userId: w.users.internalFree.id,
          departmentId: w.purchasingId,
        }),
      },
      {
        route: 'GET /api/users/{id}',
        url: `/api/users/${w.users.trainee.id}`,
        subject: 'User',
        record: () => ({ id: w.users.trainee.id, organizationId, departmentId: w.purchasingId }),
      },
      ...['', '/deliveries'].map((tail) => ({
        route: `GET /api/webhooks/{id}${tail}`,
        url: `/api/webhooks/${w.webhookId}${tail}`,
        subject: 'Webhook' as const,
        record: () => webhook,
      })),
      {
        route: 'GET /api/audit-entries/{id}',
        url: `/api/audit-entries/${w.auditEntryId}`,
        subject: 'AuditEntry',
        record: () => ({ id: w.auditEntryId, organizationId }),
      },
      {
        route: 'GET /api/files/{id}',
        url: `/api/files/${w.fileId}`,
        subject: 'File',
        record: () => ({ id: w.fileId, organizationId, uploadedBy: w.helper.id }),
      },
    ];
    const answers = await Promise.all(
      reads.flatMap((read) =>
        PERMISSION_ACTORS.map(async (actor) => ({ read, actor, response: await as(actor).get(read.url) })),
      ),
    );
    const mismatches: Mismatch[] = [];
    for (const { read, actor, response } of answers) {
      if (!(read.route in ROUTES)) throw new Error(`${read.route} is not a route`);
      const records = [read.record(actor)].flat();
      const may = [read.action ?? 'read']
        .flat()
        .some((action) => records.some((record) => abilities[actor].can(action, policyRecord(read.subject, record))));
      const expected = may ? '✓' : '—';
      const got =
        response.status < 300 ? '✓' : [403, 404].includes(response.status) ? '—' : `answered ${answered(response)}`;
      if (got !== expected)
        mismatches.push({ route: read.route, actor, expected, got: `${got} (${answered(response)})` });
    }
    expectNone(mismatches);
  });

  it('does what docs/permissions.md says, row by row, through the route that does it', async () => {
    const mismatches: Mismatch[] = [];
    const table = new Map(permissionTable().map(({ row, allowed }) => [row.label, allowed]));
    const window = {
      opensAt: minutesFromNow(-5),
      closesAt: minutesFromNow(240),
      timeLimitMinutes: 30,
      passPercent: 60,
    };
    const clientA = w.world.clientA.id;
    const staffed = [
      { userId: w.users.internalAssigned.id, role: 'lead' },
      { userId: w.users.internalFree.id, role: 'lead' },
    ];
    const trainerCount = async () =>
      Number(
        (
          await api.dataSource.query('SELECT count(*) AS n FROM session_trainer WHERE session_id = $1', [w.sessionId])
        )[0].n,
      );
    const sitExams = {} as Record<PermissionActor, string>;
    const namesIn = (response: Response, ...userIds: string[]) => {
      const named = (response.body.rows ?? []).map((r: { userId: string }) => r.userId);
      return userIds.every((userId) => named.includes(userId));
    };

    interface RowCall {
      route: string;
      send(actor: PermissionActor, index: number): PromiseLike<Response>;
      /** What else a 2xx must show for the row to count as done (e.g. the names it reads). */
      done?(response: Response): boolean;
      /** An answer besides 403 and 404 that refuses without telling anything (a reference in the body). */
      refusedAs?(response: Response): boolean;
    }
    interface RowCase {
      label: string;
      calls: RowCall[];
      before?(): Promise<void>;
      after?(): Promise<void>;
      /** Cells whose record cannot exist; `proof` shows that it cannot. */
      unbuildable?: { actors: PermissionActor[]; proof(actor: PermissionActor): Promise<void> };
    }

    // In the order they run: reads, then changes that later rows do not depend on, then the
    // ones that change the actors' own facts (grading finalises the attempt; sitting adds exams).
    const rows: RowCase[] = [
      {
        label: 'Read a question of the bank, with its key',
        calls: [
          {
            route: 'GET /api/questions/{id}',
            send: (actor) => as(actor).get(`/api/questions/${w.questionId}`),
            done: (response) => response.body.key !== undefined,
          },
        ],
      },
      {
        label: 'Read a scenario',
        calls: [{ route: 'GET /api/scenarios/{id}', send: (actor) => as(actor).get(`/api/scenarios/${w.scenarioId}`) }],
      },
      {
        label: 'Read everyone’s named results and the item analysis',
        calls: [
          {
            route: 'GET /api/exams/{id}/results',
            send: (actor) => as(actor).get(`/api/exams/${w.examId}/results`),
            done: (response) => namesIn(response, w.peer.id, w.financeTrainee.id),
          },
          {
            route: 'GET /api/exams/{id}/item-analysis',
            send: (actor) => as(actor).get(`/api/exams/${w.examId}/item-analysis`),
          },
        ],
      },
      {
        label: 'Read the named results of the purchasing department',
        calls: [
          {
            route: 'GET /api/exams/{id}/results',
            send: (actor) => as(actor).get(`/api/exams/${w.examId}/results`),
            done: (response) => namesIn(response, w.peer.id),
          },
        ],
      },
      {
        label: 'Read another person’s attempt',
        calls: [
          { route: 'GET /api/attempts/{id}', send: (actor) => as(actor).get(`/api/attempts/${w.peerAttemptId}`) },
        ],
      },
      {
        label: 'Show the session’s check-in code',
        calls: [
          {
            route: 'GET /api/sessions/{id}/check-in-code',
            send: (actor) => as(actor).get(`/api/sessions/${w.sessionId}/check-in-code`),
          },
        ],
      },
      {
        label: 'Read the attendance sheet',
        calls: [
          {
            route: 'GET /api/sessions/{id}/attendance',
            send: (actor) => as(actor).get(`/api/sessions/${w.sessionId}/attendance`),
          },
        ],
      },
      {
        label: 'Read every file of the organization',
        calls: [{ route: 'GET /api/files/{id}', send: (actor) => as(actor).get(`/api/files/${w.fileId}`) }],
      },
      {
        label: 'Read the client’s audit log',
        calls: [
          {
            route: 'GET /api/audit-entries',
            send: (actor) => as(actor).get(`/api/audit-entries?organizationId=${clientA}`),
          },
          {
            route: 'GET /api/audit-entries/{id}',
            send: (actor) => as(actor).get(`/api/audit-entries/${w.auditEntryId}`),
          },
        ],
      },
      {
        label: 'Edit the exam or its overrides',
        calls: [
          {
            route: 'PATCH /api/exams/{id}',
            send: (actor) => as(actor).patch(`/api/exams/${w.examId}`, { title: '采购订单结业考试' }),
          },
        ],
      },
      {
        label: 'Edit a question',
        calls: [
          {
            route: 'PATCH /api/questions/{id}',
            send: (actor) =>
              as(actor).patch(`/api/questions/${w.questionId}`, { stem: QUESTION_EXAMPLES.single_choice.stem }),
          },
        ],
      },
      {
        label: 'Rename a department they head',
        calls: [
          {
            route: 'PATCH /api/departments/{id}',
            send: (actor) => as(actor).patch(`/api/departments/${w.purchasingId}`, { name: w.world.departmentA.name }),
          },
        ],
      },
      {
        label: 'Name a department’s manager',
        calls: [
          {
            route: 'PATCH /api/departments/{id}',
            send: (actor) =>
              as(actor).patch(`/api/departments/${w.purchasingId}`, { managerId: w.users.managerOfDept.id }),
          },
        ],
      },
      {
        label: 'Change the session’s trainers',
        calls: [
          {
            route: 'PATCH /api/sessions/{id}',
            // Each success toggles the helper in or out as an assistant: always a real change of staff.
            send: async (actor) => {
              const trainers =
                (await trainerCount()) === staffed.length
                  ? [...staffed, { userId: w.helper.id, role: 'assistant' }]
                  : staffed;
              return as(actor).patch(`/api/sessions/${w.sessionId}`, { trainers });
            },
          },
        ],
        after: async () => {
          if ((await trainerCount()) !== staffed.length)
            expect((await as('admin').patch(`/api/sessions/${w.sessionId}`, { trainers: staffed })).status).toBe(200);
        },
      },
      {
        label: 'Mark someone else’s attendance',
        calls: [
          {
            route: 'POST /api/sessions/{id}/attendance',
            send: (actor) =>
              as(actor).post(`/api/sessions/${w.sessionId}/attendance`, { userId: w.peer.id, status: 'present' }),
          },
        ],
      },
      {
        label: 'Create a session for a process',
        calls: [
          {
            route: 'POST /api/sessions',
            // Each on its own day, so no two bookings of the room or a trainer clash.
            send: (actor, index) => {
              const startsIn = 60 * 24 * (10 + index);
              const leadsItself = !['admin', 'vendorServing', 'vendorOther'].includes(actor);
              return as(actor).post('/api/sessions', {
                planId: w.planId,
                moduleId: w.moduleId,
                startsAt: minutesFromNow(startsIn),
                endsAt: minutesFromNow(startsIn + 90),
                timeZone: 'Asia/Shanghai',
                capacity: 20,
                trainers: [{ userId: leadsItself ? w.users[actor].id : w.helper.id, role: 'lead' }],
              });
            },
          },
        ],
      },
      {
        label: 'Create an exam for the client',
        calls: [
          {
            route: 'POST /api/exams',
            send: (actor) =>
              as(actor).post('/api/exams', {
                organizationId: clientA,
                sessionId: w.sessionId,
                title: `随堂练习 ${actor}`,
                kind: 'practice',
                questionIds: [w.looseQuestionId],
                ...window,
              }),
          },
        ],
      },
      {
        label: 'Nominate someone for qualification',
        calls: [
          {
            route: 'POST /api/qualifications',
            send: (actor) =>
              as(actor).post('/api/qualifications', { trackId: w.trackId, userId: w.nominees[actor].id }),
            // The track is named in the body: one they may not see is refused as no such track.
            refusedAs: (response) =>
              response.status === 422 &&
              response.body.code === 'REFERENCE_INVALID' &&
              response.body.errors?.[0]?.field === 'trackId',
          },
        ],
      },
      {
        label: 'Revoke a qualification',
        calls: [
          {
            route: 'POST /api/qualifications/{id}/revoke',
            send: (actor) => as(actor).post(`/api/qualifications/${w.revocable[actor]}/revoke`, { reason: '调岗' }),
          },
        ],
      },
      {
        label: 'Grade an attempt of the exam',
        calls: [
          {
            route: 'POST /api/attempts/{id}/answers/{questionId}/grade',
            // Only the first essay: while the second waits, a grade may be changed and the attempt stays open.
            send: (actor) =>
              as(actor).post(`/api/attempts/${w.peerAttemptId}/answers/${w.essayIds[0]}/grade`, { score: 6 }),
          },
        ],
        after: async () => {
          const last = await as('admin').post(`/api/attempts/${w.peerAttemptId}/answers/${w.essayIds[1]}/grade`, {
            score: 7,
          });
          expect(last.status).toBe(200);
        },
      },
      {
        label: 'Correct a used question’s key',
        calls: [
          {
            route: 'POST /api/questions/{id}/key-corrections',
            send: (actor) =>
              as(actor).post(`/api/questions/${w.questionId}/key-corrections`, {
                version: 1,
                key: QUESTION_EXAMPLES.single_choice.key,
                reason: '核对答案',
              }),
          },
        ],
      },
      {
        label: 'Release the results',
        calls: [
          {
            route: 'POST /api/exams/{id}/release-results',
            send: (actor) => as(actor).post(`/api/exams/${w.examId}/release-results`),
          },
        ],
      },
      {
        label: 'Start an attempt on an exam not assigned to them',
        calls: [
          {
            route: 'POST /api/exams/{id}/attempts',
            send: (actor) => as(actor).post(`/api/exams/${w.unassignedExamId}/attempts`),
          },
        ],
      },
      {
        label: 'Start an attempt on an exam assigned to them',
        // One exam for each client user, assigned to them alone; client B's trainee sits one of client B.
        before: async () => {
          const exam = async (token: string, organizationId: string, questionId: string, userId: string) => {
            const created = await send('post', '/api/exams', token, {
              organizationId,
              title: '上岗测验',
              kind: 'practice',
              questionIds: [questionId],
              ...window,
              assignees: { userIds: [userId] },
            });
            expect(created.status).toBe(201);
            return created.body.id as string;
          };
          const bQuestion = await as('vendorOther').post('/api/questions', {
            organizationId: w.world.clientB.id,
            status: 'active',
            ...QUESTION_EXAMPLES.true_false,
          });
          expect(bQuestion.status).toBe(201);
          for (const actor of PERMISSION_ACTORS) {
            if (w.users[actor].organizationId === clientA)
              sitExams[actor] = await exam(w.helper.token, clientA, w.looseQuestionId, w.users[actor].id);
          }
          sitExams.otherClientTrainee = await exam(
            w.tokens.vendorOther,
            w.world.clientB.id,
            bQuestion.body.id,
            w.users.otherClientTrainee.id,
          );
        },
        calls: [
          {
            route: 'POST /api/exams/{id}/attempts',
            send: (actor) => as(actor).post(`/api/exams/${sitExams[actor]}/attempts`),
          },
        ],
        // Exams belong to clients and are assigned to their users only: no exam is ever assigned to vendor staff.
        unbuildable: {
          actors: ['admin', 'vendorServing', 'vendorOther'],
          proof: async (actor) => {
            const refused = await as('admin').post('/api/exams', {
              organizationId: clientA,
              title: '不可指派',
              kind: 'practice',
              questionIds: [w.looseQuestionId],
              ...window,
              assignees: { userIds: [w.users[actor].id] },
            });
            expect({ actor, status: refused.status }).toEqual({ actor, status: 422 });
          },
        },
      },
    ];

    expect({
      unmapped: TABLE_ROWS.map((r) => r.label).filter((label) => !rows.some((r) => r.label === label)),
    }).toEqual({ unmapped: [] });
    for (const row of rows) {
      const allowed = table.get(row.label);
      if (!allowed) throw new Error(`not a row of the permission table: ${row.label}`);
      await row.before?.();
      for (const call of row.calls) {
        if (!(call.route in ROUTES)) throw new Error(`${row.label}: ${call.route} is not a route`);
        for (const [index, actor] of PERMISSION_ACTORS.entries()) {
          if (row.unbuildable?.actors.includes(actor)) {
            await row.unbuildable.proof(actor);
            continue;
          }
          const response = await call.send(actor, index);
          const ok = response.status >= 200 && response.status < 300;
          const got =
            ok && (call.done?.(response) ?? true)
              ? '✓'
              : ok || response.status === 403 || response.status === 404 || call.refusedAs?.(response)
                ? '—'
                : `answered ${answered(response)}`;
          const expected = allowed[actor] ? '✓' : '—';
          if (got !== expected)
            mismatches.push({
              route: `${call.route} — ${row.label}`,
              actor,
              expected,
              got: `${got} (${answered(response)})`,
            });
        }
      }
      await row.after?.();
    }
    expectNone(mismatches);
  }, 120_000);
});
