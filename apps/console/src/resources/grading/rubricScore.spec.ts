import { describe, expect, it } from '@jest/globals';
import { rubricScores } from './rubricScore';

const rubric = [
  { criterion: 'judgement', points: 4 },
  { criterion: 'steps', points: 4 },
  { criterion: 'communication', points: 2 },
];

describe('rubricScores', () => {
  it('sums the criteria into the total', () => {
    expect(rubricScores(rubric, { 0: '3', 1: '4', 2: '1.5' })).toEqual({
      criteria: [
        { criterion: 0, score: 3 },
        { criterion: 1, score: 4 },
        { criterion: 2, score: 1.5 },
      ],
      total: 8.5,
      complete: true,
      invalid: [],
    });
  });

  it('is incomplete until every criterion has a score within its points', () => {
    expect(rubricScores(rubric, { 0: '3' })).toMatchObject({ total: 3, complete: false });
    expect(rubricScores(rubric, { 0: '5', 1: '1', 2: '1' })).toMatchObject({ complete: false, invalid: [0] });
  });
});
