import { QUESTION_TYPES } from '@cascade/contracts';
import { describe, expect, it } from '@jest/globals';
import { defaultBody, itemsWithIds, nextId } from './questionBody';

describe('question body', () => {
  it('hands out the first free id', () => {
    expect(nextId([])).toBe('A');
    expect(nextId(['A', 'C'])).toBe('B');
    expect(nextId(['1', '2'], 'number')).toBe('3');
  });

  it('numbers new items in order', () => {
    expect(itemsWithIds(['x', 'y'], 'number')).toEqual([
      { id: '1', text: 'x' },
      { id: '2', text: 'y' },
    ]);
  });

  it('gives every type a body of its own type whose key names its own items', () => {
    for (const type of QUESTION_TYPES) expect(defaultBody(type).type).toBe(type);
    const matching = defaultBody('matching');
    if (matching.type !== 'matching') throw new Error('unreachable');
    expect(matching.key.pairs).toEqual([
      { left: 'A', right: '1' },
      { left: 'B', right: '2' },
    ]);
  });
});
