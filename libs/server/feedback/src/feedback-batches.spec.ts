import { ANONYMITY_THRESHOLD, batchToClose } from './feedback-batches';

/** Responses submitted one at a time: how many are counted after each submission. */
function countedAfterEach(submissions: number, threshold = ANONYMITY_THRESHOLD): number[] {
  let counted = 0;
  let waiting = 0;
  const visible: number[] = [];
  for (let i = 0; i < submissions; i++) {
    waiting += 1;
    const closing = batchToClose(waiting, threshold);
    counted += closing;
    waiting -= closing;
    visible.push(counted);
  }
  return visible;
}

describe('batchToClose', () => {
  it('keeps fewer than the threshold waiting and takes every waiting response once it is reached', () => {
    expect(ANONYMITY_THRESHOLD).toBe(3);
    expect([0, 1, 2].map((n) => batchToClose(n))).toEqual([0, 0, 0]);
    expect(batchToClose(3)).toBe(3);
    // Responses that were already visible before batches existed close as one larger batch.
    expect(batchToClose(7)).toBe(7);
    expect(batchToClose(4, 5)).toBe(0);
    expect(batchToClose(5, 5)).toBe(5);
  });

  it('lets the counted total move only by a whole batch, never by one response', () => {
    const visible = countedAfterEach(10);
    expect(visible).toEqual([0, 0, 3, 3, 3, 6, 6, 6, 9, 9]);
    const steps = visible.map((n, i) => n - (visible[i - 1] ?? 0)).filter((step) => step !== 0);
    expect(steps.every((step) => step >= ANONYMITY_THRESHOLD)).toBe(true);
  });
});
