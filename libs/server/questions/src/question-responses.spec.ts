import { QuestionType } from '@cascade/contracts';
import { QUESTION_EXAMPLES } from './question-examples';
import { countWords, validateResponse } from './question-types';

function fieldsOf(
  type: QuestionType,
  response: unknown,
  content: unknown = QUESTION_EXAMPLES[type].content,
): string[] | 'valid' {
  const result = validateResponse(type, content as never, response);
  return result.ok ? 'valid' : result.errors.map((e) => e.field);
}

describe('trainee responses', () => {
  it('single choice: one option id', () => {
    expect(fieldsOf('single_choice', 'B')).toBe('valid');
    expect(fieldsOf('single_choice', 'Z')).toEqual(['response']);
    expect(fieldsOf('single_choice', ['A'])).toEqual(['response']);
    expect(fieldsOf('single_choice', undefined)).toEqual(['response']);
  });

  it('multiple choice: distinct option ids, possibly none', () => {
    expect(fieldsOf('multiple_choice', ['A', 'D'])).toBe('valid');
    expect(fieldsOf('multiple_choice', [])).toBe('valid');
    expect(fieldsOf('multiple_choice', ['A', 'X'])).toEqual(['response.1']);
    expect(fieldsOf('multiple_choice', ['A', 'A'])).toEqual(['response.1']);
    expect(fieldsOf('multiple_choice', 'A')).toEqual(['response']);
    expect(fieldsOf('multiple_choice', [1])).toEqual(['response.0']);
  });

  it('true or false: a boolean', () => {
    expect(fieldsOf('true_false', false)).toBe('valid');
    expect(fieldsOf('true_false', 'false')).toEqual(['response']);
    expect(fieldsOf('true_false', null)).toEqual(['response']);
  });

  it('fill in: one text per blank', () => {
    expect(fieldsOf('fill_in', ['ME21N', ''])).toBe('valid');
    expect(fieldsOf('fill_in', ['ME21N'])).toEqual(['response']);
    expect(fieldsOf('fill_in', ['ME21N', 7])).toEqual(['response.1']);
    expect(fieldsOf('fill_in', ['ME21N', 'x'.repeat(1001)])).toEqual(['response.1']);
  });

  it('ordering: every item id once', () => {
    expect(fieldsOf('ordering', ['B', 'A', 'C', 'D', 'E'])).toBe('valid');
    expect(fieldsOf('ordering', ['B', 'A', 'C', 'D'])).toEqual(['response']);
    expect(fieldsOf('ordering', ['B', 'A', 'C', 'D', 'D'])).toEqual(['response.4']);
    expect(fieldsOf('ordering', ['B', 'A', 'C', 'D', 'Q'])).toEqual(['response.4']);
  });

  it('matching: pairs of known ids, each left item at most once', () => {
    expect(fieldsOf('matching', [{ left: 'A', right: '2' }])).toBe('valid');
    expect(fieldsOf('matching', [])).toBe('valid');
    expect(
      fieldsOf('matching', [
        { left: 'A', right: '2' },
        { left: 'A', right: '3' },
      ]),
    ).toEqual(['response.1.left']);
    expect(fieldsOf('matching', [{ left: 'Z', right: '7' }])).toEqual(['response.0.left', 'response.0.right']);
    expect(fieldsOf('matching', [{ left: 'A' }])).toEqual(['response.0.right']);
    expect(fieldsOf('matching', [{ left: 'A', right: '1', note: 'sure' }])).toEqual(['response.0.note']);
    expect(fieldsOf('matching', { A: '1' })).toEqual(['response']);
  });

  it('essay: text of at most 20000 characters and the word limit', () => {
    expect(fieldsOf('essay', '先核对送货单与采购订单，再决定让步接收或拒收。')).toBe('valid');
    expect(fieldsOf('essay', 'x'.repeat(20_001), {})).toEqual(['response']);
    expect(fieldsOf('essay', '收'.repeat(501))).toEqual(['response']);
    expect(fieldsOf('essay', 42)).toEqual(['response']);
  });

  it('counts Chinese characters and other words alike', () => {
    expect(countWords('收货 check the PO 数量')).toBe(7);
    expect(countWords('')).toBe(0);
  });
});
