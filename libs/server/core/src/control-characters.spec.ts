import { controlCharacterPath, hasControlCharacter } from './control-characters';

describe('control characters', () => {
  it.each(['\u0000', 'a\u0001b', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b[31m', '\u001f'])('finds %j', (text) =>
    expect(hasControlCharacter(text)).toBe(true),
  );

  it.each(['', 'plain', 'line one\nline two', 'a\tb', 'windows\r\n', '采购下单', 'emoji 🎉', '\u007f', '\u00a0'])(
    'lets %j through',
    (text) => expect(hasControlCharacter(text)).toBe(false),
  );

  it('names the dotted path of the first offending string', () => {
    expect(controlCharacterPath({ title: 'ok', items: [{ text: 'fine' }, { text: 'bad\u0000' }] })).toBe(
      'items.1.text',
    );
    expect(controlCharacterPath({ a: { b: ['x', 'y\u0002'] }, c: '\u0000' })).toBe('a.b.1');
    expect(controlCharacterPath(['ok', 'no\u0000'])).toBe('1');
    expect(controlCharacterPath('\u0000')).toBe('');
  });

  it('walks records of any prototype, as query parsers build them', () => {
    const query = Object.assign(Object.create(Object.create(null)), { q: 'a\u0000' });
    expect(controlCharacterPath(query)).toBe('q');
    expect(controlCharacterPath(Object.assign(Object.create(null), { q: '\u0001' }))).toBe('q');
    expect(controlCharacterPath(Buffer.from('\u0000'))).toBeNull();
  });

  it('checks keys too, naming them without the raw byte', () => {
    expect(controlCharacterPath({ answers: { 'q\u00001': 'A' } })).toBe('answers.q\\u00001');
  });

  it('finds nothing in clean or non-text values', () => {
    expect(controlCharacterPath({ n: 1, b: true, z: null, list: [1, 'two\nlines'], when: new Date(0) })).toBeNull();
    expect(controlCharacterPath(undefined)).toBeNull();
    expect(controlCharacterPath(42)).toBeNull();
  });

  it('walks a deeply nested value without exhausting the stack', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(controlCharacterPath(deep)?.split('.')).toHaveLength(100_000);
  });
});
