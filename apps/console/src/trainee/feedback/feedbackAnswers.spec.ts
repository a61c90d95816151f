import { describe, expect, it } from '@jest/globals';
import type { FeedbackItem } from '@cascade/contracts';
import { answerBody, errorsByPrompt, feedbackPrompts, missingAnswers } from './feedbackAnswers';

const item = (id: string, type: FeedbackItem['type'], about: FeedbackItem['about'], required = true): FeedbackItem => ({
  id,
  type,
  about,
  text: id,
  options: type === 'single_choice' ? ['a', 'b'] : null,
  required,
});

const ITEMS = [
  item('clarity', 'likert_5', 'trainer'),
  item('nps', 'nps_0_10', 'session'),
  item('pace', 'single_choice', 'content'),
  item('comment', 'free_text', 'trainer', false),
];
const TRAINERS = [
  { id: 't1', name: '李明' },
  { id: 't2', name: '赵静' },
];

describe('feedback answers', () => {
  const prompts = feedbackPrompts(ITEMS, TRAINERS);

  it('asks trainer items once per trainer and the rest once', () => {
    expect(prompts.map((p) => p.key)).toEqual([
      'clarity:t1',
      'clarity:t2',
      'nps:',
      'pace:',
      'comment:t1',
      'comment:t2',
    ]);
  });

  it('names required prompts still unanswered, treating blank text as unanswered', () => {
    expect(missingAnswers(prompts, { 'clarity:t1': 4, 'nps:': 0, 'pace:': ' ' })).toEqual(['clarity:t2', 'pace:']);
  });

  it('builds the body in prompt order with trainer ids, leaving out blanks, and maps errors back', () => {
    const { answers, promptKeys } = answerBody(prompts, {
      'clarity:t1': 5,
      'clarity:t2': 3,
      'nps:': 0,
      'pace:': 'b',
      'comment:t1': '  ',
      'comment:t2': ' 很好 ',
    });
    expect(answers).toEqual([
      { itemId: 'clarity', trainerId: 't1', value: 5 },
      { itemId: 'clarity', trainerId: 't2', value: 3 },
      { itemId: 'nps', value: 0 },
      { itemId: 'pace', value: 'b' },
      { itemId: 'comment', trainerId: 't2', value: '很好' },
    ]);
    expect(
      errorsByPrompt(
        [
          { field: 'answers.4.value', message: 'too long' },
          { field: 'answers', message: 'item x is required' },
        ],
        promptKeys,
      ),
    ).toEqual({ byPrompt: { 'comment:t2': 'too long' }, general: ['item x is required'] });
  });
});
