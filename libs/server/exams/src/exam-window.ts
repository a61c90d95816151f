import { Exam } from './exam.entity';

export interface PersonalWindow {
  opensAt: Date;
  closesAt: Date;
  timeLimitMinutes: number;
}

/** The window and time limit that apply to one person, after their override if they have one. */
export function windowFor(
  exam: Pick<Exam, 'opensAt' | 'closesAt' | 'timeLimitMinutes' | 'overrides'>,
  userId: string,
): PersonalWindow {
  const override = exam.overrides.find((o) => o.userId === userId);
  return {
    opensAt: override?.opensAt ? new Date(override.opensAt) : exam.opensAt,
    closesAt: override?.closesAt ? new Date(override.closesAt) : exam.closesAt,
    timeLimitMinutes: exam.timeLimitMinutes + (override?.extraMinutes ?? 0),
  };
}

/** The earlier of start + time limit and the close: the server's deadline, never the browser's. */
export function deadlineFor(window: PersonalWindow, startedAt: Date): Date {
  return new Date(Math.min(startedAt.getTime() + window.timeLimitMinutes * 60_000, window.closesAt.getTime()));
}

/**
 * Whether a final result (score, per-answer marks, the keys) may be shown to `readerId`.
 * Staff always see it; the person who sat the exam sees it as the exam's setting allows,
 * "after close" meaning after their own window closes or once a trainer released the results.
 */
export function resultsVisibleTo(
  exam: Pick<Exam, 'opensAt' | 'closesAt' | 'timeLimitMinutes' | 'overrides' | 'showResults'>,
  candidateId: string,
  readerId: string,
  now = new Date(),
  released = false,
): boolean {
  if (readerId !== candidateId) return true;
  if (exam.showResults === 'immediately') return true;
  if (exam.showResults === 'never') return false;
  return released || now > windowFor(exam, candidateId).closesAt;
}
