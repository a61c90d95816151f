import { DifficultyFlag } from '@cascade/contracts';

/**
 * Classical test theory for one exam's finalised attempts: facility, discrimination,
 * reliability and the score distribution. Framework-free so every number can be checked by hand.
 */

/** One graded answer: what it scored out of what it was worth. */
export interface ItemScore {
  score: number;
  points: number;
}

/** One finalised attempt: its percent and its answers by question. */
export interface ScoredAttempt {
  id: string;
  percent: number;
  items: ReadonlyMap<string, ItemScore>;
}

export interface ItemStatistics {
  responses: number;
  /** Mean share of full marks, 0..1; null without responses. */
  facility: number | null;
  /** Facility of the upper group minus that of the lower group, -1..1; null when a group did not answer it. */
  discrimination: number | null;
}

export interface Reliability {
  method: 'kr20' | 'alpha';
  value: number | null;
}

/**
 * The facility a labelled difficulty should show (share of full marks). Neighbouring ranges
 * overlap on purpose: an item near a border is not mislabelled, only one clearly outside is.
 */
export const EXPECTED_FACILITY: Readonly<Record<number, { min: number; max: number }>> = {
  1: { min: 0.85, max: 1 },
  2: { min: 0.7, max: 0.9 },
  3: { min: 0.5, max: 0.75 },
  4: { min: 0.3, max: 0.55 },
  5: { min: 0, max: 0.35 },
};

/** Kelley's 27%: the upper and lower groups that discriminate best for a normal distribution. */
export const EXTREME_GROUP_SHARE = 0.27;

/** Below this many responses a facility says too little to call a label wrong. */
export const MIN_RESPONSES_TO_FLAG = 5;

export function expectedFacility(difficulty: number): { min: number; max: number } {
  return EXPECTED_FACILITY[Math.min(5, Math.max(1, Math.round(difficulty)))];
}

export function difficultyFlag(facility: number | null, difficulty: number, responses: number): DifficultyFlag {
  if (facility === null || responses < MIN_RESPONSES_TO_FLAG) return null;
  const { min, max } = expectedFacility(difficulty);
  if (facility > max) return 'easier_than_labelled';
  if (facility < min) return 'harder_than_labelled';
  return null;
}

const share = (item: ItemScore) => (item.points > 0 ? item.score / item.points : 0);
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** Population variance (divide by n), as KR-20 and alpha are defined. */
export function variance(values: number[]): number {
  const m = mean(values);
  if (m === null) return 0;
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length;
}

/** Mean share of full marks of the answers to one question. */
export function facility(attempts: readonly ScoredAttempt[], questionId: string): number | null {
  return mean(attempts.flatMap((a) => (a.items.has(questionId) ? [share(a.items.get(questionId)!)] : [])));
}

/**
 * The upper and lower 27% of attempts by percent (at least one each, never overlapping).
 * Ties are broken by id so the same data always gives the same groups.
 */
export function extremeGroups(attempts: readonly ScoredAttempt[]): {
  upper: ScoredAttempt[];
  lower: ScoredAttempt[];
} {
  if (attempts.length < 2) return { upper: [], lower: [] };
  const size = Math.min(
    Math.floor(attempts.length / 2),
    Math.max(1, Math.round(attempts.length * EXTREME_GROUP_SHARE)),
  );
  const ranked = [...attempts].sort((a, b) => b.percent - a.percent || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { upper: ranked.slice(0, size), lower: ranked.slice(-size) };
}

export function itemStatistics(attempts: readonly ScoredAttempt[], questionId: string): ItemStatistics {
  const { upper, lower } = extremeGroups(attempts);
  const upperFacility = facility(upper, questionId);
  const lowerFacility = facility(lower, questionId);
  return {
    responses: attempts.filter((a) => a.items.has(questionId)).length,
    facility: facility(attempts, questionId),
    discrimination: upperFacility === null || lowerFacility === null ? null : upperFacility - lowerFacility,
  };
}

/** An item is dichotomous when every answer to it scored nothing or full marks. */
export function isDichotomous(attempts: readonly ScoredAttempt[], questionIds: readonly string[]): boolean {
  return attempts.every((a) =>
    questionIds.every((q) => {
      const item = a.items.get(q);
      return !item || item.score === 0 || item.score === item.points;
    }),
  );
}

/**
 * Internal consistency over the questions every attempt answered (a blueprint may give people
 * different questions; the coefficients need a complete matrix). KR-20 when every answer was
 * right or wrong, computed on 1/0 so an item's weight does not count; Cronbach's alpha on the
 * raw scores otherwise. Null with fewer than two attempts or common items, or no spread in totals.
 */
export function reliability(attempts: readonly ScoredAttempt[]): Reliability {
  const common = attempts.length
    ? [...attempts[0].items.keys()].filter((q) => attempts.every((a) => a.items.has(q)))
    : [];
  const method = isDichotomous(attempts, common) ? 'kr20' : 'alpha';
  if (attempts.length < 2 || common.length < 2) return { method, value: null };
  const value = (a: ScoredAttempt, q: string) => {
    const item = a.items.get(q)!;
    return method === 'kr20' ? (item.points > 0 && item.score === item.points ? 1 : 0) : item.score;
  };
  const totals = attempts.map((a) => common.reduce((sum, q) => sum + value(a, q), 0));
  const totalVariance = variance(totals);
  if (totalVariance === 0) return { method, value: null };
  // For 1/0 items the item variance is p·q, so this one formula is KR-20 there and alpha elsewhere.
  const itemVariance = common.reduce((sum, q) => sum + variance(attempts.map((a) => value(a, q))), 0);
  const k = common.length;
  return { method, value: (k / (k - 1)) * (1 - itemVariance / totalVariance) };
}

/** Ten buckets of percent, 0–10 … 90–100; a bucket holds its lower bound, the last one also 100. */
export function scoreDistribution(percents: readonly number[]): { from: number; to: number; count: number }[] {
  const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: 0 }));
  for (const p of percents) buckets[Math.min(9, Math.max(0, Math.floor(p / 10)))].count += 1;
  return buckets;
}
