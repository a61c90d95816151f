import { TEST_REDIS_URL } from '@cascade/server/testing';
import { isDeepStrictEqual } from 'node:util';
import { ExamRoom, ObjectiveType, openExamRoom } from './exam-room';

const TRAINEES = 40;
const IN_FLIGHT = 40;

/** A different, valid response for every seq, so the stored one shows which save it came from. */
const RESPONSES: Record<ObjectiveType, (seq: number) => unknown> = {
  single_choice: (s) => ['A', 'B', 'C'][s % 3],
  multiple_choice: (s) => [['A'], ['B'], ['A', 'B'], ['C', 'D'], []][s % 5],
  true_false: (s) => s % 2 === 0,
  fill_in: (s) => [`ME${s}`, `MIGO ${s}`],
  ordering: (s) => (s % 2 ? ['A', 'B', 'C', 'D', 'E'] : ['E', 'D', 'C', 'B', 'A']),
  matching: (s) => [{ left: 'A', right: String((s % 3) + 1) }],
};

describe('the api killed during an autosave burst', () => {
  let room: ExamRoom;

  beforeAll(async () => {
    room = await openExamRoom({ trainees: TRAINEES, redisUrl: TEST_REDIS_URL });
  });
  afterAll(() => room?.close());

  it('keeps every save it answered 200', async () => {
    const items = room.attempts.flatMap((attempt) => attempt.items.map((item) => ({ attempt, ...item, seq: 0 })));
    const acknowledged = new Map<string, { seq: number; response: unknown }>();
    let answered = 0;
    let failed = 0;
    let killed = false;
    let next = 0;
    const lane = async () => {
      while (!killed || next % IN_FLIGHT !== 0) {
        const item = items[next++ % items.length];
        const seq = ++item.seq;
        const response = RESPONSES[item.type](seq);
        const key = `${item.attempt.id}:${item.questionId}`;
        try {
          const reply = await room.call(
            'PUT',
            `/api/attempts/${item.attempt.id}/answers/${item.questionId}`,
            item.attempt.token,
            { response, seq },
          );
          if (reply.status !== 200) throw new Error(`status ${reply.status}`);
          answered += 1;
          // Saves of one item may be answered out of order; the newest acknowledged one counts.
          if ((acknowledged.get(key)?.seq ?? 0) < seq) acknowledged.set(key, { seq, response });
        } catch {
          failed += 1;
          if (killed) return;
        }
      }
    };
    const lanes = Array.from({ length: IN_FLIGHT }, lane);
    // Kill once the burst is well under way, with saves in flight.
    while (answered < 1500) await new Promise((resolve) => setTimeout(resolve, 5));
    killed = true;
    await room.api.stop('SIGKILL');
    await Promise.all(lanes);
    expect(answered).toBeGreaterThanOrEqual(1500);
    expect(failed).toBeGreaterThan(0);

    const { rows } = await room.db.query(
      `SELECT i.attempt_id, i.question_id, i.seq, i.response FROM attempt_item i JOIN attempt a ON a.id = i.attempt_id WHERE a.exam_id = $1`,
      [room.examId],
    );
    const stored = new Map(rows.map((r) => [`${r.attempt_id}:${r.question_id}`, r]));
    const sent = new Map(items.map((i) => [`${i.attempt.id}:${i.questionId}`, i]));
    const lost: string[] = [];
    for (const [key, ack] of acknowledged) {
      const row = stored.get(key);
      // Stored is the acknowledged save itself, or a later one that was sent (its answer lost in the kill).
      const item = sent.get(key)!;
      const kept =
        row &&
        row.seq >= ack.seq &&
        row.seq <= item.seq &&
        isDeepStrictEqual(row.response, RESPONSES[item.type](row.seq));
      if (!kept) lost.push(`${key}: acknowledged seq ${ack.seq}, stored ${row?.seq}`);
    }
    expect(acknowledged.size).toBe(items.length);
    expect(lost).toEqual([]);
  });
});
