import type { QuestionShapes, QuestionType, TraineeQuestionView } from '@cascade/contracts';

/** Counted as the server counts: each Chinese character is a word, as 字数 does. */
export function countWords(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.replace(/\p{Script=Han}/gu, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return han + words;
}

/** Whether the trainee has given something for the question (a half-filled blank list counts). */
export function isAnswered(question: TraineeQuestionView, response: unknown): boolean {
  if (response === null || response === undefined) return false;
  switch (question.type) {
    case 'single_choice':
      return typeof response === 'string' && response !== '';
    case 'true_false':
      return typeof response === 'boolean';
    case 'essay':
      return typeof response === 'string' && response.trim() !== '';
    case 'fill_in':
      return Array.isArray(response) && response.some((blank) => typeof blank === 'string' && blank.trim() !== '');
    default:
      return Array.isArray(response) && response.length > 0;
  }
}

/** Props of the input for one type of question. */
export interface ResponseInputProps<T extends QuestionType> {
  question: Extract<TraineeQuestionView, { type: T }>;
  value: QuestionShapes[T]['response'] | undefined;
  onChange: (value: QuestionShapes[T]['response']) => void;
  disabled?: boolean;
}
