import type {
  LabelledItem,
  QuestionContent,
  QuestionKey,
  QuestionType,
  TraineeQuestionView,
  TypedQuestionBody,
} from '@cascade/contracts';

export interface BodyOf<T extends QuestionType> {
  content: QuestionContent<T>;
  key: QuestionKey<T>;
}

/** Props of the editor of one type's options and answer key. */
export interface BodyEditorProps<T extends QuestionType> {
  body: BodyOf<T>;
  onChange: (body: BodyOf<T>) => void;
  /** The question's points, for the rubric's total. */
  points?: number;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The next free id in a list: letters for options and left items, numbers for right items. */
export function nextId(existing: readonly string[], style: 'letter' | 'number' = 'letter'): string {
  const taken = new Set(existing);
  for (let index = 0; ; index++) {
    const id =
      style === 'number'
        ? String(index + 1)
        : index < LETTERS.length
          ? LETTERS[index]
          : `${LETTERS[index % 26]}${Math.floor(index / 26)}`;
    if (!taken.has(id)) return id;
  }
}

export function itemsWithIds(texts: string[], style: 'letter' | 'number' = 'letter'): LabelledItem[] {
  const items: LabelledItem[] = [];
  for (const text of texts)
    items.push({
      id: nextId(
        items.map((item) => item.id),
        style,
      ),
      text,
    });
  return items;
}

/** A fresh question body of a type: blank texts for the author to fill. */
export function defaultBody(type: QuestionType): TypedQuestionBody {
  switch (type) {
    case 'single_choice':
      return { type, content: { options: itemsWithIds(['', '', '', '']) }, key: { correct: '' } };
    case 'multiple_choice':
      return {
        type,
        content: { options: itemsWithIds(['', '', '', '']) },
        key: { correct: [], scoring: 'all_or_nothing' },
      };
    case 'true_false':
      return { type, content: {}, key: { correct: true } };
    case 'fill_in':
      return { type, content: { blanks: 1 }, key: { accepted: [[]], ignoreCase: true, ignoreSpaces: true } };
    case 'ordering': {
      const items = itemsWithIds(['', '', '']);
      return { type, content: { items }, key: { order: items.map((item) => item.id) } };
    }
    case 'matching': {
      const left = itemsWithIds(['', '']);
      const right = itemsWithIds(['', ''], 'number');
      return {
        type,
        content: { left, right },
        key: { pairs: left.map((item, index) => ({ left: item.id, right: right[index].id })) },
      };
    }
    case 'essay':
      return { type, content: {}, key: { rubric: [{ criterion: '', points: 1 }] } };
  }
}

/**
 * What the trainee would see of a question being edited: its content without the key. The
 * server also shuffles ordering items and matching answers; the preview shows them as authored.
 */
export function previewOf(body: {
  type: QuestionType;
  stem?: string;
  points?: number;
  content?: unknown;
}): TraineeQuestionView | null {
  if (!body.type || !body.content) return null;
  return {
    questionId: 'preview',
    version: 0,
    type: body.type,
    stem: body.stem ?? '',
    points: body.points ?? 0,
    content: body.content,
    scenario: null,
  } as TraineeQuestionView;
}
