import { ScenarioSnapshot, TraineeQuestionView, TypedQuestionBody } from '@cascade/contracts';
import { traineeContent } from './question-types';

export type FrozenQuestion = TypedQuestionBody & {
  questionId: string;
  version: number;
  stem: string;
  points: number;
  scenario: ScenarioSnapshot | null;
};

/**
 * What a trainee may see of a question: stem, type, content, points and the scenario.
 * Built field by field, never by copying and deleting, so nothing of the key can slip through.
 * `seed` (an attempt id, say) varies the order of items whose authored order would reveal the key.
 */
export function toTraineeView(
  question: FrozenQuestion,
  seed = `${question.questionId}:${question.version}`,
): TraineeQuestionView {
  return {
    questionId: question.questionId,
    version: question.version,
    type: question.type,
    stem: question.stem,
    content: traineeContent(question.type, question.content, question.key, seed),
    points: question.points,
    scenario: question.scenario
      ? {
          title: question.scenario.title,
          narrative: question.scenario.narrative,
          attachments: [...question.scenario.attachments],
        }
      : null,
  } as TraineeQuestionView;
}
