import { QUESTION_TYPES } from '@cascade/contracts';
import { QUESTION_EXAMPLES } from './question-examples';
import { validateQuestionShape } from './question-types';

type Body = { type: unknown; content: unknown; key: unknown; points: number };

/** The fields named by a failed check, or `valid`. */
function fieldsOf(body: Body): string[] | 'valid' {
  const result = validateQuestionShape(body);
  return result.ok ? 'valid' : result.errors.map((e) => e.field);
}

const example = <T extends keyof typeof QUESTION_EXAMPLES>(type: T): (typeof QUESTION_EXAMPLES)[T] =>
  structuredClone(QUESTION_EXAMPLES[type]);

describe('question shapes', () => {
  it.each(QUESTION_TYPES)('accepts the %s example', (type) => {
    expect(fieldsOf(example(type))).toBe('valid');
  });

  it('keeps only known fields and trims texts', () => {
    const body = example('single_choice');
    body.content.options[0] = { id: ' A ', text: '  按采购订单创建收货单 ' };
    const result = validateQuestionShape(body);
    expect(result.ok && result.value.content).toEqual({
      options: [{ id: 'A', text: '按采购订单创建收货单' }, ...body.content.options.slice(1)],
    });
  });

  it('names the type when it is unknown, and content or key when they are not objects', () => {
    expect(fieldsOf({ ...example('essay'), type: 'oral_exam' })).toEqual(['type']);
    expect(fieldsOf({ ...example('essay'), content: [] })).toEqual(['content']);
    expect(fieldsOf({ ...example('true_false'), key: null })).toEqual(['key']);
    expect(fieldsOf({ ...example('true_false'), content: 'x', key: 'y' })).toEqual(['content', 'key']);
  });

  describe('single choice', () => {
    it('names the wrong option and key fields', () => {
      const body = example('single_choice');
      expect(fieldsOf({ ...body, key: { correct: 'Z' } })).toEqual(['key.correct']);
      expect(fieldsOf({ ...body, key: {} })).toEqual(['key.correct']);
      expect(fieldsOf({ ...body, key: { correct: 'A', also: 'B' } })).toEqual(['key.also']);
      const options = [...body.content.options, { text: 'no id' }];
      expect(fieldsOf({ ...body, content: { options } })).toEqual(['content.options.3.id']);
      expect(
        fieldsOf({ ...body, content: { options: [body.content.options[0], { id: 'A', text: 'again' }] } }),
      ).toEqual(['content.options.1.id']);
      expect(fieldsOf({ ...body, content: { options: [body.content.options[0]] } })).toEqual(['content.options']);
      expect(
        fieldsOf({ ...body, content: { options: body.content.options.map((o) => ({ ...o, text: '  ' })) } }),
      ).toEqual(['content.options.0.text', 'content.options.1.text', 'content.options.2.text']);
      const eleven = Array.from({ length: 11 }, (_, i) => ({ id: `o${i}`, text: `option ${i}` }));
      expect(fieldsOf({ ...body, content: { options: eleven }, key: { correct: 'o1' } })).toEqual(['content.options']);
    });

    it('says what is wrong in plain words', () => {
      const result = validateQuestionShape({
        ...example('single_choice'),
        content: { options: [{ id: 'A' }, { id: 7, text: 'x' }] },
      });
      expect(result.ok ? [] : result.errors).toEqual([
        { field: 'content.options.0.text', message: 'is required' },
        { field: 'content.options.1.id', message: 'must be a string' },
      ]);
    });
  });

  describe('multiple choice', () => {
    it('names the wrong key fields', () => {
      const body = example('multiple_choice');
      expect(fieldsOf({ ...body, key: { correct: [], scoring: 'partial' } })).toEqual(['key.correct']);
      expect(fieldsOf({ ...body, key: { correct: ['A', 'X'], scoring: 'partial' } })).toEqual(['key.correct.1']);
      expect(fieldsOf({ ...body, key: { correct: ['A', 'A'], scoring: 'partial' } })).toEqual(['key.correct.1']);
      expect(fieldsOf({ ...body, key: { correct: ['A'], scoring: 'generous' } })).toEqual(['key.scoring']);
      expect(fieldsOf({ ...body, key: { correct: 'A', scoring: 'partial' } })).toEqual(['key.correct']);
    });
  });

  describe('true or false', () => {
    it('takes no content and a boolean key', () => {
      const body = example('true_false');
      expect(fieldsOf({ ...body, content: { options: [] } })).toEqual(['content.options']);
      expect(fieldsOf({ ...body, key: { correct: 'false' } })).toEqual(['key.correct']);
    });
  });

  describe('fill in', () => {
    it('needs one list of accepted answers per blank', () => {
      const body = example('fill_in');
      expect(fieldsOf({ ...body, content: { blanks: 3 } })).toEqual(['key.accepted']);
      expect(fieldsOf({ ...body, content: { blanks: 0 } })).toEqual(['content.blanks']);
      expect(fieldsOf({ ...body, content: { blanks: 1.5 } })).toEqual(['content.blanks']);
      expect(fieldsOf({ ...body, key: { ...body.key, accepted: [['ME21N'], []] } })).toEqual(['key.accepted.1']);
      expect(fieldsOf({ ...body, key: { ...body.key, accepted: [['ME21N'], [' ']] } })).toEqual(['key.accepted.1.0']);
      expect(fieldsOf({ ...body, key: { accepted: body.key.accepted, ignoreSpaces: true } })).toEqual([
        'key.ignoreCase',
      ]);
    });
  });

  describe('ordering', () => {
    it('needs the key to be a permutation of the items', () => {
      const body = example('ordering');
      expect(fieldsOf({ ...body, key: { order: ['A', 'B', 'C', 'D'] } })).toEqual(['key.order']);
      expect(fieldsOf({ ...body, key: { order: ['A', 'Q', 'C', 'D', 'E'] } })).toEqual(['key.order.1']);
      expect(fieldsOf({ ...body, key: { order: ['A', 'A', 'C', 'D', 'E'] } })).toEqual(['key.order.1']);
      const thirteen = Array.from({ length: 13 }, (_, i) => ({ id: `s${i}`, text: `step ${i}` }));
      expect(fieldsOf({ ...body, content: { items: thirteen }, key: { order: thirteen.map((s) => s.id) } })).toEqual([
        'content.items',
        'key.order',
      ]);
    });
  });

  describe('matching', () => {
    it('pairs every left item exactly once with a right item that exists', () => {
      const body = example('matching');
      const [a, b] = body.key.pairs;
      expect(fieldsOf({ ...body, key: { pairs: [a, b] } })).toEqual(['key.pairs']);
      expect(fieldsOf({ ...body, key: { pairs: [a, b, { left: 'C', right: '9' }] } })).toEqual(['key.pairs.2.right']);
      expect(fieldsOf({ ...body, key: { pairs: [a, b, { left: 'A', right: '3' }] } })).toEqual(['key.pairs.2.left']);
      expect(fieldsOf({ ...body, key: { pairs: [a, b, { left: 'C' }] } })).toEqual(['key.pairs.2.right']);
      expect(fieldsOf({ ...body, content: { left: body.content.left } })).toEqual(['content.right']);
    });

    it('lets a right item serve twice or stay a distractor', () => {
      const body = example('matching');
      const pairs = [
        { left: 'A', right: '1' },
        { left: 'B', right: '1' },
        { left: 'C', right: '2' },
      ];
      expect(fieldsOf({ ...body, key: { pairs } })).toBe('valid');
    });
  });

  describe('essay', () => {
    it('needs the rubric to add up to the points', () => {
      const body = example('essay');
      expect(fieldsOf({ ...body, points: 12 })).toEqual(['key.rubric']);
      expect(fieldsOf({ ...body, content: { maxWords: 0 } })).toEqual(['content.maxWords']);
      expect(fieldsOf({ ...body, content: {} })).toBe('valid');
      expect(fieldsOf({ ...body, key: { rubric: [] } })).toEqual(['key.rubric']);
      expect(fieldsOf({ ...body, key: { rubric: [{ criterion: '', points: 10 }] } })).toEqual([
        'key.rubric.0.criterion',
      ]);
      expect(fieldsOf({ ...body, key: { rubric: [{ criterion: '完整', points: -10 }] } })).toEqual([
        'key.rubric.0.points',
      ]);
      expect(
        fieldsOf({
          ...body,
          points: 0.3,
          key: {
            rubric: [
              { criterion: 'a', points: 0.1 },
              { criterion: 'b', points: 0.2 },
            ],
          },
        }),
      ).toBe('valid');
    });
  });
});
