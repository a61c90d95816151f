import { describe, expect, it } from '@jest/globals';
import { en } from '../i18n/en';
import * as choices from './choices';

type Tree = { [key: string]: unknown };

const lookup = (path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], en as unknown as Tree);

describe('choice labels', () => {
  it('has an English message for every enum value offered in a select', () => {
    const missing = Object.values(choices)
      .filter((value): value is { id: string; name: string }[] => Array.isArray(value))
      .flat()
      .map((choice) => choice.name)
      .filter((key) => typeof lookup(key) !== 'string');
    expect(missing).toEqual([]);
  });
});
