import { TypedQuestionBody } from '@cascade/contracts';
import { gradeResponse, QuestionVersion } from '@cascade/server/questions';
import { EntityManager } from 'typeorm';
import { AttemptItem } from './attempt-item.entity';
import { Attempt } from './attempt.entity';
import { Exam } from './exam.entity';

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** An objective answer's score against a version's key; null for an essay, which a trainer grades. */
export function scoreAgainst(version: QuestionVersion, item: AttemptItem): number | null {
  const body = { type: version.type, content: version.content, key: version.key } as TypedQuestionBody;
  const result = gradeResponse({ ...body, points: Number(item.points) }, item.response);
  return result === null ? null : round2(result.score);
}

export const awaitsTrainer = (item: AttemptItem) => item.needsReview && item.score === null;

/**
 * Sets the attempt's total, percent and pass from its items: `finalized` when no answer
 * waits for a trainer, otherwise `needs_review`. Returns whether it is final now. The
 * caller holds the attempt's row lock and saves nothing else for it.
 */
export async function settleAttempt(manager: EntityManager, attempt: Attempt, items: AttemptItem[]): Promise<boolean> {
  if (items.some(awaitsTrainer)) {
    attempt.status = 'needs_review';
    await manager.save(attempt);
    return false;
  }
  const exam = await manager.findOneByOrFail(Exam, { id: attempt.examId });
  const score = round2(items.reduce((sum, i) => sum + Number(i.score ?? 0), 0));
  const maxScore = round2(items.reduce((sum, i) => sum + Number(i.points), 0));
  const percent = maxScore > 0 ? round2((score / maxScore) * 100) : 0;
  Object.assign(attempt, {
    status: 'finalized',
    score,
    maxScore,
    percent,
    passed: percent >= exam.passPercent,
    finalizedAt: attempt.finalizedAt ?? new Date(),
  });
  await manager.save(attempt);
  return true;
}
