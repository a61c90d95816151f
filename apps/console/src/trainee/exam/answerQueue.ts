/** Sends one answer; rejects with an error carrying `status` when the server answered, any other error when unreachable. */
export type SendAnswer = (questionId: string, response: unknown, seq: number) => Promise<unknown>;

interface PendingAnswer {
  response: unknown;
  seq: number;
}

interface StoredQueue {
  /** The newest unsent answer per question. */
  pending: Record<string, PendingAnswer>;
  /** The highest seq handed out per question, so a reload never reuses one. */
  seqs: Record<string, number>;
}

export interface RejectedAnswer {
  questionId: string;
  status: number;
  message: string;
}

export interface QueueState {
  /** Answers kept in this browser that the server has not stored yet. */
  pending: number;
  sending: boolean;
  /** The last send failed for lack of a network; sends are retried. */
  offline: boolean;
  lastSavedAt: number | null;
  /** Answers the server refused (wrong shape, attempt closed); they are not retried. */
  rejected: RejectedAnswer[];
}

export interface QueueOptions {
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Keystrokes within this delay go out as one save. */
  coalesceMs?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
  now?: () => number;
}

const storageKey = (attemptId: string) => `cascade.answers.${attemptId}`;

const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
};

/** 5xx and 429 are worth another try; other answers from the server are final. */
const isTransient = (status: number | undefined) => status === undefined || status >= 500 || status === 429;

/**
 * The answers of one attempt on their way to the server. Every answer is written to storage
 * first, so a dropped network, a closed tab or a dead battery loses nothing the trainee typed;
 * each question's answers carry an increasing seq, so the server keeps the newest even when an
 * older save arrives late.
 */
export class AnswerQueue {
  private stored: StoredQueue;
  private state: QueueState;
  private readonly listeners = new Set<() => void>();
  private readonly storage: NonNullable<QueueOptions['storage']>;
  private readonly coalesceMs: number;
  private readonly retryMinMs: number;
  private readonly retryMaxMs: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay: number;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly attemptId: string,
    private readonly send: SendAnswer,
    options: QueueOptions = {},
  ) {
    this.storage = options.storage ?? localStorage;
    this.coalesceMs = options.coalesceMs ?? 400;
    this.retryMinMs = options.retryMinMs ?? 1_000;
    this.retryMaxMs = options.retryMaxMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.retryDelay = this.retryMinMs;
    this.stored = this.load();
    this.state = {
      pending: Object.keys(this.stored.pending).length,
      sending: false,
      offline: false,
      lastSavedAt: null,
      rejected: [],
    };
  }

  /** The seqs the server already holds: new answers must go above them. */
  seed(saved: { questionId: string; seq: number }[]): void {
    for (const { questionId, seq } of saved) {
      this.stored.seqs[questionId] = Math.max(this.stored.seqs[questionId] ?? 0, seq);
      // The server already has this answer or a newer one (saved from another tab or device).
      const pending = this.stored.pending[questionId];
      if (pending && pending.seq <= seq) delete this.stored.pending[questionId];
    }
    this.persist();
  }

  /** An answer not yet on the server, to show instead of the server's older one after a reload. */
  pendingResponse(questionId: string): { response: unknown } | undefined {
    const pending = this.stored.pending[questionId];
    return pending ? { response: pending.response } : undefined;
  }

  enqueue(questionId: string, response: unknown): number {
    const seq = (this.stored.seqs[questionId] ?? 0) + 1;
    this.stored.seqs[questionId] = seq;
    this.stored.pending[questionId] = { response, seq };
    this.persist();
    this.schedule(this.state.offline ? this.retryDelay : this.coalesceMs);
    return seq;
  }

  /** Sends everything now; true when nothing is left waiting. */
  async drain(): Promise<boolean> {
    this.clearTimer();
    this.retryDelay = this.retryMinMs;
    await this.flush();
    return Object.keys(this.stored.pending).length === 0;
  }

  /** The network is back: stop waiting for the retry timer. */
  online(): void {
    if (this.state.pending > 0) this.schedule(0);
  }

  /** The attempt is over on the server: nothing more to send or keep. */
  clear(): void {
    this.clearTimer();
    this.stored = { pending: {}, seqs: this.stored.seqs };
    this.storage.removeItem(storageKey(this.attemptId));
    this.update({ pending: 0, offline: false });
  }

  /** The page is open: sends may go out. */
  start(): void {
    this.stopped = false;
  }

  /** The page is closed: no more timers; what is queued stays stored for the next visit. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  getState = (): QueueState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private flush(): Promise<void> {
    // One loop at a time; a caller arriving meanwhile waits for it and then for its own turn.
    const previous = this.running ?? Promise.resolve();
    const next = previous.then(() => this.sendAll());
    this.running = next.finally(() => {
      if (this.running === next) this.running = null;
    });
    return next;
  }

  private async sendAll(): Promise<void> {
    if (this.stopped) return;
    this.update({ sending: true });
    try {
      for (const [questionId, answer] of Object.entries(this.stored.pending)) {
        try {
          await this.send(questionId, answer.response, answer.seq);
          this.retryDelay = this.retryMinMs;
          this.update({ offline: false, lastSavedAt: this.now() });
        } catch (error) {
          const status = statusOf(error);
          if (isTransient(status)) {
            this.update({ offline: status === undefined });
            this.schedule(this.retryDelay);
            this.retryDelay = Math.min(this.retryDelay * 2, this.retryMaxMs);
            return;
          }
          const message = error instanceof Error ? error.message : String(error);
          this.update({ rejected: [...this.state.rejected, { questionId, status: status ?? 0, message }] });
        }
        // A newer answer typed while this one was in flight stays queued.
        if (this.stored.pending[questionId]?.seq === answer.seq) delete this.stored.pending[questionId];
        this.persist();
      }
    } finally {
      this.update({ sending: false });
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private load(): StoredQueue {
    try {
      const raw = this.storage.getItem(storageKey(this.attemptId));
      const parsed = raw ? (JSON.parse(raw) as Partial<StoredQueue>) : {};
      return { pending: parsed.pending ?? {}, seqs: parsed.seqs ?? {} };
    } catch {
      return { pending: {}, seqs: {} };
    }
  }

  private persist(): void {
    this.storage.setItem(storageKey(this.attemptId), JSON.stringify(this.stored));
    this.update({ pending: Object.keys(this.stored.pending).length });
  }

  private update(change: Partial<QueueState>): void {
    const next = { ...this.state, ...change };
    const same = (Object.keys(change) as (keyof QueueState)[]).every((key) => next[key] === this.state[key]);
    if (same) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
