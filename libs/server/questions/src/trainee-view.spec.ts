import { QUESTION_TYPES, QuestionType } from '@cascade/contracts';
import { QUESTION_EXAMPLES } from './question-examples';
import { FrozenQuestion, toTraineeView } from './trainee-view';

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

describe('the trainee view', () => {
  it.each(QUESTION_TYPES)('never carries any part of the %s key', (type) => {
    const question = frozen(type);
    const view = toTraineeView(question);
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
    const view = toTraineeView(question);
    expect(JSON.stringify(view)).not.toMatch(/answer|isCorrect/);
  });

  it('never lists ordering items in the answer order', () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const view = toTraineeView(frozen('ordering'), `attempt-${attempt}`);
      const ids = view.type === 'ordering' ? view.content.items.map((item) => item.id) : [];
      expect(ids.sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
      const again = toTraineeView(frozen('ordering'), `attempt-${attempt}`);
      expect(again).toEqual(toTraineeView(frozen('ordering'), `attempt-${attempt}`));
      if (view.type === 'ordering')
        expect(view.content.items.map((item) => item.id)).not.toEqual(['A', 'B', 'C', 'D', 'E']);
    }
  });

  it('never lists the right-hand matching items in the order of their partners', () => {
    const orders = new Set<string>();
    for (let attempt = 0; attempt < 100; attempt++) {
      const view = toTraineeView(frozen('matching'), `attempt-${attempt}`);
      if (view.type !== 'matching') throw new Error('type changed');
      expect(view.content.left.map((item) => item.id)).toEqual(['A', 'B', 'C']);
      const right = view.content.right.map((item) => item.id).join('');
      expect(right).not.toBe('123');
      orders.add(right);
    }
    // Different attempts see different orders.
    expect(orders.size).toBeGreaterThan(1);
  });
});
