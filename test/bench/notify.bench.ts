/**
 * `npm run bench:notify`: the results of a 1,000-trainee exam going back by email. One client
 * with several departments (each with its manager), an exam that holds results until released,
 * and 1,000 finalised attempts written straight to the database. A trainer releases the results
 * through the real api (its own process); a real worker (its own process) sends every trainee
 * their result, every department manager a digest and the trainer and managers the follow-up
 * lists, over SMTP to a real local SMTP server started by the run. Each run has a fresh database.
 *
 * In the same run it measures a ceiling: the same number of mails of the same size sent by
 * nodemailer straight to a fresh SMTP server, with the worker's pool size and job concurrency.
 */
import 'reflect-metadata';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import {
  createTestDatabase,
  MailSink,
  sessionTokens,
  startApiProcess,
  startMailSink,
  startWorkerProcess,
  TEST_REDIS_URL,
  uniqueName,
} from '@cascade/server/testing';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { Client } from 'pg';
import { burst, fmt, median } from './measure';
import { json } from './bench-setup';

const TRAINEES = Number(process.env.BENCH_TRAINEES ?? 1000);
const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The worker's pool of SMTP connections and its job concurrency, for the ceiling. */
const POOL_CONNECTIONS = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 180_000);
const SECRET = 'bench-secret-bench-secret-bench-secret-00';
const PASS_PERCENT = 60;

interface RunResult {
  expected: number;
  received: number;
  /** Trainees who received exactly one email: their result. */
  traineesOnce: number;
  releaseAnsweredMs: number;
  handlerDoneMs: number;
  firstMailMs: number;
  lastMailMs: number;
  mailsPerSecond: number;
  ceilingMs: number;
  ceilingPerSecond: number;
}

/**
 * One vendor trainer, one client with `DEPARTMENTS` departments each headed by its own manager,
 * and the trainees spread evenly over them; a third read English, the rest Chinese.
 */
async function seedPeople(db: Client) {
  const vendor = randomUUID();
  const clientOrg = randomUUID();
  const trainer = randomUUID();
  await db.query(
    `INSERT INTO organization (id, name, kind) VALUES ($1, 'Bench vendor', 'vendor'), ($2, '华东制造（基准）', 'client')`,
    [vendor, clientOrg],
  );
  await db.query(
    `INSERT INTO app_user (id, organization_id, email, name, roles) VALUES ($1, $2, 'bench-trainer@example.test', '培训讲师', '{admin,trainer}')`,
    [trainer, vendor],
  );
  await db.query(`INSERT INTO trainer_assignment (trainer_id, organization_id) VALUES ($1, $2)`, [trainer, clientOrg]);
  const departments = Array.from({ length: DEPARTMENTS }, () => randomUUID());
  const managers = Array.from({ length: DEPARTMENTS }, () => randomUUID());
  await db.query(
    `INSERT INTO department (id, organization_id, name) SELECT id, $2, '部门 ' || ord FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`,
    [departments, clientOrg],
  );
  await db.query(
    `INSERT INTO app_user (id, organization_id, department_id, email, name, roles)
     SELECT m.id, $3, d.id, 'manager-' || m.ord || '@example.test', '经理 ' || m.ord, '{manager}'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS m(id, ord) JOIN unnest($2::uuid[]) WITH ORDINALITY AS d(id, ord) USING (ord)`,
    [managers, departments, clientOrg],
  );
  await db.query(
    `UPDATE department d SET manager_id = m.id
       FROM unnest($1::uuid[], $2::uuid[]) AS m(dept, id) WHERE d.id = m.dept`,
    [departments, managers],
  );
  const trainees = Array.from({ length: TRAINEES }, () => randomUUID());
  await db.query(
    `INSERT INTO app_user (id, organization_id, department_id, email, name, roles, locale)
     SELECT t.id, $2, ($3::uuid[])[1 + (t.ord - 1) % $4], 'trainee-' || t.ord || '@example.test', '学员 ' || t.ord,
            '{trainee}', CASE WHEN t.ord % 3 = 0 THEN 'en' ELSE 'zh-CN' END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`,
    [trainees, clientOrg, departments, DEPARTMENTS],
  );
  // Being assigned the exam is not what this bench measures: those emails are turned off.
  await db.query(
    `INSERT INTO notification_preference (user_id, event, email) SELECT id, 'exam.assigned', false FROM unnest($1::uuid[]) AS t(id)`,
    [trainees],
  );
  return { trainer, clientOrg, trainees };
}

/**
 * Every trainee handed in and was graded: one finalised attempt each, with scores spread over
 * 0–100 so every department has excellent, passed and failed people.
 */
async function seedAttempts(db: Client, examId: string, organizationId: string, trainees: string[]) {
  const maxScore = 20;
  await db.query(
    `INSERT INTO attempt (exam_id, user_id, organization_id, number, status, started_at, deadline_at, submitted_at,
                          score, max_score, percent, passed, finalized_at)
     SELECT $1, t.id, $2, 1, 'finalized', now() - interval '40 minutes', now() - interval '10 minutes',
            now() - interval '15 minutes', s.score, $4, round(s.score * 100.0 / $4, 2),
            round(s.score * 100.0 / $4, 2) >= $5, now() - interval '14 minutes'
       FROM unnest($3::uuid[]) WITH ORDINALITY AS t(id, ord)
       CROSS JOIN LATERAL (SELECT (t.ord * 7) % ($4 + 1) AS score) s`,
    [examId, organizationId, trainees, maxScore, PASS_PERCENT],
  );
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `count` mails like the run's first result email, straight from nodemailer to a fresh SMTP server. */
async function ceiling(sample: MailSink['mails'][number], count: number): Promise<{ ms: number; perSecond: number }> {
  const sink = await startMailSink();
  const transport = nodemailer.createTransport({ url: sink.url, pool: true, maxConnections: POOL_CONNECTIONS });
  try {
    const figures = await burst(count, CONCURRENCY, async (i) => {
      await transport.sendMail({
        from: 'Cascade <no-reply@cascade.invalid>',
        to: `ceiling-${i}@example.test`,
        subject: sample.parsed.subject,
        text: sample.parsed.text,
        html: sample.parsed.html || undefined,
        messageId: `<${randomUUID()}@cascade>`,
      });
      return true;
    });
    await waitFor('the ceiling mails', () => sink.mails.length >= count, 60_000);
    return { ms: figures.wallMs, perSecond: figures.perSecond };
  } finally {
    transport.close();
    await sink.stop();
  }
}

async function run(index: number): Promise<RunResult> {
  const database = await createTestDatabase({ fromTemplate: false });
  const sink = await startMailSink();
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: uniqueName('bench'),
    SEED_DEMO: 'false',
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    SMTP_URL: sink.url,
    DATA_DIR: `/tmp/${uniqueName('cascade-bench')}`,
  };
  const api = await startApiProcess({ ...env, PROCESS_ROLE: 'api' }).catch(async (error) => {
    await sink.stop();
    throw error;
  });
  const worker = await startWorkerProcess({ ...env, PROCESS_ROLE: 'worker' }).catch(async (error) => {
    await api.stop();
    await sink.stop();
    throw error;
  });
  const db = new Client({ connectionString: database.url });
  await db.connect();
  try {
    const { trainer, clientOrg, trainees } = await seedPeople(db);
    const [token] = await sessionTokens(database.url, SECRET, [trainer], 3600);
    const question = await json(api.baseUrl, '/api/questions', token, {
      method: 'POST',
      body: { organizationId: clientOrg, ...QUESTION_EXAMPLES.single_choice, status: 'active' },
    });
    const exam = await json(api.baseUrl, '/api/exams', token, {
      method: 'POST',
      body: {
        organizationId: clientOrg,
        title: '上线前认证考试',
        kind: 'certification',
        questionIds: [question.id],
        timeLimitMinutes: 30,
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
        passPercent: PASS_PERCENT,
        showResults: 'after_close',
        assignees: { userIds: trainees },
      },
    });
    await seedAttempts(db, exam.id, clientOrg, trainees);
    // Start from a quiet worker: the exam's assignment has gone through before the release.
    await waitFor('the assignment jobs', async () => {
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE completed_at IS NULL`)).rows;
      return n === 0;
    });
    if (sink.mails.length > 0) throw new Error(`${sink.mails.length} mails arrived before the release`);

    const departmentsWithFailures = (
      await db.query(
        `SELECT count(DISTINCT u.department_id)::int AS n FROM attempt a JOIN app_user u ON u.id = a.user_id
          WHERE a.exam_id = $1 AND NOT a.passed`,
        [exam.id],
      )
    ).rows[0].n;
    // Results, one digest per department manager, and each follow-up list to the trainer and the manager.
    const expected = TRAINEES + DEPARTMENTS + departmentsWithFailures * 2;

    const t0 = Date.now();
    await json(api.baseUrl, `/api/exams/${exam.id}/release-results`, token, { method: 'POST' });
    const releaseAnsweredMs = Date.now() - t0;
    let handlerDoneMs = NaN;
    await waitFor('every email', async () => {
      if (Number.isNaN(handlerDoneMs)) {
        // The release job is marked completed once its handler has queued every email.
        const [row] = (
          await db.query(
            `SELECT 1 FROM outbox WHERE job_name = 'exam.release' AND payload->>'examId' = $1 AND completed_at IS NOT NULL`,
            [exam.id],
          )
        ).rows;
        if (row) handlerDoneMs = Date.now() - t0;
      }
      return sink.mails.length >= expected;
    });
    // A moment for anything beyond what was expected to show up.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const received = sink.mails.length;
    const perTrainee = new Map<string, number>();
    for (const mail of sink.mails)
      if (mail.to[0]?.startsWith('trainee-')) perTrainee.set(mail.to[0], (perTrainee.get(mail.to[0]) ?? 0) + 1);
    const traineesOnce = [...perTrainee.values()].filter((n) => n === 1).length;
    const arrivals = sink.mails.map((m) => m.receivedAt - t0).sort((a, b) => a - b);
    const lastMailMs = arrivals[arrivals.length - 1];
    const sample = sink.mails.find((m) => m.to[0]?.startsWith('trainee-')) ?? sink.mails[0];

    await worker.stop();
    await api.stop();
    const roof = await ceiling(sample, expected);
    console.log(`run ${index + 1} done`);
    return {
      expected,
      received,
      traineesOnce,
      releaseAnsweredMs,
      handlerDoneMs,
      firstMailMs: arrivals[0],
      lastMailMs,
      mailsPerSecond: (received / lastMailMs) * 1000,
      ceilingMs: roof.ms,
      ceilingPerSecond: roof.perSecond,
    };
  } finally {
    await db.end();
    await worker.stop();
    await api.stop();
    await sink.stop();
    await database.drop();
  }
}

function report(label: string, r: RunResult): void {
  console.log(label);
  console.log(
    `  release → last email received  ${fmt(r.lastMailMs, 0).padStart(7)} ms   ${fmt(r.mailsPerSecond, 0).padStart(5)} mails/s   (${r.received}/${r.expected} mails, ${r.traineesOnce}/${TRAINEES} trainees exactly one)`,
  );
  console.log(
    `  release answered ${fmt(r.releaseAnsweredMs, 0)} ms, every email queued ${fmt(r.handlerDoneMs, 0)} ms, first email received ${fmt(r.firstMailMs, 0)} ms`,
  );
  console.log(
    `  ceiling: nodemailer → SMTP sink, ${POOL_CONNECTIONS} pooled connections, concurrency ${CONCURRENCY}: ${r.expected} mails in ${fmt(r.ceilingMs, 0)} ms, ${fmt(r.ceilingPerSecond, 0)} mails/s`,
  );
}

async function main(): Promise<void> {
  console.log(
    `Results release: ${TRAINEES} trainees in ${DEPARTMENTS} departments, api and worker as separate processes, a local SMTP sink, ${RUNS} runs`,
  );
  const results: RunResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await run(i);
    results.push(result);
    report(`run ${i + 1}`, result);
  }
  const m = (pick: (r: RunResult) => number) => median(results.map(pick));
  const med: RunResult = {
    expected: m((r) => r.expected),
    received: m((r) => r.received),
    traineesOnce: m((r) => r.traineesOnce),
    releaseAnsweredMs: m((r) => r.releaseAnsweredMs),
    handlerDoneMs: m((r) => r.handlerDoneMs),
    firstMailMs: m((r) => r.firstMailMs),
    lastMailMs: m((r) => r.lastMailMs),
    mailsPerSecond: m((r) => r.mailsPerSecond),
    ceilingMs: m((r) => r.ceilingMs),
    ceilingPerSecond: m((r) => r.ceilingPerSecond),
  };
  report(`\nmedian of ${RUNS} runs (each figure its own median)`, med);
  console.log(`  sending runs at ${fmt((med.mailsPerSecond / med.ceilingPerSecond) * 100)}% of the ceiling's rate`);
  const met = results.every((r) => r.received === r.expected && r.traineesOnce === TRAINEES) && med.lastMailMs < 30_000;
  console.log(`target: every email received within 30 s of the release -> ${met ? 'met' : 'NOT met'}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
