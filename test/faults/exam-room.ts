import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import {
  ApiProcess,
  createTestDatabase,
  sessionTokens,
  startApiProcess,
  TestDatabase,
  uniqueName,
} from '@cascade/server/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

const SECRET = 'fault-secret-fault-secret-fault-secret-00';
export const OBJECTIVE_TYPES = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'fill_in',
  'ordering',
  'matching',
] as const;
export type ObjectiveType = (typeof OBJECTIVE_TYPES)[number];

/** The correct answer of each example question: a finished attempt scores full marks. */
export const CORRECT: Record<ObjectiveType, unknown> = {
  single_choice: 'A',
  multiple_choice: ['A', 'B'],
  true_false: false,
  fill_in: ['ME21N', 'MIGO'],
  ordering: ['A', 'B', 'C', 'D', 'E'],
  matching: [
    { left: 'A', right: '1' },
    { left: 'B', right: '2' },
    { left: 'C', right: '3' },
  ],
};

export interface RoomAttempt {
  id: string;
  userId: string;
  token: string;
  items: { questionId: string; type: ObjectiveType }[];
}

export interface ExamRoom {
  database: TestDatabase;
  db: Pool;
  /** Environment shared by the room's api and worker processes. */
  env: Record<string, string>;
  api: ApiProcess;
  examId: string;
  attempts: RoomAttempt[];
  maxScore: number;
  call(method: string, path: string, token: string, body?: object): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/**
 * A room of trainees with an attempt each at one exam (two questions of every objective
 * type), served by the built api as its own process. No worker runs until a test starts one.
 */
export async function openExamRoom(options: {
  trainees: number;
  redisUrl: string;
  env?: Record<string, string>;
}): Promise<ExamRoom> {
  const database = await createTestDatabase();
  const db = new Pool({ connectionString: database.url, max: 4 });
  // Dropping the database at the end terminates whatever connection is still closing; that is
  // expected then, and a pool without an error listener would turn it into a crash of the test.
  db.on('error', () => undefined);
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: uniqueName('fault'),
    SEED_DEMO: 'false',
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'error',
    DATA_DIR: `/tmp/${uniqueName('cascade-fault')}`,
    RELAY_INTERVAL_MS: '100',
    // A killed worker's jobs and jobs a restarted Redis lost come back within seconds, not minutes.
    QUEUE_JOB_LOCK_MS: '2000',
    OUTBOX_REDELIVER_AFTER_MS: '3000',
    ...options.env,
  };
  const api = await startApiProcess({ ...env, PROCESS_ROLE: 'api' });
  const call = async (method: string, path: string, token: string, body?: object) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const must = async (method: string, path: string, token: string, body?: object) => {
    const reply = await call(method, path, token, body);
    if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body as Record<string, unknown>;
  };

  const vendor = randomUUID();
  const client = randomUUID();
  const admin = randomUUID();
  await db.query(
    `INSERT INTO organization (id, name, kind) VALUES ($1, 'Fault vendor', 'vendor'), ($2, 'Fault client', 'client')`,
    [vendor, client],
  );
  await db.query(
    `INSERT INTO app_user (id, organization_id, email, name, roles) VALUES ($1, $2, 'fault-admin@example.test', 'Admin', '{admin,trainer}')`,
    [admin, vendor],
  );
  await db.query(`INSERT INTO trainer_assignment (trainer_id, organization_id) VALUES ($1, $2)`, [admin, client]);
  const trainees = Array.from({ length: options.trainees }, () => randomUUID());
  await db.query(
    `INSERT INTO app_user (id, organization_id, email, name, roles)
     SELECT id, $2, 'trainee-' || ord || '@example.test', '学员 ' || ord, '{trainee}' FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`,
    [trainees, client],
  );
  const [adminToken, ...traineeTokens] = await sessionTokens(database.url, SECRET, [admin, ...trainees], 3600);
  const questionIds: string[] = [];
  let maxScore = 0;
  for (const type of [...OBJECTIVE_TYPES, ...OBJECTIVE_TYPES]) {
    const question = await must('POST', '/api/questions', adminToken, {
      organizationId: client,
      ...QUESTION_EXAMPLES[type],
      status: 'active',
    });
    questionIds.push(question.id as string);
    maxScore += QUESTION_EXAMPLES[type].points;
  }
  const exam = await must('POST', '/api/exams', adminToken, {
    organizationId: client,
    title: '故障演练',
    kind: 'post_test',
    questionIds,
    timeLimitMinutes: 60,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    passPercent: 60,
    assignees: { userIds: trainees },
  });
  const examId = exam.id as string;
  const attempts: RoomAttempt[] = new Array(trainees.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < trainees.length) {
        const i = next++;
        const token = traineeTokens[i];
        const attempt = await must('POST', `/api/exams/${examId}/attempts`, token);
        attempts[i] = {
          id: attempt.id as string,
          userId: trainees[i],
          token,
          items: (attempt.items as { question: { questionId: string; type: ObjectiveType } }[]).map((item) => ({
            questionId: item.question.questionId,
            type: item.question.type,
          })),
        };
      }
    }),
  );
  return {
    database,
    db,
    env,
    api,
    examId,
    attempts,
    maxScore,
    call,
    async close() {
      await api.stop('SIGKILL');
      await db.end();
      await database.drop();
    },
  };
}

/** Every answer of every attempt set to the correct one, straight in the database: these tests are about grading. */
export async function answerCorrectly(room: ExamRoom): Promise<void> {
  for (const type of OBJECTIVE_TYPES) {
    await room.db.query(
      `UPDATE attempt_item SET response = $2, seq = 1, saved_at = now()
        WHERE attempt_id IN (SELECT id FROM attempt WHERE exam_id = $1)
          AND question_version_id IN (SELECT id FROM question_version WHERE type = $3)`,
      [room.examId, JSON.stringify(CORRECT[type]), type],
    );
  }
}

export async function count(db: Pool, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query(sql, params);
  return Number(rows[0].n);
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * What "graded exactly once" means in the database: every attempt finalized with full marks
 * (each answer scored once, the total not counted twice), one result job per attempt,
 * and one result notification per trainee.
 */
export async function gradingOutcome(room: ExamRoom) {
  const { db, examId } = room;
  return {
    finalizedFullMarks: await count(
      db,
      `SELECT count(*) AS n FROM attempt WHERE exam_id = $1 AND status = 'finalized' AND score = $2 AND max_score = $2`,
      [examId, room.maxScore],
    ),
    answers: await count(
      db,
      `SELECT count(*) AS n FROM attempt_item i JOIN attempt a ON a.id = i.attempt_id WHERE a.exam_id = $1`,
      [examId],
    ),
    answersScored: await count(
      db,
      `SELECT count(*) AS n FROM attempt_item i JOIN attempt a ON a.id = i.attempt_id
        WHERE a.exam_id = $1 AND i.score = i.points AND i.graded_at IS NOT NULL`,
      [examId],
    ),
    resultJobs: await count(db, `SELECT count(*) AS n FROM outbox WHERE job_name = 'attempt.result'`),
    attemptsWithOneResultJob: await count(
      db,
      `SELECT count(*) AS n FROM (SELECT payload->>'attemptId' FROM outbox WHERE job_name = 'attempt.result'
        GROUP BY 1 HAVING count(*) = 1) x`,
    ),
    resultNotifications: await count(db, `SELECT count(*) AS n FROM notification WHERE kind = 'exam_result'`),
    traineesWithOneNotification: await count(
      db,
      `SELECT count(*) AS n FROM (SELECT user_id FROM notification WHERE kind = 'exam_result'
        GROUP BY 1 HAVING count(*) = 1) x`,
    ),
  };
}

export function expectedOutcome(room: ExamRoom) {
  const n = room.attempts.length;
  const answers = room.attempts.reduce((sum, a) => sum + a.items.length, 0);
  return {
    finalizedFullMarks: n,
    answers,
    answersScored: answers,
    resultJobs: n,
    attemptsWithOneResultJob: n,
    resultNotifications: n,
    traineesWithOneNotification: n,
  };
}
