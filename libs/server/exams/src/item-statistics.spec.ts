import {
  difficultyFlag,
  expectedFacility,
  extremeGroups,
  itemStatistics,
  reliability,
  ScoredAttempt,
  scoreDistribution,
  variance,
} from './item-statistics';

/** Attempts from rows of [score, points] per question; percent from the row's own totals unless given. */
function attempts(questionIds: string[], rows: ([number, number] | null)[][], percents?: number[]): ScoredAttempt[] {
  return rows.map((row, i) => {
    const items = new Map<string, { score: number; points: number }>();
    row.forEach((cell, q) => cell && items.set(questionIds[q], { score: cell[0], points: cell[1] }));
    const score = [...items.values()].reduce((s, x) => s + x.score, 0);
    const max = [...items.values()].reduce((s, x) => s + x.points, 0);
    return { id: `a${String(i).padStart(2, '0')}`, percent: percents?.[i] ?? (score / max) * 100, items };
  });
}

const right = [1, 1] as [number, number];
const wrong = [0, 1] as [number, number];

describe('item statistics', () => {
  it('KR-20 of a right/wrong matrix, by hand', () => {
    //        q1 q2 q3 q4  total
    // a1      1  1  1  1   4
    // a2      1  1  1  0   3
    // a3      1  1  0  0   2
    // a4      1  0  0  0   1
    // a5      0  0  0  0   0
    // p = .8 .6 .4 .2 → Σpq = .16 + .24 + .24 + .16 = 0.8
    // totals 4,3,2,1,0: mean 2, variance (4+1+0+1+4)/5 = 2
    // KR-20 = 4/3 · (1 − 0.8/2) = 0.8
    const matrix = attempts(
      ['q1', 'q2', 'q3', 'q4'],
      [
        [right, right, right, right],
        [right, right, right, wrong],
        [right, right, wrong, wrong],
        [right, wrong, wrong, wrong],
        [wrong, wrong, wrong, wrong],
      ],
    );
    const result = reliability(matrix);
    expect(result.method).toBe('kr20');
    expect(result.value).toBeCloseTo(0.8, 10);
    expect(itemStatistics(matrix, 'q1')).toMatchObject({ responses: 5, facility: 0.8 });
    expect(itemStatistics(matrix, 'q4').facility).toBeCloseTo(0.2, 10);
  });

  it('KR-20 scores right/wrong as 1/0, whatever the points', () => {
    // The same pattern with items worth 2, 5, 1 and 3 points is still KR-20 = 0.8.
    const points = [2, 5, 1, 3];
    const pattern = [
      [1, 1, 1, 1],
      [1, 1, 1, 0],
      [1, 1, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 0],
    ];
    const matrix = attempts(
      ['q1', 'q2', 'q3', 'q4'],
      pattern.map((row) => row.map((ok, q) => [ok * points[q], points[q]] as [number, number])),
    );
    expect(reliability(matrix)).toEqual({ method: 'kr20', value: expect.closeTo(0.8, 10) });
  });

  it("Cronbach's alpha when some answer earned partial credit, by hand", () => {
    //        q1(2) q2(4) q3(4)  total
    // a1      2     4     3      9
    // a2      2     2     4      8
    // a3      0     2     1      3
    // a4      0     0     0      0
    // item variances: q1 (1+1+1+1)/4 = 1, q2 (4+0+0+4)/4 = 2, q3 (1+4+1+4)/4 = 2.5 → Σ 5.5
    // totals 9,8,3,0: mean 5, variance (16+9+4+25)/4 = 13.5
    // alpha = 3/2 · (1 − 5.5/13.5) = 3/2 · 16/27 = 8/9
    const matrix = attempts(
      ['q1', 'q2', 'q3'],
      [
        [
          [2, 2],
          [4, 4],
          [3, 4],
        ],
        [
          [2, 2],
          [2, 4],
          [4, 4],
        ],
        [
          [0, 2],
          [2, 4],
          [1, 4],
        ],
        [
          [0, 2],
          [0, 4],
          [0, 4],
        ],
      ],
    );
    expect(reliability(matrix)).toEqual({ method: 'alpha', value: expect.closeTo(8 / 9, 10) });
    // q2: (4 + 2 + 2 + 0) / 16 = 0.5
    expect(itemStatistics(matrix, 'q2').facility).toBeCloseTo(0.5, 10);
  });

  it('has no reliability below two attempts, with no spread, or without two common items', () => {
    expect(reliability(attempts(['q1', 'q2'], [[right, wrong]])).value).toBeNull();
    expect(
      reliability(
        attempts(
          ['q1', 'q2'],
          [
            [right, wrong],
            [right, wrong],
          ],
        ),
      ).value,
    ).toBeNull();
    // Blueprint draws: a1 got q1 q2 q3, a2 got q1 q2 q4, a3 got q1 q3 q4 → only q1 is common.
    const drawn = attempts(
      ['q1', 'q2', 'q3', 'q4'],
      [
        [right, right, wrong, null],
        [wrong, wrong, null, right],
        [right, null, right, wrong],
      ],
    );
    expect(reliability(drawn).value).toBeNull();
    expect(reliability([])).toEqual({ method: 'kr20', value: null });
  });

  it('reliability uses only the questions every attempt answered', () => {
    // q3 was drawn only for a1: the coefficient is the one of q1 and q2 alone.
    //        q1 q2   total
    // a1      1  1    2
    // a2      1  0    1
    // a3      0  0    0
    // p = 2/3, 1/3 → Σpq = 2/9 + 2/9 = 4/9; totals variance (1+0+1)/3 = 2/3
    // KR-20 = 2 · (1 − (4/9)/(2/3)) = 2 · 1/3 = 2/3
    const matrix = attempts(
      ['q1', 'q2', 'q3'],
      [
        [right, right, right],
        [right, wrong, null],
        [wrong, wrong, null],
      ],
    );
    expect(reliability(matrix).value).toBeCloseTo(2 / 3, 10);
  });

  it('discrimination: facility in the top 27% minus the bottom 27%, by hand', () => {
    // Ten attempts by percent 95 … 10; round(0.27 · 10) = 3 in each group.
    // item X (2 points):   95:2  90:2  80:0 | 70:2 60:2 50:0 40:2 | 30:0 20:2 10:0
    // upper 4/6, lower 2/6 → discrimination 1/3; overall facility 12/20 = 0.6
    const percents = [95, 90, 80, 70, 60, 50, 40, 30, 20, 10];
    const scores = [2, 2, 0, 2, 2, 0, 2, 0, 2, 0];
    const matrix = attempts(
      ['x'],
      scores.map((s) => [[s, 2]]),
      percents,
    );
    const { upper, lower } = extremeGroups(matrix);
    expect(upper.map((a) => a.percent)).toEqual([95, 90, 80]);
    expect(lower.map((a) => a.percent)).toEqual([30, 20, 10]);
    const stats = itemStatistics(matrix, 'x');
    expect(stats.responses).toBe(10);
    expect(stats.facility).toBeCloseTo(0.6, 10);
    expect(stats.discrimination).toBeCloseTo(1 / 3, 10);
  });

  it('extreme groups: at least one each, never overlapping; none for a single attempt', () => {
    const two = attempts(['x'], [[right], [wrong]]);
    expect(extremeGroups(two).upper.map((a) => a.id)).toEqual(['a00']);
    expect(extremeGroups(two).lower.map((a) => a.id)).toEqual(['a01']);
    expect(itemStatistics(two, 'x').discrimination).toBe(1);
    const one = attempts(['x'], [[right]]);
    expect(itemStatistics(one, 'x')).toEqual({ responses: 1, facility: 1, discrimination: null });
    // A question nobody in the lower group was given has no discrimination.
    const drawn = attempts(
      ['x', 'y'],
      [
        [right, right],
        [right, null],
        [wrong, null],
      ],
    );
    expect(itemStatistics(drawn, 'y')).toEqual({ responses: 1, facility: 1, discrimination: null });
  });

  it('flags a facility outside the range its labelled difficulty expects, given enough responses', () => {
    expect(expectedFacility(1)).toEqual({ min: 0.85, max: 1 });
    expect(expectedFacility(3)).toEqual({ min: 0.5, max: 0.75 });
    expect(difficultyFlag(0.6, 1, 5)).toBe('harder_than_labelled');
    expect(difficultyFlag(0.5, 5, 12)).toBe('easier_than_labelled');
    expect(difficultyFlag(0.8, 2, 12)).toBeNull();
    expect(difficultyFlag(0.9, 2, 12)).toBeNull();
    expect(difficultyFlag(0.6, 1, 4)).toBeNull();
    expect(difficultyFlag(null, 1, 10)).toBeNull();
  });

  it('distributes percents into ten buckets, 100 in the last', () => {
    const buckets = scoreDistribution([0, 9.99, 10, 55, 100, 99.5]);
    expect(buckets).toHaveLength(10);
    expect(buckets[0]).toEqual({ from: 0, to: 10, count: 2 });
    expect(buckets[1]).toEqual({ from: 10, to: 20, count: 1 });
    expect(buckets[5].count).toBe(1);
    expect(buckets[9]).toEqual({ from: 90, to: 100, count: 2 });
    expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(6);
  });

  it('variance divides by n', () => {
    expect(variance([4, 3, 2, 1, 0])).toBe(2);
    expect(variance([])).toBe(0);
  });
});
