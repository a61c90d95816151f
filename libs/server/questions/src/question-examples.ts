import { QuestionType, TypedQuestionBody } from '@cascade/contracts';

export type QuestionExample = TypedQuestionBody & {
  stem: string;
  points: number;
  difficulty: number;
  businessProcess: string;
};

/** One well-formed question of every type, from a purchasing business: for the docs, demo data and tests. */
export const QUESTION_EXAMPLES: { [T in QuestionType]: QuestionExample & { type: T } } = {
  single_choice: {
    type: 'single_choice',
    businessProcess: '采购 / 下单',
    difficulty: 2,
    points: 2,
    stem: '采购订单审批通过后，货物到达仓库时应在系统中做哪一步？',
    content: {
      options: [
        { id: 'A', text: '按采购订单创建收货单' },
        { id: 'B', text: '直接登记付款' },
        { id: 'C', text: '关闭采购订单' },
      ],
    },
    key: { correct: 'A' },
  },
  multiple_choice: {
    type: 'multiple_choice',
    businessProcess: '仓储 / 收货',
    difficulty: 3,
    points: 4,
    stem: '以下哪些单据可以作为收货的依据？',
    content: {
      options: [
        { id: 'A', text: '采购订单' },
        { id: 'B', text: '供应商送货单' },
        { id: 'C', text: '销售报价单' },
        { id: 'D', text: '付款申请' },
      ],
    },
    key: { correct: ['A', 'B'], scoring: 'partial' },
  },
  true_false: {
    type: 'true_false',
    businessProcess: '仓储 / 收货',
    difficulty: 1,
    points: 1,
    stem: '收货数量超过采购订单数量时，无需任何审批即可入库。',
    content: {},
    key: { correct: false },
  },
  fill_in: {
    type: 'fill_in',
    businessProcess: '采购 / 下单',
    difficulty: 3,
    points: 4,
    stem: '创建采购订单的事务代码是 ____，过账收货的事务代码是 ____。',
    content: { blanks: 2 },
    key: { accepted: [['ME21N'], ['MIGO', 'MB01']], ignoreCase: true, ignoreSpaces: true },
  },
  ordering: {
    type: 'ordering',
    businessProcess: '采购 / 下单',
    difficulty: 2,
    points: 5,
    stem: '请按业务顺序排列采购到付款的步骤。',
    content: {
      items: [
        { id: 'A', text: '提交请购单' },
        { id: 'B', text: '下达采购订单' },
        { id: 'C', text: '收货入库' },
        { id: 'D', text: '发票校验' },
        { id: 'E', text: '付款' },
      ],
    },
    key: { order: ['A', 'B', 'C', 'D', 'E'] },
  },
  matching: {
    type: 'matching',
    businessProcess: '采购 / 下单',
    difficulty: 2,
    points: 3,
    stem: '将单据与它的用途连线。',
    content: {
      left: [
        { id: 'A', text: '请购单' },
        { id: 'B', text: '采购订单' },
        { id: 'C', text: '收货单' },
      ],
      right: [
        { id: '1', text: '提出采购需求' },
        { id: '2', text: '向供应商订货' },
        { id: '3', text: '记录实物入库' },
      ],
    },
    key: {
      pairs: [
        { left: 'A', right: '1' },
        { left: 'B', right: '2' },
        { left: 'C', right: '3' },
      ],
    },
  },
  essay: {
    type: 'essay',
    businessProcess: '仓储 / 收货',
    difficulty: 4,
    points: 10,
    stem: '结合本公司实际，说明收货时发现数量与订单不符应如何处理。',
    content: { maxWords: 500 },
    key: {
      rubric: [
        { criterion: '说明拒收或让步接收的判断依据', points: 4 },
        { criterion: '说明系统中的操作步骤', points: 4 },
        { criterion: '说明与供应商和采购的沟通', points: 2 },
      ],
    },
  },
};
