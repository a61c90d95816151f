import { TypedQuestionBody } from '@cascade/contracts';

/** The demo plan's business processes, as its modules name them. */
export const PROCESS = {
  purchasing: '采购 / 请购与下单',
  receiving: '仓储 / 收货',
  sales: '销售 / 订单到收款',
  payables: '财务 / 应付',
} as const;

export type DemoScenarioKey = keyof typeof PROCESS;

export const DEMO_SCENARIOS: { key: DemoScenarioKey; title: string; narrative: string }[] = [
  {
    key: 'purchasing',
    title: '轴承紧急请购',
    narrative:
      '生产部因客户插单，急需 6204 深沟球轴承 500 套，要求 3 天内到货。合格供应商目前有两家：A 公司报价 12.5 元/套，交期 5 天；' +
      'B 公司报价 13.8 元/套，交期 2 天。公司制度规定：单笔采购金额超过 5,000 元，须取得三家报价比价，并经采购经理审批。',
  },
  {
    key: 'receiving',
    title: '部分到货与质检不合格',
    narrative:
      '采购订单 PO-2024-0312 订购铝合金壳体 100 件。供应商本次送货 80 件，送货单注明“余 20 件下周补发”。' +
      '质检抽检后判定其中 5 件外壳有明显划伤，不合格。',
  },
  {
    key: 'sales',
    title: '大客户加急订单',
    narrative:
      '老客户宏达机电下单伺服支架 200 套，金额 6 万元，要求月底前全部发货，并希望在合同价基础上再降 3%。' +
      '该客户目前应收账款 48 万元，信用额度 50 万元。',
  },
  {
    key: 'payables',
    title: '三单不符的供应商发票',
    narrative:
      '供应商开来发票：铝合金壳体 100 件 × 85 元，合计 8,500 元（不含税）。系统中的采购订单为 100 件 × 85 元；' +
      '实际到货 80 件，其中 5 件质检不合格已退回，入库 75 件。',
  },
];

export type DemoQuestion = TypedQuestionBody & {
  businessProcess: string;
  difficulty: number;
  points: number;
  stem: string;
  scenario: DemoScenarioKey | null;
  tags: string[];
};

/**
 * The demo client's question bank: three questions per business process of the demo plan,
 * every question type at least once, most of them on a shared business case.
 */
export const DEMO_QUESTIONS: DemoQuestion[] = [
  {
    type: 'single_choice',
    businessProcess: PROCESS.purchasing,
    difficulty: 2,
    points: 2,
    scenario: 'purchasing',
    tags: ['比价', '审批'],
    stem: '按公司制度，这次请购在系统中下达采购订单之前必须完成哪一步？',
    content: {
      options: [
        { id: 'A', text: '直接向 B 公司下单，因为交期最短' },
        { id: 'B', text: '补充第三家供应商报价完成比价，并提交采购经理审批' },
        { id: 'C', text: '先通知仓库做收货准备' },
        { id: 'D', text: '由生产部自行联系供应商下单' },
      ],
    },
    key: { correct: 'B' },
  },
  {
    type: 'ordering',
    businessProcess: PROCESS.purchasing,
    difficulty: 2,
    points: 4,
    scenario: null,
    tags: ['流程'],
    stem: '请按系统中的业务顺序排列采购下单的步骤。',
    content: {
      items: [
        { id: 'A', text: '提交请购单' },
        { id: 'B', text: '询价与比价' },
        { id: 'C', text: '采购经理审批' },
        { id: 'D', text: '下达采购订单' },
        { id: 'E', text: '供应商确认订单' },
      ],
    },
    key: { order: ['A', 'B', 'C', 'D', 'E'] },
  },
  {
    type: 'fill_in',
    businessProcess: PROCESS.purchasing,
    difficulty: 3,
    points: 4,
    scenario: 'purchasing',
    tags: ['计算'],
    stem: '若选择 B 公司，本次采购金额为 ____ 元；按制度，需要取得报价的供应商至少 ____ 家。',
    content: { blanks: 2 },
    key: {
      accepted: [
        ['6900', '6,900', '6900.00'],
        ['3', '三'],
      ],
      ignoreCase: true,
      ignoreSpaces: true,
    },
  },
  {
    type: 'true_false',
    businessProcess: PROCESS.receiving,
    difficulty: 1,
    points: 1,
    scenario: 'receiving',
    tags: ['部分收货'],
    stem: '本次到货的 80 件应先全部放入合格品库位，等剩余 20 件补发后再一起质检。',
    content: {},
    key: { correct: false },
  },
  {
    type: 'multiple_choice',
    businessProcess: PROCESS.receiving,
    difficulty: 3,
    points: 4,
    scenario: 'receiving',
    tags: ['部分收货', '质检'],
    stem: '对这批到货，以下哪些操作是正确的？',
    content: {
      options: [
        { id: 'A', text: '按实收 80 件做部分收货，订单保留未交的 20 件' },
        { id: 'B', text: '5 件不合格品转入待退货库位，做采购退货并通知采购员' },
        { id: 'C', text: '直接关闭采购订单，剩余 20 件重新下单' },
        { id: 'D', text: '按订单数量 100 件收货，差异月底盘点时再调' },
      ],
    },
    key: { correct: ['A', 'B'], scoring: 'partial' },
  },
  {
    type: 'essay',
    businessProcess: PROCESS.receiving,
    difficulty: 4,
    points: 10,
    scenario: 'receiving',
    tags: ['部分收货', '质检', '退货'],
    stem: '结合本案例，说明发现数量不足和质检不合格时，仓库、质检和采购分别应在系统中和线下做什么。',
    content: { maxWords: 400 },
    key: {
      rubric: [
        { criterion: '部分收货与未交数量的处理正确', points: 4 },
        { criterion: '不合格品的库位与退货流程正确', points: 4 },
        { criterion: '说明与采购、供应商的沟通及时限', points: 2 },
      ],
    },
  },
  {
    type: 'single_choice',
    businessProcess: PROCESS.sales,
    difficulty: 1,
    points: 2,
    scenario: 'sales',
    tags: ['信用控制'],
    stem: '这张销售订单保存时，系统的信用检查结果会是？',
    content: {
      options: [
        { id: 'A', text: '通过：本单金额小于信用额度' },
        { id: 'B', text: '冻结：应收 48 万元加本单 6 万元，超过 50 万元的额度' },
        { id: 'C', text: '通过：老客户不做信用检查' },
      ],
    },
    key: { correct: 'B' },
  },
  {
    type: 'matching',
    businessProcess: PROCESS.sales,
    difficulty: 2,
    points: 3,
    scenario: null,
    tags: ['单据'],
    stem: '将销售单据与它在流程中的作用连线。',
    content: {
      left: [
        { id: 'A', text: '报价单' },
        { id: 'B', text: '销售订单' },
        { id: 'C', text: '发货单' },
        { id: 'D', text: '销售发票' },
      ],
      right: [
        { id: '1', text: '向客户承诺价格与条件' },
        { id: '2', text: '确认客户需求并预留库存' },
        { id: '3', text: '记录货物出库' },
        { id: '4', text: '确认收入与应收账款' },
      ],
    },
    key: {
      pairs: [
        { left: 'A', right: '1' },
        { left: 'B', right: '2' },
        { left: 'C', right: '3' },
        { left: 'D', right: '4' },
      ],
    },
  },
  {
    type: 'true_false',
    businessProcess: PROCESS.sales,
    difficulty: 3,
    points: 1,
    scenario: 'sales',
    tags: ['价格', '审批'],
    stem: '客户要求的额外 3% 折扣，销售员可以直接在销售订单上改价，无需审批。',
    content: {},
    key: { correct: false },
  },
  {
    type: 'multiple_choice',
    businessProcess: PROCESS.payables,
    difficulty: 3,
    points: 4,
    scenario: 'payables',
    tags: ['三单匹配'],
    stem: '做三单匹配时，系统会对这张发票提示哪些差异？',
    content: {
      options: [
        { id: 'A', text: '数量差异：发票 100 件，入库 75 件' },
        { id: 'B', text: '金额差异：发票比可匹配金额多 2,125 元' },
        { id: 'C', text: '单价差异' },
        { id: 'D', text: '税率差异' },
      ],
    },
    key: { correct: ['A', 'B'], scoring: 'all_or_nothing' },
  },
  {
    type: 'single_choice',
    businessProcess: PROCESS.payables,
    difficulty: 4,
    points: 3,
    scenario: 'payables',
    tags: ['三单匹配', '付款'],
    stem: '对这张发票，应付会计最恰当的处理是？',
    content: {
      options: [
        { id: 'A', text: '按发票全额过账并安排付款' },
        { id: 'B', text: '按已入库的 75 件匹配过账，差额请供应商开红字发票或待补货入库后再匹配' },
        { id: 'C', text: '退回整张发票，等全部到货后再处理' },
        { id: 'D', text: '差额计入管理费用，按发票全额付款' },
      ],
    },
    key: { correct: 'B' },
  },
  {
    type: 'fill_in',
    businessProcess: PROCESS.payables,
    difficulty: 2,
    points: 2,
    scenario: null,
    tags: ['三单匹配'],
    stem: '三单匹配指采购订单、收货单与 ____ 三者核对一致后才能付款。',
    content: { blanks: 1 },
    key: { accepted: [['发票', '供应商发票', '采购发票']], ignoreCase: true, ignoreSpaces: true },
  },
];

/** Essay answers of three qualities, for the demo's graded attempts. */
export const DEMO_ESSAY_ANSWERS = {
  good:
    '仓库按实收 80 件做部分收货，采购订单保留未交 20 件，补货到达后再收；质检把 5 件划伤品判为不合格，' +
    '转入待退货库位，只有 75 件入合格品库位；采购员当天通知供应商退货并确认补发 25 件的时间，应付按入库数量匹配发票。',
  fair: '先收货 80 件，坏的 5 件退给供应商，剩下的 20 件等下周到了再收。需要告诉采购。',
  poor: '按订单收 100 件，有问题月底再说。',
} as const;
