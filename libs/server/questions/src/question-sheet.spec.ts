import { QUESTION_TYPES } from '@cascade/contracts';
import ExcelJS from 'exceljs';
import { QUESTION_EXAMPLES } from './question-examples';
import { buildImportTemplate, columnOf, formatSheetRow, parseSheetRow, readSheet } from './question-sheet';
import { validateQuestionShape } from './question-types';

describe('the question spreadsheet', () => {
  it('reads headers in Chinese, English or both', () => {
    expect(columnOf('题型')).toBe('type');
    expect(columnOf(' Business Process ')).toBe('businessProcess');
    expect(columnOf('业务流程 / businessProcess')).toBe('businessProcess');
    expect(columnOf('答案')).toBe('answer');
    expect(columnOf('题型 / answer')).toBeUndefined();
    expect(columnOf('备注')).toBeUndefined();
  });

  it.each(QUESTION_TYPES)('reads back the %s example it writes', (type) => {
    const example = QUESTION_EXAMPLES[type];
    const { fields, body, problems } = parseSheetRow(formatSheetRow(example));
    expect(problems).toEqual([]);
    const key = type === 'multiple_choice' ? { ...example.key, scoring: 'all_or_nothing' } : example.key;
    expect(body).toEqual({ type, content: example.content, key });
    expect(fields).toMatchObject({ difficulty: example.difficulty, points: example.points, status: 'draft' });
    expect(validateQuestionShape({ ...body!, points: example.points }).ok).toBe(true);
  });

  it('reads answers written the ways people write them', () => {
    const row = (type: string, options: string, answer: string) =>
      parseSheetRow({ type, options, answer, difficulty: '2', points: '3', stem: 's', businessProcess: 'p' });
    expect(row('多选', 'A. 订单|B、送货单|C）发票', 'a、c').body).toMatchObject({
      content: {
        options: [
          { id: 'A', text: '订单' },
          { id: 'B', text: '送货单' },
          { id: 'C', text: '发票' },
        ],
      },
      key: { correct: ['A', 'C'] },
    });
    expect(row('判断题', '', '√').body?.key).toEqual({ correct: true });
    expect(row('true_false', '', 'FALSE').body?.key).toEqual({ correct: false });
    expect(row('填空', '', 'ME21N / me21n | MIGO').body).toMatchObject({
      content: { blanks: 2 },
      key: { accepted: [['ME21N', 'me21n'], ['MIGO']] },
    });
    expect(row('排序', '请购|下单|收货', 'B, A, C').body?.key).toEqual({ order: ['B', 'A', 'C'] });
    expect(row('连线题', '请购单|订单||需求|订货', 'A－2，B-1').body?.key).toEqual({
      pairs: [
        { left: 'A', right: '2' },
        { left: 'B', right: '1' },
      ],
    });
    expect(row('简答题', '', '流程完整：2|说明原因:1').body?.key).toEqual({
      rubric: [
        { criterion: '流程完整', points: 2 },
        { criterion: '说明原因', points: 1 },
      ],
    });
    expect(row('单选', '是|否', 'B').fields.tags).toEqual([]);
    expect(
      parseSheetRow({ type: '单选', options: '是|否', answer: 'A', tags: '采购，收货、基础', status: '启用' }).fields,
    ).toMatchObject({
      tags: ['采购', '收货', '基础'],
      status: 'active',
    });
  });

  it('names the column of every problem', () => {
    const problems = (cells: Record<string, string>) => parseSheetRow(cells).problems;
    expect(problems({ type: '口试', answer: 'A' })).toEqual([
      { field: 'type', message: expect.stringContaining('口试') },
    ]);
    expect(problems({ type: '单选', options: '是|否', answer: 'C' })).toEqual([
      { field: 'answer', message: 'C is not among the 2 options' },
    ]);
    expect(problems({ type: '单选', options: '是|否', answer: 'A,B' })).toEqual([
      { field: 'answer', message: 'must be one option letter, e.g. B' },
    ]);
    expect(problems({ type: '单选', options: '是||否', answer: 'A' })).toEqual([
      { field: 'options', message: 'has an empty option between two |' },
    ]);
    expect(problems({ type: '多选', options: '', answer: 'A' })).toEqual([
      { field: 'options', message: 'is required for this type' },
    ]);
    expect(problems({ type: '判断', answer: '也许' })).toEqual([
      { field: 'answer', message: 'must be 对 or 错 (true or false)' },
    ]);
    expect(problems({ type: '填空', answer: 'ME21N||MIGO' })[0].field).toBe('answer');
    expect(problems({ type: '匹配', options: '请购单|订单', answer: 'A-1' })[0].field).toBe('options');
    expect(problems({ type: '匹配', options: '请购单|订单||需求|订货', answer: 'A-3' })).toEqual([
      { field: 'answer', message: '3 is not among the 2 right items' },
    ]);
    expect(problems({ type: '匹配', options: '请购单|订单||需求|订货', answer: 'A1' })).toEqual([
      { field: 'answer', message: '"A1" is not a pair like A-1' },
    ]);
    expect(problems({ type: '问答', answer: '流程完整' })[0].field).toBe('answer');
    expect(problems({ type: '问答', options: '很长', answer: '流程完整:2' })).toEqual([
      { field: 'options', message: 'of an essay is its word limit, e.g. 500' },
    ]);
    expect(parseSheetRow({ type: '问答', options: '300字', answer: '流程完整:2' }).body?.content).toEqual({
      maxWords: 300,
    });
    expect(problems({ type: '单选', options: '是|否', answer: '' })).toEqual([
      { field: 'answer', message: 'is required' },
    ]);
    expect(problems({ type: '单选', options: '是|否', answer: 'A', status: '作废' })).toEqual([
      { field: 'status', message: expect.any(String) },
    ]);
  });

  it('reads the other columns even when the type is wrong, keeping text that is not a number for the field checks to name', () => {
    const { fields, problems } = parseSheetRow({ type: '口试', answer: '对', difficulty: '很难', points: '' });
    expect(fields).toMatchObject({ difficulty: '很难', points: '' });
    expect(problems.map((p) => p.field)).toEqual(['type']);
  });

  it('writes a template that reads back as one valid example row per type', async () => {
    const file = await buildImportTemplate();
    const sheet = await readSheet(file, 'xlsx');
    expect(sheet.headers[0]).toBe('题型 / type');
    expect(sheet.headers.map(columnOf)).toEqual([
      'type',
      'businessProcess',
      'difficulty',
      'points',
      'stem',
      'options',
      'answer',
      'scenario',
      'tags',
      'status',
    ]);
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['题目 Questions', '说明 Instructions']);
  });

  it('reads CSV in UTF-8 with a BOM and in GB18030, skipping blank lines but keeping row numbers', async () => {
    const utf8 = Buffer.from('\uFEFF题型,答案\n判断,对\n\n判断,错\n', 'utf8');
    expect(await readSheet(utf8, 'csv')).toEqual({
      headers: ['题型', '答案'],
      rows: [
        { row: 2, cells: ['判断', '对'] },
        { row: 4, cells: ['判断', '错'] },
      ],
    });
    // "题型,答案\n判断,对\n" as Excel on Chinese Windows saves it.
    const gb = Buffer.from('cce2d0cd2cb4f0b0b80ac5d0b6cf2cb6d40a', 'hex');
    expect(await readSheet(gb, 'csv')).toEqual({
      headers: ['题型', '答案'],
      rows: [{ row: 2, cells: ['判断', '对'] }],
    });
  });
});
