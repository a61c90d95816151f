import { describe, expect, it } from '@jest/globals';
import englishMessages from 'ra-language-english';
import { en } from './en';
import zhCN from './zh-CN';

type Tree = { [key: string]: unknown };

/** Every leaf of a message tree as `path → value`. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [leafPath, leaf] of leaves(value as Tree, path)) found.set(leafPath, leaf);
    } else {
      found.set(path, value);
    }
  }
  return found;
}

// ra.boolean.null is a single space in react-admin's own pack: blank on purpose.
const BLANK_ALLOWED = new Set(['ra.boolean.null']);
const isMessage = (path: string, value: unknown) =>
  typeof value === 'string' && (value.trim().length > 0 || (BLANK_ALLOWED.has(path) && value.length > 0));

describe('console messages', () => {
  const english = leaves({ ...(englishMessages as Tree), ...(en as Tree) });
  const chinese = leaves(zhCN as Tree);

  it('loads react-admin English pack', () => {
    expect(english.get('ra.action.save')).toBe('Save');
    expect(english.size).toBeGreaterThan(150);
  });

  it('has every English key in zh-CN, as a non-empty string', () => {
    const missing = [...english.keys()].filter((path) => !isMessage(path, chinese.get(path)));
    expect(missing).toEqual([]);
  });

  it('has no zh-CN key that English lacks', () => {
    const extra = [...chinese.keys()].filter((path) => !isMessage(path, english.get(path)));
    expect(extra).toEqual([]);
  });

  // Chinese has one plural form, so a translation may drop a placeholder, but never invent one.
  it('uses only placeholders the English message has', () => {
    const placeholders = (text: unknown) => String(text).match(/%\{\w+\}/g) ?? [];
    const invented = [...chinese.keys()].filter((path) => {
      const known = new Set(placeholders(english.get(path)));
      return placeholders(chinese.get(path)).some((name) => !known.has(name));
    });
    expect(invented).toEqual([]);
  });
});
