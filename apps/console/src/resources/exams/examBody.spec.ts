import { describe, expect, it } from '@jest/globals';
import { examBody, toInstant } from './examBody';

describe('exam body', () => {
  it('turns the browser wall time into an instant and keeps instants as they are', () => {
    expect(toInstant('2030-03-01T09:00')).toBe(new Date('2030-03-01T09:00').toISOString());
    expect(toInstant('2030-03-01T09:00:00+08:00')).toBe('2030-03-01T09:00:00+08:00');
    expect(toInstant('')).toBeNull();
  });

  it('sends only the chosen way of picking questions', () => {
    const blueprint = examBody({
      mode: 'blueprint',
      questionIds: ['q1'],
      blueprint: [{ businessProcess: ' 采购 ', difficulty: 2, count: 3, points: null }],
    });
    expect(blueprint.questionIds).toBeUndefined();
    expect(blueprint.blueprint).toEqual([{ businessProcess: '采购', difficulty: 2, count: 3, points: null }]);
    const fixed = examBody({ mode: 'fixed', questionIds: ['q1'], blueprint: [] });
    expect(fixed).toMatchObject({ questionIds: ['q1'] });
    expect(fixed.blueprint).toBeUndefined();
  });

  it('sends the review mode as chosen', () => {
    expect(examBody({ mode: 'fixed', reviewMode: 'no_attempt_left' }).reviewMode).toBe('no_attempt_left');
  });

  it('leaves overrides out of a new exam without any, and fills their defaults', () => {
    expect(examBody({ mode: 'fixed', overrides: [] })).not.toHaveProperty('overrides');
    expect(examBody({ mode: 'fixed', overrides: [] }, true).overrides).toEqual([]);
    expect(examBody({ mode: 'fixed', overrides: [{ userId: 'u1', extraMinutes: null }] }).overrides).toEqual([
      { userId: 'u1', extraMinutes: 0, opensAt: null, closesAt: null },
    ]);
  });
});
