import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { AnswerQueue, type SendAnswer } from './answerQueue';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const httpError = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });

describe('AnswerQueue', () => {
  let storage: MemoryStorage;
  let sent: { questionId: string; response: unknown; seq: number }[];
  let failWith: unknown;
  const send: SendAnswer = async (questionId, response, seq) => {
    if (failWith) throw failWith;
    sent.push({ questionId, response, seq });
  };
  const queue = (attemptId = 'a1') => new AnswerQueue(attemptId, send, { storage, coalesceMs: 10, retryMinMs: 50 });

  beforeEach(() => {
    jest.useFakeTimers();
    storage = new MemoryStorage();
    sent = [];
    failWith = undefined;
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('numbers each question above what the server holds and coalesces quick edits into one save', async () => {
    const answers = queue();
    answers.seed([{ questionId: 'q1', seq: 4 }]);
    answers.enqueue('q1', 'A');
    answers.enqueue('q1', 'B');
    answers.enqueue('q2', ['x']);
    expect(answers.getState().pending).toBe(2);
    await jest.advanceTimersByTimeAsync(20);
    expect(sent).toEqual([
      { questionId: 'q1', response: 'B', seq: 6 },
      { questionId: 'q2', response: ['x'], seq: 1 },
    ]);
    expect(answers.getState()).toMatchObject({ pending: 0, offline: false });
  });

  it('keeps answers through a lost network and sends them when it is back', async () => {
    const answers = queue();
    failWith = new TypeError('Failed to fetch');
    answers.enqueue('q1', true);
    await jest.advanceTimersByTimeAsync(20);
    expect(answers.getState()).toMatchObject({ pending: 1, offline: true });
    failWith = undefined;
    answers.online();
    await jest.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([{ questionId: 'q1', response: true, seq: 1 }]);
    expect(answers.getState()).toMatchObject({ pending: 0, offline: false });
  });

  it('survives a reload: the stored answer comes back and seqs continue', async () => {
    failWith = new TypeError('Failed to fetch');
    const before = queue();
    before.enqueue('q1', 'first');
    before.enqueue('q1', 'second');
    before.stop();
    failWith = undefined;
    const after = queue();
    after.seed([{ questionId: 'q1', seq: 0 }]);
    expect(after.pendingResponse('q1')).toEqual({ response: 'second' });
    after.enqueue('q1', 'third');
    expect(await after.drain()).toBe(true);
    expect(sent).toEqual([{ questionId: 'q1', response: 'third', seq: 3 }]);
  });

  it('drops an answer the server already has a newer one of', () => {
    failWith = new TypeError('Failed to fetch');
    const answers = queue();
    answers.enqueue('q1', 'old');
    answers.seed([{ questionId: 'q1', seq: 7 }]);
    expect(answers.pendingResponse('q1')).toBeUndefined();
    expect(answers.enqueue('q1', 'new')).toBe(8);
  });

  it('reports answers the server refuses instead of retrying them forever', async () => {
    const answers = queue();
    failWith = httpError(400);
    answers.enqueue('q1', 'bad');
    expect(await answers.drain()).toBe(true);
    expect(answers.getState().rejected).toEqual([{ questionId: 'q1', status: 400, message: 'HTTP 400' }]);
  });

  it('retries a server error without calling it offline', async () => {
    const answers = queue();
    failWith = httpError(503);
    answers.enqueue('q1', 'A');
    expect(await answers.drain()).toBe(false);
    expect(answers.getState()).toMatchObject({ pending: 1, offline: false });
    failWith = undefined;
    await jest.advanceTimersByTimeAsync(60);
    expect(answers.getState().pending).toBe(0);
  });
});
