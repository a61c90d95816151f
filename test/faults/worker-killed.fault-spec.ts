import { startWorkerProcess, TEST_REDIS_URL, WorkerProcess } from '@cascade/server/testing';
import { answerCorrectly, count, expectedOutcome, ExamRoom, gradingOutcome, openExamRoom, waitFor } from './exam-room';

const TRAINEES = 300;

describe('a worker killed in the middle of grading', () => {
  let room: ExamRoom;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    room = await openExamRoom({ trainees: TRAINEES, redisUrl: TEST_REDIS_URL });
    await answerCorrectly(room);
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await room?.close();
  });

  it('leaves every attempt graded exactly once after a new worker starts', async () => {
    // Every trainee hands in while no worker runs: the grading jobs wait in the outbox.
    for (let i = 0; i < TRAINEES; i += 25) {
      const replies = await Promise.all(
        room.attempts.slice(i, i + 25).map((a) => room.call('POST', `/api/attempts/${a.id}/submit`, a.token)),
      );
      expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
    }
    const finalized = () =>
      count(room.db, `SELECT count(*) AS n FROM attempt WHERE exam_id = $1 AND status = 'finalized'`, [room.examId]);

    const first = await startWorkerProcess({ ...room.env, PROCESS_ROLE: 'worker' });
    workers.push(first);
    await waitFor('the first graded attempts', async () => (await finalized()) >= TRAINEES / 10, 30_000, 5);
    await first.stop('SIGKILL');
    const gradedBeforeKill = await finalized();
    const unfinishedJobs = await count(
      room.db,
      `SELECT count(*) AS n FROM outbox WHERE job_name = 'attempt.grade' AND completed_at IS NULL`,
    );
    // The kill really landed mid-way: some attempts graded, others still waiting or half done.
    expect(gradedBeforeKill).toBeGreaterThan(0);
    expect(gradedBeforeKill).toBeLessThan(TRAINEES);
    expect(unfinishedJobs).toBeGreaterThan(0);

    workers.push(await startWorkerProcess({ ...room.env, PROCESS_ROLE: 'worker' }));
    await waitFor('every attempt graded', async () => (await finalized()) === TRAINEES, 40_000, 100);
    await waitFor(
      'every result notification',
      async () =>
        (await count(room.db, `SELECT count(*) AS n FROM notification WHERE kind = 'exam_result'`)) >= TRAINEES,
      20_000,
      100,
    );
    // Give a job run twice the time to show itself.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await gradingOutcome(room)).toEqual(expectedOutcome(room));
    expect(await count(room.db, `SELECT count(*) AS n FROM outbox WHERE completed_at IS NULL`)).toBe(0);
  });
});
