import { REVIEW_MODES, ReviewMode } from '@cascade/contracts';
import { answersVisibleTo, AttemptStanding, canStillSit } from './exam-window';

const NOW = new Date('2030-03-04T10:00:00Z');
const CANDIDATE = '6f1c2a4e-0000-4000-8000-0000000000c1';
const HOUR = 3_600_000;

const exam = (reviewMode: ReviewMode, fields: Record<string, unknown> = {}) => ({
  opensAt: new Date(NOW.getTime() - 2 * HOUR),
  closesAt: new Date(NOW.getTime() + HOUR),
  timeLimitMinutes: 30,
  overrides: [],
  attemptsAllowed: 2,
  reviewMode,
  ...fields,
});

const standing = (attempts: number, open = 0, finalized = attempts - open): AttemptStanding => ({
  attempts,
  open,
  finalized,
});
const closed = { closesAt: new Date(NOW.getTime() - HOUR) };

describe('reviewing answers after an attempt', () => {
  it.each(REVIEW_MODES)('%s: never while another attempt is possible in an open window', (mode) => {
    expect(answersVisibleTo(exam(mode), CANDIDATE, standing(1), NOW)).toBe(false);
    expect(canStillSit(exam(mode), CANDIDATE, standing(1), NOW)).toBe(true);
  });

  it.each(REVIEW_MODES)(
    '%s: never while an attempt of theirs is still open to answers, even after the close',
    (mode) => {
      const rules = exam(mode, closed);
      expect(answersVisibleTo(rules, CANDIDATE, standing(2, 1), NOW)).toBe(false);
      expect(canStillSit(rules, CANDIDATE, standing(2, 1), NOW)).toBe(true);
    },
  );

  it('score_only: never, not even once the window closed and every attempt is final', () => {
    expect(answersVisibleTo(exam('score_only', closed), CANDIDATE, standing(2), NOW)).toBe(false);
    expect(answersVisibleTo(exam('score_only', { attemptsAllowed: 1 }), CANDIDATE, standing(1), NOW)).toBe(false);
  });

  it('after_close: once the window has closed for them, not before, even with no attempt left', () => {
    expect(answersVisibleTo(exam('after_close', { attemptsAllowed: 1 }), CANDIDATE, standing(1), NOW)).toBe(false);
    expect(answersVisibleTo(exam('after_close', closed), CANDIDATE, standing(1), NOW)).toBe(true);
  });

  it('after_close: their own window, with an override either way', () => {
    const extended = {
      ...closed,
      overrides: [
        { userId: CANDIDATE, extraMinutes: 0, opensAt: null, closesAt: new Date(NOW.getTime() + HOUR).toISOString() },
      ],
    };
    expect(answersVisibleTo(exam('after_close', extended), CANDIDATE, standing(1), NOW)).toBe(false);
    const shortened = {
      overrides: [
        { userId: CANDIDATE, extraMinutes: 0, opensAt: null, closesAt: new Date(NOW.getTime() - 60_000).toISOString() },
      ],
    };
    expect(answersVisibleTo(exam('after_close', shortened), CANDIDATE, standing(1), NOW)).toBe(true);
    expect(answersVisibleTo(exam('after_close', shortened), 'someone-else', standing(1), NOW)).toBe(false);
  });

  it('no_attempt_left: once every attempt is used and final, or the window closed on fewer', () => {
    expect(answersVisibleTo(exam('no_attempt_left'), CANDIDATE, standing(2), NOW)).toBe(true);
    // The second one still waits for a trainer.
    expect(answersVisibleTo(exam('no_attempt_left'), CANDIDATE, standing(2, 0, 1), NOW)).toBe(false);
    expect(answersVisibleTo(exam('no_attempt_left', closed), CANDIDATE, standing(1), NOW)).toBe(true);
    expect(answersVisibleTo(exam('no_attempt_left', { attemptsAllowed: 1 }), CANDIDATE, standing(1), NOW)).toBe(true);
  });
});
