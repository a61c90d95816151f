import type { CriterionScore, RubricCriterion } from '@cascade/contracts';

/** Scores typed per criterion, each kept within 0..its points; the total is their sum. */
export function rubricScores(
  rubric: RubricCriterion[],
  typed: Record<number, string>,
): {
  criteria: CriterionScore[];
  total: number;
  complete: boolean;
  invalid: number[];
} {
  const criteria: CriterionScore[] = [];
  const invalid: number[] = [];
  rubric.forEach((criterion, index) => {
    const text = typed[index];
    if (text === undefined || text.trim() === '') return;
    const score = Number(text);
    if (!Number.isFinite(score) || score < 0 || score > criterion.points) invalid.push(index);
    else criteria.push({ criterion: index, score });
  });
  const total = Math.round(criteria.reduce((sum, c) => sum + c.score, 0) * 100) / 100;
  return { criteria, total, complete: criteria.length === rubric.length && invalid.length === 0, invalid };
}
