import { QuestionImportRowError, QuestionStatus, QuestionType } from '@cascade/contracts';
import {
  CONTROL_CHARACTER_MESSAGE,
  hasControlCharacter,
  readSpreadsheet,
  Spreadsheet,
  SpreadsheetUnreadable,
} from '@cascade/server/core';
import ExcelJS from 'exceljs';
import { QUESTION_EXAMPLES, QuestionExample } from './question-examples';

export const SHEET_COLUMNS = [
  { field: 'type', zh: '题型', en: 'type', aliases: ['类型', 'questiontype'] },
  { field: 'businessProcess', zh: '业务流程', en: 'businessProcess', aliases: ['流程', 'process'] },
  { field: 'difficulty', zh: '难度', en: 'difficulty', aliases: [] },
  { field: 'points', zh: '分值', en: 'points', aliases: ['分数', 'score'] },
  { field: 'stem', zh: '题干', en: 'stem', aliases: ['题目', 'question'] },
  { field: 'options', zh: '选项', en: 'options', aliases: [] },
  { field: 'answer', zh: '答案', en: 'answer', aliases: ['标准答案', 'key'] },
  { field: 'scenario', zh: '案例', en: 'scenario', aliases: ['场景', '业务场景', '案例标题'] },
  { field: 'tags', zh: '标签', en: 'tags', aliases: ['tag'] },
  { field: 'status', zh: '状态', en: 'status', aliases: [] },
] as const;

export type SheetField = (typeof SHEET_COLUMNS)[number]['field'];
export const REQUIRED_COLUMNS: SheetField[] = ['type', 'businessProcess', 'difficulty', 'points', 'stem', 'answer'];

const normalize = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');

const HEADER_WORDS = new Map<string, SheetField>(
  SHEET_COLUMNS.flatMap((c) =>
    [c.zh, c.en, ...c.aliases].map((word) => [normalize(word), c.field] as [string, SheetField]),
  ),
);

/** A header in either language, or both as the template writes them ("题型 / type"). */
export function columnOf(header: string): SheetField | undefined {
  const whole = HEADER_WORDS.get(normalize(header));
  if (whole) return whole;
  const fields = new Set(
    header
      .split(/[/|()（）\n]+/)
      .map((part) => HEADER_WORDS.get(normalize(part)))
      .filter((f) => f !== undefined),
  );
  return fields.size === 1 ? [...fields][0] : undefined;
}

const TYPE_WORDS: Record<QuestionType, string[]> = {
  single_choice: ['single_choice', 'single', '单选', '单选题', '单项选择', '单项选择题'],
  multiple_choice: ['multiple_choice', 'multiple', '多选', '多选题', '多项选择', '多项选择题'],
  true_false: ['true_false', 'truefalse', '判断', '判断题', '是非题'],
  fill_in: ['fill_in', 'fill', '填空', '填空题'],
  ordering: ['ordering', 'order', '排序', '排序题'],
  matching: ['matching', 'match', '匹配', '匹配题', '连线', '连线题'],
  essay: ['essay', 'short_answer', '问答', '问答题', '简答', '简答题', '论述', '论述题'],
};
const TYPE_BY_WORD = new Map(
  Object.entries(TYPE_WORDS).flatMap(([type, words]) => words.map((w) => [normalize(w), type as QuestionType])),
);
const TYPE_LABEL: Record<QuestionType, string> = {
  single_choice: '单选题',
  multiple_choice: '多选题',
  true_false: '判断题',
  fill_in: '填空题',
  ordering: '排序题',
  matching: '匹配题',
  essay: '问答题',
};

const STATUS_WORDS: Record<string, QuestionStatus> = {
  draft: 'draft',
  草稿: 'draft',
  active: 'active',
  启用: 'active',
  有效: 'active',
  retired: 'retired',
  停用: 'retired',
};
const TRUE_WORDS = ['对', '正确', '是', '√', '✓', 'true', 't', 'yes', 'y', '1'];
const FALSE_WORDS = ['错', '错误', '否', '×', '✗', 'x', 'false', 'f', 'no', 'n', '0'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** What a row says besides its type, content and key: read even when those are wrong, so every problem is named. */
export interface SheetFields {
  businessProcess: string;
  difficulty: number | string;
  points: number | string;
  stem: string;
  tags: string[];
  status: QuestionStatus;
  scenarioTitle: string | null;
}

export type SheetBody = { type: QuestionType; content: Record<string, unknown>; key: Record<string, unknown> };

export type RowProblem = { field: SheetField; message: string };

/** Options and items are lettered A, B, …; matching's right items numbered, after `||`. `body` only when it reads. */
export function parseSheetRow(cells: Partial<Record<SheetField, string>>): {
  fields: SheetFields;
  body?: SheetBody;
  problems: RowProblem[];
} {
  const cell = (field: SheetField) => (cells[field] ?? '').trim();
  const problems: RowProblem[] = [];
  (Object.keys(cells) as SheetField[])
    .filter((field) => hasControlCharacter(cells[field] ?? ''))
    .forEach((field) => problems.push({ field, message: CONTROL_CHARACTER_MESSAGE }));
  const type = TYPE_BY_WORD.get(normalize(cell('type')));
  if (!type) {
    problems.push({
      field: 'type',
      message: cell('type')
        ? `"${cell('type')}" is not a question type (单选题, 多选题, 判断题, 填空题, 排序题, 匹配题, 问答题)`
        : 'is required',
    });
  }
  const statusWord = cell('status');
  const status = statusWord ? STATUS_WORDS[normalize(statusWord)] : 'draft';
  if (!status) problems.push({ field: 'status', message: 'must be draft, active or retired (草稿, 启用, 停用)' });
  const fields: SheetFields = {
    businessProcess: cell('businessProcess'),
    difficulty: asNumber(cell('difficulty')),
    points: asNumber(cell('points')),
    stem: cell('stem'),
    tags: cell('tags')
      ? cell('tags')
          .split(/[,，、;；|]+/)
          .map((t) => t.trim())
          .filter(Boolean)
      : [],
    status: status ?? 'draft',
    scenarioTitle: cell('scenario') || null,
  };
  const body = type ? parseBody(type, cell('options'), cell('answer'), problems) : undefined;
  return { fields, problems, ...(body && type && problems.length === 0 ? { body: { type, ...body } } : {}) };
}

const asNumber = (text: string): number | string =>
  text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;

function parseBody(
  type: QuestionType,
  options: string,
  answer: string,
  problems: RowProblem[],
): Omit<SheetBody, 'type'> | undefined {
  const fail = (field: SheetField, message: string) => {
    problems.push({ field, message });
    return undefined;
  };
  if (!answer) return fail('answer', 'is required');
  switch (type) {
    case 'single_choice':
    case 'multiple_choice': {
      const items = letteredItems(options, problems);
      const picks = items && lettersIn(answer, items.length, problems);
      if (!items || !picks) return undefined;
      if (type === 'single_choice')
        return picks.length === 1
          ? { content: { options: items }, key: { correct: picks[0] } }
          : fail('answer', 'must be one option letter, e.g. B');
      return { content: { options: items }, key: { correct: picks, scoring: 'all_or_nothing' } };
    }
    case 'true_false': {
      const word = normalize(answer);
      if (TRUE_WORDS.includes(word)) return { content: {}, key: { correct: true } };
      if (FALSE_WORDS.includes(word)) return { content: {}, key: { correct: false } };
      return fail('answer', 'must be 对 or 错 (true or false)');
    }
    case 'fill_in': {
      const accepted = answer.split('|').map((blank) =>
        blank
          .split(/[/／]/)
          .map((a) => a.trim())
          .filter(Boolean),
      );
      if (accepted.some((alternatives) => alternatives.length === 0))
        return fail('answer', 'every blank needs an answer: blanks are parted by |, alternatives by /');
      return { content: { blanks: accepted.length }, key: { accepted, ignoreCase: true, ignoreSpaces: true } };
    }
    case 'ordering': {
      const items = letteredItems(options, problems);
      const order = items && lettersIn(answer, items.length, problems);
      return items && order ? { content: { items }, key: { order } } : undefined;
    }
    case 'matching': {
      const sides = options.split('||');
      if (sides.length !== 2)
        return fail(
          'options',
          'must list the left items, then ||, then the right items (e.g. 请购单|采购订单||提出需求|向供应商订货)',
        );
      const left = letteredItems(sides[0], problems);
      const right = numberedItems(sides[1], problems);
      if (!left || !right) return undefined;
      const pairs = [];
      for (const part of answer.split(/[|,，;；\s]+/).filter(Boolean)) {
        const match = /^([A-Za-z])\s*[-－—–:：=]\s*(\d+)$/.exec(part);
        if (!match) return fail('answer', `"${part}" is not a pair like A-1`);
        const leftIndex = LETTERS.indexOf(match[1].toUpperCase());
        const rightIndex = Number(match[2]) - 1;
        if (leftIndex >= left.length)
          return fail('answer', `${match[1].toUpperCase()} is not among the ${left.length} left items`);
        if (rightIndex < 0 || rightIndex >= right.length)
          return fail('answer', `${match[2]} is not among the ${right.length} right items`);
        pairs.push({ left: left[leftIndex].id, right: right[rightIndex].id });
      }
      return { content: { left, right }, key: { pairs } };
    }
    case 'essay': {
      const rubric = [];
      for (const part of answer
        .split('|')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const match = /^(.+?)\s*[:：]\s*(\d+(?:\.\d+)?)$/.exec(part);
        if (!match) return fail('answer', `"${part}" is not a criterion with points, like 流程完整:5`);
        rubric.push({ criterion: match[1].trim(), points: Number(match[2]) });
      }
      // The options column of an essay holds its word limit, if any ("500" or "500字").
      const limit = /^(\d+)\s*(字|words?)?$/i.exec(options);
      if (options && !limit) return fail('options', 'of an essay is its word limit, e.g. 500');
      return { content: limit ? { maxWords: Number(limit[1]) } : {}, key: { rubric } };
    }
  }
}

function splitList(text: string): string[] {
  return text.split(/\||\r?\n/).map((item) => item.trim());
}

/** Options "A. 收货|B. 付款" or "收货|付款" both become A and B; a letter prefix is kept only when it is not the expected one. */
function letteredItems(text: string, problems: RowProblem[]): { id: string; text: string }[] | undefined {
  const items = splitList(text);
  if (!text || items.some((item) => item === '')) {
    problems.push({
      field: 'options',
      message: text ? 'has an empty option between two |' : 'is required for this type',
    });
    return undefined;
  }
  if (items.length > LETTERS.length) {
    problems.push({ field: 'options', message: 'has too many options' });
    return undefined;
  }
  return items.map((item, i) => ({
    id: LETTERS[i],
    text: item.replace(new RegExp(`^${LETTERS[i]}\\s*[.、．:：)）]\\s*`, 'i'), '') || item,
  }));
}

function numberedItems(text: string, problems: RowProblem[]): { id: string; text: string }[] | undefined {
  const items = splitList(text);
  if (!text.trim() || items.some((item) => item === '')) {
    problems.push({ field: 'options', message: 'has an empty right-hand item' });
    return undefined;
  }
  return items.map((item, i) => ({
    id: String(i + 1),
    text: item.replace(new RegExp(`^${i + 1}\\s*[.、．:：)）]\\s*`), '') || item,
  }));
}

function lettersIn(answer: string, count: number, problems: RowProblem[]): string[] | undefined {
  const letters = answer.replace(/[\s,，、;；|]/g, '').toUpperCase();
  if (!/^[A-Z]+$/.test(letters)) {
    problems.push({ field: 'answer', message: 'must be option letters, e.g. A or A,C' });
    return undefined;
  }
  const beyond = [...letters].find((letter) => LETTERS.indexOf(letter) >= count);
  if (beyond) {
    problems.push({ field: 'answer', message: `${beyond} is not among the ${count} options` });
    return undefined;
  }
  return [...letters];
}

export function formatSheetRow(example: QuestionExample): Record<SheetField, string> {
  const base = {
    type: TYPE_LABEL[example.type],
    businessProcess: example.businessProcess,
    difficulty: String(example.difficulty),
    points: String(example.points),
    stem: example.stem,
    scenario: '',
    tags: example.businessProcess.split('/')[0].trim(),
    status: '草稿',
  };
  const letterOf = (ids: string[], id: string) => LETTERS[ids.indexOf(id)];
  switch (example.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const ids = example.content.options.map((o) => o.id);
      const correct = example.type === 'single_choice' ? [example.key.correct] : example.key.correct;
      return {
        ...base,
        options: example.content.options.map((o) => o.text).join('|'),
        answer: correct.map((id) => letterOf(ids, id)).join(','),
      };
    }
    case 'true_false':
      return { ...base, options: '', answer: example.key.correct ? '对' : '错' };
    case 'fill_in':
      return {
        ...base,
        options: '',
        answer: example.key.accepted.map((alternatives) => alternatives.join('/')).join('|'),
      };
    case 'ordering': {
      const ids = example.content.items.map((i) => i.id);
      return {
        ...base,
        options: example.content.items.map((i) => i.text).join('|'),
        answer: example.key.order.map((id) => letterOf(ids, id)).join(''),
      };
    }
    case 'matching': {
      const leftIds = example.content.left.map((i) => i.id);
      const rightIds = example.content.right.map((i) => i.id);
      return {
        ...base,
        options: `${example.content.left.map((i) => i.text).join('|')}||${example.content.right.map((i) => i.text).join('|')}`,
        answer: example.key.pairs.map((p) => `${letterOf(leftIds, p.left)}-${rightIds.indexOf(p.right) + 1}`).join('|'),
      };
    }
    case 'essay':
      return {
        ...base,
        options: example.content.maxWords ? String(example.content.maxWords) : '',
        answer: example.key.rubric.map((c) => `${c.criterion}:${c.points}`).join('|'),
      };
  }
}

export type Sheet = Spreadsheet;

export class SheetUnreadable extends Error {
  constructor(readonly problem: QuestionImportRowError) {
    super(problem.message);
  }
}

/** Questions one file may hold; a longer sheet is refused before it is read in full. */
export const MAX_QUESTIONS_PER_FILE = 2000;

export async function readSheet(file: Buffer, kind: 'csv' | 'xlsx', maxRows = MAX_QUESTIONS_PER_FILE): Promise<Sheet> {
  try {
    return await readSpreadsheet(file, kind, { maxRows });
  } catch (error) {
    if (error instanceof SpreadsheetUnreadable)
      throw new SheetUnreadable({ row: 1, field: null, message: error.message });
    throw error;
  }
}

const INSTRUCTIONS: [string, string, string][] = [
  [
    '题型 / type',
    '单选题、多选题、判断题、填空题、排序题、匹配题、问答题',
    'single_choice, multiple_choice, true_false, fill_in, ordering, matching, essay',
  ],
  [
    '业务流程 / businessProcess',
    '与培训计划模块的业务流程一致，如“采购 / 收货”',
    'as in the plan modules, e.g. "Purchasing / goods receipt"',
  ],
  ['难度 / difficulty', '1（易）到 5（难）', '1 (easy) to 5 (hard)'],
  ['分值 / points', '0.5 到 100', '0.5 to 100'],
  ['题干 / stem', '题目正文', 'the question text'],
  [
    '选项 / options',
    '用 | 分隔，依次为 A、B、C…；匹配题：左侧项|…||右侧项|…（右侧依次为 1、2、3…）；问答题：可填字数上限，如 500',
    'parted by |, lettered A, B, C…; matching: left items, then ||, then right items (numbered 1, 2, 3…); essay: an optional word limit, e.g. 500',
  ],
  [
    '答案 / answer',
    '选择题：字母，如 B 或 A,C；判断题：对/错；填空题：各空用 | 分隔，同一空的多个答案用 / 分隔；排序题：按顺序的字母，如 CAB；匹配题：A-1|B-2；问答题：评分标准:分值|…，分值之和等于题目分值',
    'choice: letters, e.g. B or A,C; true_false: true/false; fill_in: blanks parted by |, alternatives by /; ordering: letters in order, e.g. CAB; matching: A-1|B-2; essay: criterion:points|…, adding up to the points',
  ],
  ['案例 / scenario', '可选：已有案例的标题', 'optional: the title of an existing scenario'],
  ['标签 / tags', '可选：用逗号分隔', 'optional: parted by commas'],
  ['状态 / status', '可选：草稿（默认）、启用、停用', 'optional: draft (default), active, retired'],
];

/** The questions sheet comes first: the import reads the first sheet. */
export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题目 Questions', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SHEET_COLUMNS.map((c) => ({
    header: `${c.zh} / ${c.en}`,
    key: c.field,
    width: c.field === 'stem' || c.field === 'options' || c.field === 'answer' ? 48 : 16,
  }));
  sheet.getRow(1).font = { bold: true };
  Object.values(QUESTION_EXAMPLES).forEach((example) => sheet.addRow(formatSheetRow(example)));
  const help = workbook.addWorksheet('说明 Instructions');
  help.columns = [
    { header: '列 / column', width: 28 },
    { header: '说明', width: 70 },
    { header: 'How to fill it in', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  INSTRUCTIONS.forEach((line) => help.addRow(line));
  help.addRow([]);
  help.addRow([
    '',
    '所有行一起导入：任何一行有错，都不导入，并列出每一行的问题。',
    'All rows or none: if any row is wrong, nothing is imported and every problem is listed.',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
