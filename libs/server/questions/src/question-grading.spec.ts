import { QuestionType, TypedQuestionBody } from '@cascade/contracts';
import { QUESTION_EXAMPLES } from './question-examples';
import { gradeResponse } from './question-types';

const question = <T extends QuestionType>(
  type: T,
  change: (q: (typeof QUESTION_EXAMPLES)[T]) => void = () => undefined,
) => {
  const copy = structuredClone(QUESTION_EXAMPLES[type]);
  change(copy);
  return copy as TypedQuestionBody & { points: number };
};

describe('grading', () => {
  it('single choice: all or nothing', () => {
    expect(gradeResponse(question('single_choice'), 'A')).toEqual({ score: 2, maxScore: 2, correct: true });
    expect(gradeResponse(question('single_choice'), 'B')).toEqual({ score: 0, maxScore: 2, correct: false });
  });

  it('multiple choice, partial: right picks less wrong picks over the correct count, never below 0', () => {
    const partial = question('multiple_choice'); // correct A, B; 4 points
    expect(gradeResponse(partial, ['A', 'B'])).toEqual({ score: 4, maxScore: 4, correct: true });
    expect(gradeResponse(partial, ['B', 'A'])).toEqual({ score: 4, maxScore: 4, correct: true });
    expect(gradeResponse(partial, ['A'])).toEqual({ score: 2, maxScore: 4, correct: false });
    expect(gradeResponse(partial, ['A', 'B', 'C'])).toEqual({ score: 2, maxScore: 4, correct: false });
    expect(gradeResponse(partial, ['A', 'C'])).toEqual({ score: 0, maxScore: 4, correct: false });
    expect(gradeResponse(partial, ['A', 'B', 'C', 'D'])).toEqual({ score: 0, maxScore: 4, correct: false });
    expect(gradeResponse(partial, ['C', 'D'])).toEqual({ score: 0, maxScore: 4, correct: false });
    expect(gradeResponse(partial, [])).toEqual({ score: 0, maxScore: 4, correct: false });
  });

  it('multiple choice, partial: rounds to hundredths', () => {
    const thirds = question('multiple_choice', (q) => {
      q.key = { correct: ['A', 'B', 'C'], scoring: 'partial' };
      q.points = 1;
    });
    expect(gradeResponse(thirds, ['A'])).toEqual({ score: 0.33, maxScore: 1, correct: false });
    expect(gradeResponse(thirds, ['A', 'B'])).toEqual({ score: 0.67, maxScore: 1, correct: false });
  });

  it('multiple choice, all or nothing', () => {
    const strict = question('multiple_choice', (q) => (q.key.scoring = 'all_or_nothing'));
    expect(gradeResponse(strict, ['B', 'A'])).toEqual({ score: 4, maxScore: 4, correct: true });
    expect(gradeResponse(strict, ['A'])).toEqual({ score: 0, maxScore: 4, correct: false });
  });

  it('true or false', () => {
    expect(gradeResponse(question('true_false'), false)).toEqual({ score: 1, maxScore: 1, correct: true });
    expect(gradeResponse(question('true_false'), true)).toEqual({ score: 0, maxScore: 1, correct: false });
  });

  it('fill in: a share per blank, any accepted answer, case and spaces as the key says', () => {
    const blanks = question('fill_in'); // ME21N | MIGO or MB01; ignore case and spaces; 4 points
    expect(gradeResponse(blanks, ['ME21N', 'MIGO'])).toEqual({ score: 4, maxScore: 4, correct: true });
    expect(gradeResponse(blanks, [' me 21n ', 'mb01'])).toEqual({ score: 4, maxScore: 4, correct: true });
    // Full-width letters from a Chinese input method count as the same answer.
    expect(gradeResponse(blanks, ['ＭＥ２１Ｎ', 'MIGO'])).toEqual({ score: 4, maxScore: 4, correct: true });
    expect(gradeResponse(blanks, ['ME21N', 'VA01'])).toEqual({ score: 2, maxScore: 4, correct: false });
    expect(gradeResponse(blanks, ['', ''])).toEqual({ score: 0, maxScore: 4, correct: false });
    const strict = question('fill_in', (q) => (q.key = { ...q.key, ignoreCase: false, ignoreSpaces: false }));
    expect(gradeResponse(strict, ['me21n', 'MIGO'])).toEqual({ score: 2, maxScore: 4, correct: false });
    expect(gradeResponse(strict, ['ME 21N', ' MIGO '])).toEqual({ score: 2, maxScore: 4, correct: false });
  });

  it('ordering: all or nothing', () => {
    expect(gradeResponse(question('ordering'), ['A', 'B', 'C', 'D', 'E'])).toEqual({
      score: 5,
      maxScore: 5,
      correct: true,
    });
    expect(gradeResponse(question('ordering'), ['A', 'B', 'C', 'E', 'D'])).toEqual({
      score: 0,
      maxScore: 5,
      correct: false,
    });
  });

  it('matching: all or nothing', () => {
    const right = [
      { left: 'C', right: '3' },
      { left: 'A', right: '1' },
      { left: 'B', right: '2' },
    ];
    expect(gradeResponse(question('matching'), right)).toEqual({ score: 3, maxScore: 3, correct: true });
    expect(gradeResponse(question('matching'), right.slice(0, 2))).toEqual({ score: 0, maxScore: 3, correct: false });
    expect(gradeResponse(question('matching'), [...right.slice(0, 2), { left: 'B', right: '3' }])).toEqual({
      score: 0,
      maxScore: 3,
      correct: false,
    });
  });

  it('essay: left to a trainer', () => {
    expect(gradeResponse(question('essay'), '先核对数量')).toBeNull();
  });

  it('scores an answer of the wrong shape, or none, as 0', () => {
    expect(gradeResponse(question('single_choice'), undefined)).toEqual({ score: 0, maxScore: 2, correct: false });
    expect(gradeResponse(question('ordering'), ['A', 'B'])).toEqual({ score: 0, maxScore: 5, correct: false });
    expect(gradeResponse(question('true_false'), 'false')).toEqual({ score: 0, maxScore: 1, correct: false });
  });
});
