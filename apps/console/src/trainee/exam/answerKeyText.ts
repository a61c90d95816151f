import type { QuestionKey, TraineeQuestionView } from '@cascade/contracts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The answer key in words, for a trainee whose exam shows answers after grading. */
export function answerKeyText(question: TraineeQuestionView, key: unknown, translate: Translate): string {
  if (!key || typeof key !== 'object') return '';
  const textOf = (items: { id: string; text: string }[], id: string) =>
    items.find((item) => item.id === id)?.text ?? id;
  switch (question.type) {
    case 'single_choice':
      return textOf(question.content.options, (key as QuestionKey<'single_choice'>).correct);
    case 'multiple_choice':
      return (key as QuestionKey<'multiple_choice'>).correct
        .map((id) => textOf(question.content.options, id))
        .join('；');
    case 'true_false':
      return translate((key as QuestionKey<'true_false'>).correct ? 'cascade.attempt.true' : 'cascade.attempt.false');
    case 'fill_in':
      return (key as QuestionKey<'fill_in'>).accepted
        .map((answers, index) => `${translate('cascade.attempt.blank', { number: index + 1 })}: ${answers.join(' / ')}`)
        .join('；');
    case 'ordering':
      return (key as QuestionKey<'ordering'>).order.map((id) => textOf(question.content.items, id)).join(' → ');
    case 'matching':
      return (key as QuestionKey<'matching'>).pairs
        .map((pair) => `${textOf(question.content.left, pair.left)} → ${textOf(question.content.right, pair.right)}`)
        .join('；');
    case 'essay':
      return (key as QuestionKey<'essay'>).rubric.map((c) => `${c.criterion} (${c.points})`).join('；');
  }
}
