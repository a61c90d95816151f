import type { FeedbackAnswerInput, FeedbackItem } from '@cascade/contracts';

/** One question as the trainee meets it: a trainer item once per trainer, every other item once. */
export interface FeedbackPrompt {
  key: string;
  item: FeedbackItem;
  trainer: { id: string; name: string } | null;
}

export type FeedbackValues = Record<string, number | string | undefined>;

export function feedbackPrompts(items: FeedbackItem[], trainers: { id: string; name: string }[]): FeedbackPrompt[] {
  return items.flatMap<FeedbackPrompt>((item) =>
    item.about === 'trainer'
      ? trainers.map((trainer) => ({ key: `${item.id}:${trainer.id}`, item, trainer }))
      : [{ key: `${item.id}:`, item, trainer: null }],
  );
}

const isAnswered = (value: number | string | undefined) =>
  value !== undefined && !(typeof value === 'string' && value.trim() === '');

/** The prompts a required answer is still missing for, in the order they are shown. */
export function missingAnswers(prompts: FeedbackPrompt[], values: FeedbackValues): string[] {
  return prompts.filter((p) => p.item.required && !isAnswered(values[p.key])).map((p) => p.key);
}

/**
 * The body's answers, in prompt order, and which prompt each one came from so the server's
 * `answers.N.value` errors can be shown beside the right question. Blank free text is left out.
 */
export function answerBody(
  prompts: FeedbackPrompt[],
  values: FeedbackValues,
): { answers: FeedbackAnswerInput[]; promptKeys: string[] } {
  const answers: FeedbackAnswerInput[] = [];
  const promptKeys: string[] = [];
  for (const prompt of prompts) {
    const value = values[prompt.key];
    if (!isAnswered(value)) continue;
    answers.push({
      itemId: prompt.item.id,
      ...(prompt.trainer ? { trainerId: prompt.trainer.id } : {}),
      value: typeof value === 'string' ? value.trim() : (value as number),
    });
    promptKeys.push(prompt.key);
  }
  return { answers, promptKeys };
}

/** Server field errors (`answers.3.value`) as messages per prompt key; the rest stay general. */
export function errorsByPrompt(
  fieldErrors: { field: string; message: string }[],
  promptKeys: string[],
): { byPrompt: Record<string, string>; general: string[] } {
  const byPrompt: Record<string, string> = {};
  const general: string[] = [];
  for (const { field, message } of fieldErrors) {
    const index = /^answers\.(\d+)\./.exec(field)?.[1];
    const key = index === undefined ? undefined : promptKeys[Number(index)];
    if (key) byPrompt[key] = message;
    else general.push(message);
  }
  return { byPrompt, general };
}
