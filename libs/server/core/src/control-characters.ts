// C0 control characters except tab, line feed and carriage return, which multi-line text carries.
// PostgreSQL refuses NUL in text and jsonb outright; the others are never meant in user text.
// eslint-disable-next-line no-control-regex -- finding these characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters';

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

// Plain records only, whatever their prototype (Fastify's query objects have their own); not Buffers or Dates.
const isRecord = (value: unknown): value is Record<string, unknown> =>
  Object.prototype.toString.call(value) === '[object Object]';

// A key may itself hold the character; the path names it visibly rather than echoing the raw byte.
const visible = (key: string) =>
  // eslint-disable-next-line no-control-regex -- as above
  key.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The dotted path (`items.0.text`) of the first string or key holding a control character in
 * a parsed JSON value, '' when the value itself is such a string, or null when there is none.
 * Walks iteratively, so a deeply nested body cannot exhaust the stack.
 */
export function controlCharacterPath(value: unknown): string | null {
  const pending: { value: unknown; path: string; key?: string }[] = [{ value, path: '' }];
  while (pending.length) {
    const { value: current, path, key } = pending.pop()!;
    if (key !== undefined && hasControlCharacter(key)) return path;
    if (typeof current === 'string') {
      if (hasControlCharacter(current)) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push({ value: current[i], path: join(path, String(i)) });
    } else if (isRecord(current)) {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--)
        pending.push({ value: current[keys[i]], path: join(path, visible(keys[i])), key: keys[i] });
    }
  }
  return null;
}

const join = (path: string, segment: string) => (path ? `${path}.${segment}` : segment);
