import { FeedbackItem, FieldError } from '@cascade/contracts';
import { FeedbackAnswerDto } from './feedback.dto';

export interface CheckedAnswer {
  itemId: string;
  item: FeedbackItem;
  trainerId: string | null;
  numberValue: number | null;
  textValue: string | null;
}

const MAX_TEXT = 4000;

/**
 * Checks a response against its form: every answer names a known item with a value of the
 * item's type, trainer items name one of the session's trainers, each (item, trainer) is
 * answered at most once and every required one is answered. Empty free text counts as unanswered.
 */
export function checkAnswers(
  items: FeedbackItem[],
  trainerIds: string[],
  answers: FeedbackAnswerDto[],
): { ok: true; answers: CheckedAnswer[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byId = new Map(items.map((item) => [item.id, item]));
  const given = new Set<string>();
  const checked: CheckedAnswer[] = [];
  answers.forEach((answer, i) => {
    const at = (field: string) => `answers.${i}.${field}`;
    const item = byId.get(answer.itemId);
    if (!item) return errors.push({ field: at('itemId'), message: 'is not an item of this form' });
    let trainerId: string | null = null;
    if (item.about === 'trainer') {
      if (!answer.trainerId || !trainerIds.includes(answer.trainerId))
        return errors.push({ field: at('trainerId'), message: "must be one of the session's trainers" });
      trainerId = answer.trainerId;
    } else if (answer.trainerId !== undefined) {
      return errors.push({ field: at('trainerId'), message: 'only trainer items name a trainer' });
    }
    const key = `${item.id}:${trainerId ?? ''}`;
    if (given.has(key)) return errors.push({ field: at('itemId'), message: 'is answered twice' });
    given.add(key);
    const value = answer.value;
    switch (item.type) {
      case 'likert_5':
      case 'nps_0_10': {
        const [min, max] = item.type === 'likert_5' ? [1, 5] : [0, 10];
        if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
          return errors.push({ field: at('value'), message: `must be a whole number from ${min} to ${max}` });
        checked.push({ itemId: item.id, item, trainerId, numberValue: value, textValue: null });
        return;
      }
      case 'single_choice':
        if (typeof value !== 'string' || !item.options?.includes(value))
          return errors.push({ field: at('value'), message: `must be one of: ${item.options?.join(', ')}` });
        checked.push({ itemId: item.id, item, trainerId, numberValue: null, textValue: value });
        return;
      case 'free_text':
        if (typeof value !== 'string' || value.length > MAX_TEXT)
          return errors.push({ field: at('value'), message: `must be text of at most ${MAX_TEXT} characters` });
        if (value.trim())
          checked.push({ itemId: item.id, item, trainerId, numberValue: null, textValue: value.trim() });
        return;
    }
  });
  const answered = new Set(checked.map((a) => `${a.itemId}:${a.trainerId ?? ''}`));
  for (const item of items.filter((it) => it.required)) {
    const needed = item.about === 'trainer' ? trainerIds.map((t) => `${item.id}:${t}`) : [`${item.id}:`];
    if (needed.some((key) => !answered.has(key)) && !errors.some((e) => e.field.startsWith('answers.')))
      errors.push({
        field: 'answers',
        message: `item ${item.id} is required${item.about === 'trainer' ? ' for every trainer' : ''}`,
      });
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers: checked };
}
