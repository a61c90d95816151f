import { PrivateRedis, startPrivateRedis, startWorkerProcess, WorkerProcess } from '@cascade/server/testing';
import { answerCorrectly, count, expectedOutcome, ExamRoom, gradingOutcome, openExamRoom, waitFor } from './exam-room';

const TRAINEES = 200;

describe('Redis stopped during a submit burst', () => {
  let redis: PrivateRedis;
  let room: ExamRoom;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    // A Redis of this test's own: stopping it disturbs nobody else.
    redis = await startPrivateRedis();
    room = await openExamRoom({ trainees: TRAINEES, redisUrl: redis.url });
    await answerCorrectly(room);
    worker = await startWorkerProcess({ ...room.env, PROCESS_ROLE: 'worker' });
  });
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await room?.close();
    await redis?.stop();
  });

  it('accepts and stores every submission, and grades each once when Redis is back', async () => {
    const statuses: number[] = [];
    let next = 0;
    let redisStopped = false;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < TRAINEES) {
          const i = next++;
          // A third of the way in, Redis dies with everything it held.
          if (i === Math.floor(TRAINEES / 3) && !redisStopped) {
            redisStopped = true;
            await redis.kill();
          }
          const a = room.attempts[i];
          statuses[i] = (await room.call('POST', `/api/attempts/${a.id}/submit`, a.token)).status;
        }
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(TRAINEES);
    const handedIn = await count(
      room.db,
      `SELECT count(*) AS n FROM attempt WHERE exam_id = $1 AND status IN ('submitted', 'finalized') AND submitted_at IS NOT NULL`,
      [room.examId],
    );
    expect(handedIn).toBe(TRAINEES);
    expect(await count(room.db, `SELECT count(*) AS n FROM outbox WHERE job_name = 'attempt.grade'`)).toBe(TRAINEES);
    // Nothing is graded while Redis is down, beyond what was already under way.
    const gradedWhileDown = await count(
      room.db,
      `SELECT count(*) AS n FROM attempt WHERE exam_id = $1 AND status = 'finalized'`,
      [room.examId],
    );
    expect(gradedWhileDown).toBeLessThan(TRAINEES);

    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { rows: pending } = await room.db.query(
      `SELECT count(*) FILTER (WHERE dispatched_at IS NULL)::int AS waiting,
              count(*) FILTER (WHERE dispatched_at IS NOT NULL AND completed_at IS NULL)::int AS lost_with_redis
         FROM outbox WHERE job_name = 'attempt.grade'`,
    );
    // Every attempt not yet graded has its job either still in the outbox or handed to the Redis that died.
    expect(pending[0].waiting).toBeGreaterThan(0);
    expect(pending[0].waiting + pending[0].lost_with_redis).toBe(TRAINEES - gradedWhileDown);
    await redis.restart();
    await waitFor(
      'every attempt graded',
      async () =>
        (await count(room.db, `SELECT count(*) AS n FROM attempt WHERE exam_id = $1 AND status = 'finalized'`, [
          room.examId,
        ])) === TRAINEES,
      40_000,
      100,
    );
    await waitFor(
      'every result notification',
      async () =>
        (await count(room.db, `SELECT count(*) AS n FROM notification WHERE kind = 'exam_result'`)) >= TRAINEES,
      20_000,
      100,
    );
    // Jobs handed over again after the restart must not run twice: give a duplicate time to show.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await gradingOutcome(room)).toEqual(expectedOutcome(room));
    expect(await count(room.db, `SELECT count(*) AS n FROM outbox WHERE completed_at IS NULL`)).toBe(0);
  });
});
