import type { AttemptView } from '@cascade/contracts';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { examApi } from '../../providers/examApi';
import { AnswerQueue, type QueueState } from './answerQueue';

export interface AttemptAnswers {
  responses: Record<string, unknown>;
  answer: (questionId: string, response: unknown) => void;
  queue: QueueState;
  /** Sends every queued answer; false when some could not be sent. */
  drain: () => Promise<boolean>;
  clear: () => void;
}

/**
 * The trainee's answers of one attempt: shown at once, kept in this browser's queue, and sent
 * to the server in the background, retried whenever the network comes back.
 */
export function useAttemptAnswers(attempt: AttemptView | undefined): AttemptAnswers {
  const attemptId = attempt?.id;
  const queue = useMemo(
    () =>
      attemptId
        ? new AnswerQueue(attemptId, (questionId, response, seq) =>
            examApi.saveAnswer(attemptId, questionId, response, seq),
          )
        : null,
    [attemptId],
  );
  const [responses, setResponses] = useState<Record<string, unknown>>({});
  const attemptRef = useRef(attempt);
  attemptRef.current = attempt;

  // Seeded once per attempt: later reloads of the attempt must not undo what was typed since.
  useEffect(() => {
    const attempt = attemptRef.current;
    if (!queue || !attempt) return;
    queue.start();
    queue.seed(attempt.items.map((item) => ({ questionId: item.question.questionId, seq: item.seq })));
    const initial: Record<string, unknown> = {};
    for (const item of attempt.items) {
      const pending = queue.pendingResponse(item.question.questionId);
      initial[item.question.questionId] = pending ? pending.response : item.response;
    }
    setResponses(initial);
    // Answers left over from a lost connection go out as soon as the page is open again.
    if (queue.getState().pending > 0) void queue.drain();
    const online = () => queue.online();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      queue.stop();
    };
  }, [queue]);

  const state = useSyncExternalStore(queue?.subscribe ?? noSubscribe, queue?.getState ?? idleState);

  const answer = useCallback(
    (questionId: string, response: unknown) => {
      setResponses((current) => ({ ...current, [questionId]: response }));
      queue?.enqueue(questionId, response);
    },
    [queue],
  );
  const drain = useCallback(async () => (queue ? queue.drain() : true), [queue]);
  const clear = useCallback(() => queue?.clear(), [queue]);

  return { responses, answer, queue: state, drain, clear };
}

const IDLE: QueueState = { pending: 0, sending: false, offline: false, lastSavedAt: null, rejected: [] };
const idleState = () => IDLE;
const noSubscribe = () => () => undefined;
