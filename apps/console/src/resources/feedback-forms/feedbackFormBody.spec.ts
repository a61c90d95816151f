import { describe, expect, it } from '@jest/globals';
import { itemsBody, previewItems } from './feedbackFormBody';

describe('feedback form body', () => {
  it('keeps options only on single choices, trimmed, and leaves new items without an id', () => {
    expect(
      itemsBody([
        { id: 'q1', type: 'likert_5', about: 'trainer', text: ' 讲解清楚 ', options: ['left over'] },
        {
          id: '',
          type: 'single_choice',
          about: 'content',
          text: '节奏',
          options: [' 太快 ', '', null, '合适'],
          required: false,
        },
      ]),
    ).toEqual([
      { id: 'q1', type: 'likert_5', about: 'trainer', text: '讲解清楚', required: true },
      { type: 'single_choice', about: 'content', text: '节奏', required: false, options: ['太快', '合适'] },
    ]);
  });

  it('previews unfinished items with a placeholder text and skips ones without a type', () => {
    expect(previewItems([{ type: 'free_text', about: 'session' }, { text: 'x' }])).toEqual([
      { id: 'preview-0', type: 'free_text', about: 'session', text: '…', options: null, required: true },
    ]);
  });
});
