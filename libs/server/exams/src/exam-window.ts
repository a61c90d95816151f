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
 * Whether a final result (score and pass or fail) may be shown to `readerId`. Staff always see
 * it; the person who sat the exam sees it as the exam's setting allows, "after close" meaning
 * after their own window closes or once a trainer released the results. Their answers' marks
 * and keys follow answersVisibleTo as well.
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

/** One person's attempts of one exam, by how far along they are. */
export interface AttemptStanding {
  /** Every attempt they started. */
  attempts: number;
  /** Still in progress: answers can still be saved. */
  open: number;
  finalized: number;
}

type ReviewRules = Pick<
  Exam,
  'opensAt' | 'closesAt' | 'timeLimitMinutes' | 'overrides' | 'attemptsAllowed' | 'reviewMode'
>;

/**
 * Whether anything remains for the person to sit: an attempt still open to answers (even past
 * the close, until it is handed in), or another one allowed before their own window closes.
 */
export function canStillSit(
  exam: Omit<ReviewRules, 'reviewMode'>,
  userId: string,
  standing: AttemptStanding,
  now = new Date(),
): boolean {
  if (standing.open > 0) return true;
  return now <= windowFor(exam, userId).closesAt && standing.attempts < exam.attemptsAllowed;
}

/**
 * Whether the person who sat the exam may review their answers now: each answer's marks and
 * the keys. Never while anything remains for them to sit, whatever the mode; then `after_close`
 * once their own window has closed, `no_attempt_left` once every attempt of theirs is final.
 */
export function answersVisibleTo(
  exam: ReviewRules,
  candidateId: string,
  standing: AttemptStanding,
  now = new Date(),
): boolean {
  if (canStillSit(exam, candidateId, standing, now)) return false;
  switch (exam.reviewMode) {
    case 'after_close':
      return now > windowFor(exam, candidateId).closesAt;
    case 'no_attempt_left':
      return standing.finalized === standing.attempts;
    default:
      return false;
  }
}
