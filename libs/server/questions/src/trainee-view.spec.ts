import { LabelledItem, QUESTION_TYPES, QuestionType, TraineeQuestionView } from '@cascade/contracts';
import { QUESTION_EXAMPLES } from './question-examples';
import { gradeResponse } from './question-types';
import { FrozenQuestion, seededShuffle, toTraineeView } from './trainee-view';

const frozen = (type: QuestionType, extra: Partial<FrozenQuestion> = {}): FrozenQuestion =>
  ({
    ...structuredClone(QUESTION_EXAMPLES[type]),
    questionId: '6f1c2a4e-0000-4000-8000-000000000001',
    version: 3,
    scenario: {
      id: '6f1c2a4e-0000-4000-8000-000000000002',
      title: '华东仓收货',
      narrative: '周一到货 120 箱，订单 100 箱。',
      attachments: [],
    },
    ...extra,
  }) as FrozenQuestion;

const labelled = (ids: string[]): LabelledItem[] => ids.map((id) => ({ id, text: `第 ${id} 项` }));

/** An ordering question of `n` items whose key is the authored order. */
const ordering = (n: number, questionId = '6f1c2a4e-0000-4000-8000-000000000011'): FrozenQuestion => {
  const ids = 'ABCDEFGH'.slice(0, n).split('');
  return frozen('ordering', { questionId, content: { items: labelled(ids) }, key: { order: ids } } as never);
};

/** A matching question of `n` pairs, A–1, B–2, …, listed in partner order. */
const matching = (n: number): FrozenQuestion => {
  const left = 'ABCDEFGH'.slice(0, n).split('');
  const right = left.map((_, i) => String(i + 1));
  return frozen('matching', {
    content: { left: labelled(left), right: labelled(right) },
    key: { pairs: left.map((id, i) => ({ left: id, right: right[i] })) },
  } as never);
};

/** Every property name and every leaf value anywhere inside a value. */
function leaves(
  value: unknown,
  names = new Set<string>(),
  values = new Set<unknown>(),
): { names: Set<string>; values: Set<unknown> } {
  if (Array.isArray(value)) value.forEach((item) => leaves(item, names, values));
  else if (value && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) {
      names.add(name);
      leaves(inner, names, values);
    }
  } else values.add(value);
  return { names, values };
}

function permutations(ids: string[]): string[] {
  if (ids.length <= 1) return [ids.join('')];
  return ids.flatMap((id, i) => permutations([...ids.slice(0, i), ...ids.slice(i + 1)]).map((rest) => id + rest));
}

/** Upper 0.1% points of the chi-square distribution, by degrees of freedom. */
const CHI_SQUARE_P001: Record<number, number> = { 1: 10.828, 3: 16.266, 5: 20.515, 23: 49.728 };

/**
 * Pearson's statistic of how often each possible order came out, against all orders equally
 * likely. An order that never comes out counts too, so an order held back fails the bound.
 */
function chiSquare(outcomes: string[], possible: string[]): { statistic: number; bound: number; unseen: string[] } {
  const counts = new Map(possible.map((p) => [p, 0]));
  for (const outcome of outcomes) {
    if (!counts.has(outcome)) throw new Error(`impossible outcome ${outcome}`);
    counts.set(outcome, counts.get(outcome)! + 1);
  }
  const expected = outcomes.length / possible.length;
  let statistic = 0;
  for (const observed of counts.values()) statistic += (observed - expected) ** 2 / expected;
  const bound = CHI_SQUARE_P001[possible.length - 1];
  if (bound === undefined) throw new Error(`no critical value for ${possible.length - 1} degrees of freedom`);
  return { statistic, bound, unseen: [...counts].filter(([, n]) => n === 0).map(([p]) => p) };
}

const SEEDS = Array.from({ length: 20_000 }, (_, i) => `attempt-${i}`);

const expectUniform = (outcomes: string[], possible: string[]) => {
  const { statistic, bound, unseen } = chiSquare(outcomes, possible);
  expect(unseen).toEqual([]);
  expect(statistic).toBeLessThan(bound);
};

const idsOf = (items: { id: string }[]) => items.map((item) => item.id).join('');

const contentOf = <T extends QuestionType>(view: TraineeQuestionView, type: T) => {
  if (view.type !== type) throw new Error(`expected ${type}, got ${view.type}`);
  return view.content as Extract<TraineeQuestionView, { type: T }>['content'];
};

describe('the trainee view', () => {
  it.each(QUESTION_TYPES)('never carries any part of the %s key', (type) => {
    for (const shuffleOptions of [false, true]) {
      const question = frozen(type);
      const view = toTraineeView(question, { sitting: 'attempt-1', shuffleOptions });
      const seen = leaves(view);
      const json = JSON.stringify(view);
      const key = leaves(question.key);
      const content = leaves(question.content);
      const envelope = new Set(Object.keys(view).concat(['title', 'narrative', 'attachments']));
      expect(seen.names.has('key')).toBe(false);
      // No field name of the key appears anywhere in the view, unless the content has a field of that name too...
      for (const name of key.names) {
        if (content.names.has(name) || envelope.has(name)) continue;
        expect({ name, present: seen.names.has(name) || json.includes(`"${name}"`) }).toEqual({ name, present: false });
      }
      // ...nor any value of the key that the content does not show by design (option ids, say).
      for (const value of key.values) {
        if (content.values.has(value)) continue;
        const present = typeof value === 'string' ? json.includes(value) : seen.values.has(value);
        expect({ value, present }).toEqual({ value, present: false });
      }
    }
  });

  it('keeps stem, type, points and the scenario narrative', () => {
    const view = toTraineeView(frozen('single_choice'));
    expect(view).toEqual({
      questionId: '6f1c2a4e-0000-4000-8000-000000000001',
      version: 3,
      type: 'single_choice',
      stem: QUESTION_EXAMPLES.single_choice.stem,
      content: QUESTION_EXAMPLES.single_choice.content,
      points: 2,
      scenario: { title: '华东仓收货', narrative: '周一到货 120 箱，订单 100 箱。', attachments: [] },
    });
    expect(Object.keys(toTraineeView(frozen('true_false', { scenario: null }))).sort()).toEqual(
      ['content', 'points', 'questionId', 'scenario', 'stem', 'type', 'version'].sort(),
    );
  });

  it('drops anything smuggled into the content', () => {
    const question = frozen('single_choice');
    (question.content as unknown as Record<string, unknown>).answer = 'A';
    const options = (question.content as { options: Record<string, unknown>[] }).options;
    options[0].isCorrect = true;
    for (const shuffleOptions of [false, true]) {
      const view = toTraineeView(question, { sitting: 'attempt-1', shuffleOptions });
      expect(JSON.stringify(view)).not.toMatch(/answer|isCorrect/);
    }
  });

  it('shows the same sitting the same order on every reload', () => {
    for (const seed of SEEDS.slice(0, 200)) {
      for (const question of [frozen('ordering'), frozen('matching'), frozen('multiple_choice')]) {
        const first = toTraineeView(question, { sitting: seed, shuffleOptions: true });
        expect(toTraineeView(structuredClone(question), { sitting: seed, shuffleOptions: true })).toEqual(first);
      }
    }
  });

  it('shuffles Fisher–Yates uniformly: every order of 2, 3 and 4 items equally likely, the given one included', () => {
    for (const n of [2, 3, 4]) {
      const ids = 'ABCD'.slice(0, n).split('');
      expectUniform(
        SEEDS.map((seed) => seededShuffle(ids, seed).join('')),
        permutations(ids),
      );
    }
  });

  it.each([2, 3, 4])('lists %i ordering items in every order equally often, the key order included', (n) => {
    const question = ordering(n);
    const orders = SEEDS.map((seed) => idsOf(contentOf(toTraineeView(question, { sitting: seed }), 'ordering').items));
    expectUniform(orders, permutations('ABCD'.slice(0, n).split('')));
  });

  it.each([2, 3])('pairs up %i matching items in every way equally often, the key pairing included', (n) => {
    const question = matching(n);
    const shown = SEEDS.map((seed) => contentOf(toTraineeView(question, { sitting: seed }), 'matching'));
    expect(new Set(shown.map((content) => idsOf(content.left)))).toEqual(new Set(['ABCD'.slice(0, n)]));
    // Read side by side, left item i faces right item i: that pairing is what must not lean towards the key.
    expectUniform(
      shown.map((content) => idsOf(content.right)),
      permutations(Array.from({ length: n }, (_, i) => String(i + 1))),
    );
  });

  it('shuffles the questions of one sitting independently of each other', () => {
    const first = ordering(2, '6f1c2a4e-0000-4000-8000-000000000021');
    const second = ordering(2, '6f1c2a4e-0000-4000-8000-000000000022');
    const joint = SEEDS.map(
      (seed) =>
        idsOf(contentOf(toTraineeView(first, { sitting: seed }), 'ordering').items) +
        idsOf(contentOf(toTraineeView(second, { sitting: seed }), 'ordering').items),
    );
    expectUniform(joint, ['ABAB', 'ABBA', 'BAAB', 'BABA']);
  });

  it('keeps choice options in the author’s order unless the exam shuffles them', () => {
    for (const type of ['single_choice', 'multiple_choice'] as const) {
      const question = frozen(type);
      const authored = idsOf(QUESTION_EXAMPLES[type].content.options);
      const kept = SEEDS.slice(0, 500).map((seed) =>
        idsOf(contentOf(toTraineeView(question, { sitting: seed, shuffleOptions: false }), type).options),
      );
      expect(new Set(kept)).toEqual(new Set([authored]));
      const shuffled = SEEDS.map((seed) =>
        idsOf(contentOf(toTraineeView(question, { sitting: seed, shuffleOptions: true }), type).options),
      );
      expectUniform(shuffled, permutations(authored.split('')));
    }
  });

  it('shuffles ordering items and matching pairs even when options keep their order', () => {
    const orders = new Set<string>();
    const rights = new Set<string>();
    for (const seed of SEEDS.slice(0, 500)) {
      orders.add(
        idsOf(contentOf(toTraineeView(ordering(3), { sitting: seed, shuffleOptions: false }), 'ordering').items),
      );
      rights.add(
        idsOf(contentOf(toTraineeView(matching(3), { sitting: seed, shuffleOptions: false }), 'matching').right),
      );
    }
    expect(orders.size).toBe(6);
    expect(rights.size).toBe(6);
  });

  it('grades what the trainee meant, whatever order the answer was shown in', () => {
    for (const seed of SEEDS.slice(0, 300)) {
      const single = frozen('single_choice');
      const shownOptions = contentOf(
        toTraineeView(single, { sitting: seed, shuffleOptions: true }),
        'single_choice',
      ).options;
      // Picking the right option where it is shown scores; so does nothing else.
      const picked = shownOptions.find((option) => option.text === '按采购订单创建收货单')!;
      expect(gradeResponse(single, picked.id)?.correct).toBe(true);
      expect(gradeResponse(single, shownOptions[0].id)?.correct).toBe(shownOptions[0].id === 'A');

      const order = ordering(4);
      const items = contentOf(toTraineeView(order, { sitting: seed }), 'ordering').items;
      // Put back into business order by text, the answer is right; left as shown, only if shown right.
      const byText = [...items].sort((a, b) => a.text.localeCompare(b.text)).map((item) => item.id);
      expect(gradeResponse(order, byText)?.correct).toBe(true);
      expect(
        gradeResponse(
          order,
          items.map((item) => item.id),
        )?.correct,
      ).toBe(idsOf(items) === 'ABCD');

      const match = matching(3);
      const { left, right } = contentOf(toTraineeView(match, { sitting: seed }), 'matching');
      const partner = (leftId: string) => right.find((item) => item.id === String('ABC'.indexOf(leftId) + 1))!.id;
      expect(
        gradeResponse(
          match,
          left.map((item) => ({ left: item.id, right: partner(item.id) })),
        )?.correct,
      ).toBe(true);
      const sideBySide = left.map((item, i) => ({ left: item.id, right: right[i].id }));
      expect(gradeResponse(match, sideBySide)?.correct).toBe(idsOf(right) === '123');
    }
  });
});
