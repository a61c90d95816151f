import {
  FieldError,
  GradeResult,
  LabelledItem,
  MULTIPLE_CHOICE_SCORINGS,
  QUESTION_TYPES,
  QuestionContent,
  QuestionKey,
  QuestionResponse,
  QuestionType,
  TypedQuestionBody,
} from '@cascade/contracts';
import { z } from 'zod';

export const MAX_ESSAY_CHARACTERS = 20_000;

/** What each type of question checks and grades: its content, key and response shapes. */
interface TypeRules<T extends QuestionType> {
  content: z.ZodType<QuestionContent<T>>;
  key: z.ZodType<QuestionKey<T>>;
  response: z.ZodType<QuestionResponse<T>>;
  checkKey(content: QuestionContent<T>, key: QuestionKey<T>, points: number): FieldError[];
  checkResponse(content: QuestionContent<T>, response: QuestionResponse<T>): FieldError[];
  grade(
    content: QuestionContent<T>,
    key: QuestionKey<T>,
    points: number,
    response: QuestionResponse<T>,
  ): GradeResult | null;
  /** The content a trainee may see, field by field, in the author's order (the view shuffles it). */
  traineeContent(content: QuestionContent<T>): QuestionContent<T>;
}

const itemId = z.string().trim().min(1).max(40);
const itemText = z.string().trim().min(1).max(1000);

const labelledItems = (min: number, max: number) =>
  z
    .array(z.strictObject({ id: itemId, text: itemText }))
    .min(min)
    .max(max)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.id))
          ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `repeats the id "${item.id}"` });
        seen.add(item.id);
      });
    });

const uniqueIds = (max: number) =>
  z
    .array(itemId)
    .max(max)
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: `repeats "${id}"` });
        seen.add(id);
      });
    });

const unknownIds = (field: string, ids: string[], items: LabelledItem[], what: string): FieldError[] => {
  const known = new Set(items.map((item) => item.id));
  return ids.flatMap((id, index) =>
    known.has(id) ? [] : [{ field: `${field}.${index}`, message: `is not the id of ${what}` }],
  );
};

const full = (points: number, correct: boolean): GradeResult => ({
  score: correct ? points : 0,
  maxScore: points,
  correct,
});
const roundPoints = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

const choiceContent = z.strictObject({ options: labelledItems(2, 10) });

const singleChoice: TypeRules<'single_choice'> = {
  content: choiceContent,
  key: z.strictObject({ correct: itemId }),
  response: itemId,
  checkKey: (content, key) =>
    unknownIds('key.correct', [key.correct], content.options, 'an option').map((e) => ({ ...e, field: 'key.correct' })),
  checkResponse: (content, response) =>
    unknownIds('response', [response], content.options, 'an option').map((e) => ({ ...e, field: 'response' })),
  grade: (_content, key, points, response) => full(points, response === key.correct),
  traineeContent: (content) => ({ options: content.options.map(({ id, text }) => ({ id, text })) }),
};

const multipleChoice: TypeRules<'multiple_choice'> = {
  content: choiceContent,
  key: z.strictObject({ correct: uniqueIds(10).min(1), scoring: z.enum(MULTIPLE_CHOICE_SCORINGS) }),
  response: uniqueIds(10),
  checkKey: (content, key) => unknownIds('key.correct', key.correct, content.options, 'an option'),
  checkResponse: (content, response) => unknownIds('response', response, content.options, 'an option'),
  grade: (_content, key, points, response) => {
    const correct = new Set(key.correct);
    const rightPicks = response.filter((id) => correct.has(id)).length;
    const wrongPicks = response.length - rightPicks;
    const allRight = rightPicks === correct.size && wrongPicks === 0;
    if (key.scoring === 'all_or_nothing') return full(points, allRight);
    // Wrong picks cancel right ones, so ticking every option earns nothing.
    const share = Math.max(0, (rightPicks - wrongPicks) / correct.size);
    return { score: roundPoints(share * points), maxScore: points, correct: allRight };
  },
  traineeContent: (content) => ({ options: content.options.map(({ id, text }) => ({ id, text })) }),
};

const trueFalse: TypeRules<'true_false'> = {
  content: z.strictObject({}) as unknown as z.ZodType<QuestionContent<'true_false'>>,
  key: z.strictObject({ correct: z.boolean() }),
  response: z.boolean(),
  checkKey: () => [],
  checkResponse: () => [],
  grade: (_content, key, points, response) => full(points, response === key.correct),
  traineeContent: () => ({}),
};

const MAX_BLANK_ANSWER = 1000;

/** Full-width letters and digits (typed with a Chinese input method) count as their ASCII twins. */
function normalizeBlank(answer: string, key: QuestionKey<'fill_in'>): string {
  let value = answer.normalize('NFKC').trim();
  value = key.ignoreSpaces ? value.replace(/\s+/g, '') : value.replace(/\s+/g, ' ');
  return key.ignoreCase ? value.toLowerCase() : value;
}

const fillIn: TypeRules<'fill_in'> = {
  content: z.strictObject({ blanks: z.number().int().min(1).max(10) }),
  key: z.strictObject({
    accepted: z
      .array(z.array(z.string().trim().min(1).max(200)).min(1).max(20))
      .min(1)
      .max(10),
    ignoreCase: z.boolean(),
    ignoreSpaces: z.boolean(),
  }),
  response: z.array(z.string().max(MAX_BLANK_ANSWER)).max(10),
  checkKey: (content, key) =>
    key.accepted.length === content.blanks
      ? []
      : [{ field: 'key.accepted', message: `must hold one list of accepted answers per blank (${content.blanks})` }],
  checkResponse: (content, response) =>
    response.length === content.blanks
      ? []
      : [{ field: 'response', message: `must hold one answer per blank (${content.blanks})` }],
  grade: (content, key, points, response) => {
    const right = key.accepted.filter((accepted, blank) => {
      const given = normalizeBlank(response[blank] ?? '', key);
      return given !== '' && accepted.some((answer) => normalizeBlank(answer, key) === given);
    }).length;
    return {
      score: roundPoints((right / content.blanks) * points),
      maxScore: points,
      correct: right === content.blanks,
    };
  },
  traineeContent: (content) => ({ blanks: content.blanks }),
};

const ordering: TypeRules<'ordering'> = {
  content: z.strictObject({ items: labelledItems(2, 12) }),
  key: z.strictObject({ order: uniqueIds(12) }),
  response: uniqueIds(12),
  checkKey: (content, key) => isPermutation('key.order', key.order, content.items),
  checkResponse: (content, response) => isPermutation('response', response, content.items),
  grade: (_content, key, points, response) =>
    full(points, response.length === key.order.length && response.every((id, i) => id === key.order[i])),
  traineeContent: (content) => ({ items: content.items.map(({ id, text }) => ({ id, text })) }),
};

function isPermutation(field: string, ids: string[], items: LabelledItem[]): FieldError[] {
  const unknown = unknownIds(field, ids, items, 'an item');
  if (unknown.length) return unknown;
  return ids.length === items.length ? [] : [{ field, message: `must name every item once (${items.length})` }];
}

const pair = z.strictObject({ left: itemId, right: itemId });

const matching: TypeRules<'matching'> = {
  content: z.strictObject({ left: labelledItems(2, 10), right: labelledItems(2, 10) }),
  key: z.strictObject({ pairs: z.array(pair).min(1).max(10) }),
  response: z.array(pair).max(10),
  checkKey: (content, key) => {
    const errors = checkPairs('key.pairs', key.pairs, content);
    const paired = new Set(key.pairs.map((p) => p.left));
    const unpaired = content.left.filter((item) => !paired.has(item.id)).map((item) => item.id);
    if (errors.length === 0 && unpaired.length)
      errors.push({ field: 'key.pairs', message: `must pair every left item; missing ${unpaired.join(', ')}` });
    return errors;
  },
  checkResponse: (content, response) => checkPairs('response', response, content),
  grade: (_content, key, points, response) => {
    const given = new Map(response.map((p) => [p.left, p.right]));
    return full(points, response.length === key.pairs.length && key.pairs.every((p) => given.get(p.left) === p.right));
  },
  traineeContent: (content) => ({
    left: content.left.map(({ id, text }) => ({ id, text })),
    right: content.right.map(({ id, text }) => ({ id, text })),
  }),
};

function checkPairs(
  field: string,
  pairs: { left: string; right: string }[],
  content: QuestionContent<'matching'>,
): FieldError[] {
  const lefts = new Set(content.left.map((item) => item.id));
  const rights = new Set(content.right.map((item) => item.id));
  const seen = new Set<string>();
  return pairs.flatMap((p, index) => {
    const errors: FieldError[] = [];
    if (!lefts.has(p.left)) errors.push({ field: `${field}.${index}.left`, message: 'is not the id of a left item' });
    else if (seen.has(p.left))
      errors.push({ field: `${field}.${index}.left`, message: `pairs "${p.left}" a second time` });
    if (!rights.has(p.right))
      errors.push({ field: `${field}.${index}.right`, message: 'is not the id of a right item' });
    seen.add(p.left);
    return errors;
  });
}

/** Chinese text counts each character as a word, as 字数 does; other text counts runs of letters and digits. */
export function countWords(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.replace(/\p{Script=Han}/gu, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return han + words;
}

const essay: TypeRules<'essay'> = {
  content: z.strictObject({ maxWords: z.number().int().min(1).max(MAX_ESSAY_CHARACTERS).optional() }),
  key: z.strictObject({
    rubric: z
      .array(z.strictObject({ criterion: z.string().trim().min(1).max(500), points: z.number().gt(0).max(100) }))
      .min(1)
      .max(20),
  }),
  response: z.string().max(MAX_ESSAY_CHARACTERS),
  checkKey: (_content, key, points) => {
    const total = roundPoints(key.rubric.reduce((sum, c) => sum + c.points, 0));
    return total === roundPoints(points)
      ? []
      : [{ field: 'key.rubric', message: `points must add up to the question's points (${points}), not ${total}` }];
  },
  checkResponse: (content, response) =>
    content.maxWords !== undefined && countWords(response) > content.maxWords
      ? [{ field: 'response', message: `must have at most ${content.maxWords} words` }]
      : [],
  grade: () => null,
  traineeContent: (content) => (content.maxWords === undefined ? {} : { maxWords: content.maxWords }),
};

const RULES: { [T in QuestionType]: TypeRules<T> } = {
  single_choice: singleChoice,
  multiple_choice: multipleChoice,
  true_false: trueFalse,
  fill_in: fillIn,
  ordering,
  matching,
  essay,
};

function rulesOf(type: QuestionType): TypeRules<QuestionType> {
  return RULES[type] as TypeRules<QuestionType>;
}

export const isQuestionType = (value: unknown): value is QuestionType => QUESTION_TYPES.includes(value as QuestionType);

export type ShapeCheck<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Names every wrong field (`content.options.2.id`, `key.correct`); the value keeps only known fields. */
export function validateQuestionShape(input: {
  type: unknown;
  content: unknown;
  key: unknown;
  points: number;
}): ShapeCheck<TypedQuestionBody> {
  if (!isQuestionType(input.type))
    return { ok: false, errors: [{ field: 'type', message: `must be one of ${QUESTION_TYPES.join(', ')}` }] };
  const rules = rulesOf(input.type);
  const content = rules.content.safeParse(input.content, { error: explainIssue });
  const key = rules.key.safeParse(input.key, { error: explainIssue });
  const errors = [
    ...(content.success ? [] : fieldErrors('content', content.error)),
    ...(key.success ? [] : fieldErrors('key', key.error)),
  ];
  if (!content.success || !key.success) return { ok: false, errors };
  const crossErrors = rules.checkKey(content.data, key.data, input.points);
  if (crossErrors.length) return { ok: false, errors: crossErrors };
  return { ok: true, value: { type: input.type, content: content.data, key: key.data } as TypedQuestionBody };
}

export function validateResponse<T extends QuestionType>(
  type: T,
  content: QuestionContent<T>,
  response: unknown,
): ShapeCheck<QuestionResponse<T>> {
  const rules = rulesOf(type);
  const parsed = rules.response.safeParse(response, { error: explainIssue });
  if (!parsed.success) return { ok: false, errors: fieldErrors('response', parsed.error) };
  const errors = rules.checkResponse(content, parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, value: parsed.data as QuestionResponse<T> };
}

/** Null for an essay, which a trainer grades; an answer of the wrong shape (or none) scores 0. */
export function gradeResponse(question: TypedQuestionBody & { points: number }, response: unknown): GradeResult | null {
  if (question.type === 'essay') return null;
  const checked = validateResponse(question.type, question.content, response);
  if (!checked.ok) return { score: 0, maxScore: question.points, correct: false };
  return rulesOf(question.type).grade(question.content, question.key, question.points, checked.value);
}

export function traineeContent<T extends QuestionType>(type: T, content: QuestionContent<T>): QuestionContent<T> {
  return rulesOf(type).traineeContent(content) as QuestionContent<T>;
}

function fieldErrors(prefix: string, error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const field = [prefix, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ field: `${field}.${key}`, message: 'is not a known field' }));
    return [{ field, message: issue.message }];
  });
}

const KINDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** Messages in the words the rest of the API uses ("is required", "must be a list"). */
function explainIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string') return limit <= 1 ? 'must not be empty' : `must have at least ${limit} characters`;
      if (issue.origin === 'array') return `must have at least ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
      return issue.inclusive ? `must be at least ${limit}` : `must be greater than ${limit}`;
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') return `must have at most ${limit} characters`;
      if (issue.origin === 'array') return `must have at most ${limit} entries`;
      return issue.inclusive ? `must be at most ${limit}` : `must be less than ${limit}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return undefined;
  }
}
