import { QuestionType } from '@cascade/contracts';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';
import {
  ConsoleHarness,
  eventually,
  minutesFromNow,
  startConsoleHarness,
  World,
  ConsolePages,
  consolePages,
} from '@cascade/server/testing';
import { devices, Locator } from 'playwright-core';

jest.setTimeout(300_000);

const TYPES: QuestionType[] = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'fill_in',
  'ordering',
  'matching',
  'essay',
];

/**
 * An exam end to end: a trainer's bank of every question type and an exam for one trainee;
 * the trainee takes it on a phone, loses the network halfway (answers wait in the browser and
 * are saved once it is back), hands in; a trainer grades the essay by its rubric in the grading
 * queue, and the trainee's phone shows the result.
 */
describe('exam in Chromium', () => {
  let harness: ConsoleHarness;
  let pages: ConsolePages;
  let api: ConsoleHarness['api'];
  let world: World;
  let baseUrl: string;
  let trainerToken: string;
  const questionIds: Partial<Record<QuestionType, string>> = {};
  let examId: string;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    pages = consolePages(harness, 'exam');
    ({ api, world, baseUrl } = harness);
    trainerToken = await api.login(world.trainerA.email);
    const scenario = await api.http().post('/api/scenarios').set('authorization', trainerToken).send({
      organizationId: world.clientA.id,
      title: '供应商短交',
      narrative: '供应商按采购订单应交付 100 件，实际到货 80 件，其中 5 件外包装破损。',
      businessProcess: '仓储 / 收货',
    });
    expect(scenario.status).toBe(201);
    for (const type of TYPES) {
      const response = await api
        .http()
        .post('/api/questions')
        .set('authorization', trainerToken)
        .send({
          organizationId: world.clientA.id,
          ...QUESTION_EXAMPLES[type],
          status: 'active',
          ...(type === 'essay' ? { scenarioId: scenario.body.id } : {}),
        });
      expect(response.status).toBe(201);
      questionIds[type] = response.body.id;
    }
    const exam = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainerToken)
      .send({
        organizationId: world.clientA.id,
        title: '收货业务考试',
        kind: 'post_test',
        questionIds: TYPES.map((type) => questionIds[type]),
        timeLimitMinutes: 30,
        opensAt: minutesFromNow(-5),
        closesAt: minutesFromNow(120),
        passPercent: 60,
        shuffleQuestions: false,
        showResults: 'immediately',
        assignees: { userIds: [world.traineeA.id] },
      });
    expect(exam.status).toBe(201);
    examId = exam.body.id;
  });
  afterAll(() => harness?.close());

  /** Answers the question on screen the way a trainee would, correctly, by its type. */
  async function answer(card: Locator, type: QuestionType): Promise<void> {
    switch (type) {
      case 'single_choice':
        await card.getByText('按采购订单创建收货单').click();
        return;
      case 'multiple_choice':
        await card.getByText('采购订单', { exact: true }).click();
        await card.getByText('供应商送货单').click();
        return;
      case 'true_false':
        await card.getByRole('button', { name: '错误' }).click();
        return;
      case 'fill_in':
        await card.getByLabel('第 1 空').fill('me21n');
        await card.getByLabel('第 2 空').fill('MIGO');
        return;
      case 'ordering': {
        const wanted = ['提交请购单', '下达采购订单', '收货入库', '发票校验', '付款'];
        for (const [target, text] of wanted.entries()) {
          for (;;) {
            const shown = await card.locator('ol > li').allInnerTexts();
            const at = shown.findIndex((line) => line.includes(text));
            if (at <= target) break;
            await card.getByRole('button', { name: `上移“${text}”` }).click();
          }
        }
        return;
      }
      case 'matching': {
        const pairs = ['提出采购需求', '向供应商订货', '记录实物入库'];
        for (const [index, right] of pairs.entries()) {
          await card.getByRole('combobox').nth(index).click();
          await card.page().getByRole('option', { name: right }).click();
        }
        return;
      }
      case 'essay':
        await card
          .getByRole('textbox')
          .fill(
            '先清点数量并拍照记录破损，按让步接收或拒收的规定判断；在系统中按实收数量过账收货，破损件做退货；同时通知采购与供应商补货。',
          );
        return;
    }
  }

  it('is taken on a phone, survives a lost network, is graded by a trainer and shows the result', async () => {
    // 1. The trainer's bank and exam in the console (desktop, Chinese).
    const trainer = await pages.desktop('zh-CN');
    await pages.login(trainer.page, world.trainerA.email);
    await pages.step(trainer.page, 'bank', async () => {
      const page = trainer.page;
      await page.goto(`${baseUrl}/questions`);
      await page.getByText('将单据与它的用途连线。').waitFor();
      await pages.shot(page, 'exam-question-bank-zh');
      await page.goto(`${baseUrl}/questions/${questionIds.matching}/show`);
      await page.getByTestId('exam-question').waitFor();
      await pages.shot(page, 'exam-question-preview-zh');
    });
    await pages.step(trainer.page, 'blueprint', async () => {
      // A blueprint cell asking for more than the bank holds shows it as typed, and the server names it on save.
      const page = trainer.page;
      await page.goto(`${baseUrl}/exams/create`);
      await page.getByRole('combobox', { name: /^客户/ }).click();
      await page.getByRole('option', { name: world.clientA.name }).click();
      await page.getByRole('textbox', { name: /^标题/ }).fill('采购蓝图测验');
      await page.getByRole('button', { name: '添加一行' }).click();
      const row = page.getByTestId('blueprint-row').first();
      await row.getByRole('combobox', { name: '业务流程' }).fill('采购 / 下单');
      await row.getByRole('spinbutton', { name: '题数' }).fill('5');
      await row.locator('[data-testid="blueprint-availability"][data-sufficient="false"]').waitFor();
      await expect(row.getByTestId('blueprint-availability').innerText()).resolves.toContain('可用 3 道');
      await page.getByRole('button', { name: '保存' }).click();
      await row.locator('.Mui-error').first().waitFor();
      await pages.shot(page, 'exam-builder-blueprint-zh', true);
      await row.getByRole('spinbutton', { name: '题数' }).fill('3');
      await row.locator('[data-testid="blueprint-availability"][data-sufficient="true"]').waitFor();
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL(/\/exams\/[0-9a-f-]{36}\/show/);
      await page.getByTestId('blueprint-check').waitFor();
      await pages.shot(page, 'exam-show-blueprint-zh', true);
    });

    // A question written in the console's form, with its type's own editor and a preview.
    const author = await pages.desktop('en');
    await pages.login(author.page, world.trainerA.email);
    await pages.step(author.page, 'author', async () => {
      const page = author.page;
      await page.goto(`${baseUrl}/questions/create`);
      await page.getByRole('combobox', { name: /^Bank/ }).click();
      await page.getByRole('option', { name: world.clientA.name }).click();
      await page.getByRole('textbox', { name: /^Business process/ }).fill('仓储 / 收货');
      await page.getByRole('textbox', { name: /^Question/ }).fill('Which document starts a goods receipt?');
      await page.getByRole('combobox', { name: /^Type/ }).click();
      await page.getByRole('option', { name: 'Matching' }).click();
      await page.getByRole('textbox', { name: 'Right 1' }).waitFor();
      await pages.shot(page, 'exam-question-matching-editor', true);
      await page.getByRole('combobox', { name: /^Type/ }).click();
      await page.getByRole('option', { name: 'Single choice' }).click();
      for (const [id, text] of [
        ['A', 'Purchase order'],
        ['B', 'Sales quotation'],
        ['C', 'Payment request'],
      ]) {
        await page.getByRole('textbox', { name: `Option ${id}` }).fill(text);
      }
      await page.getByRole('button', { name: 'Remove' }).last().click();
      await page.getByRole('radio', { name: 'Option A is correct' }).check();
      await page.getByRole('button', { name: 'Preview as a trainee' }).click();
      await page.getByRole('dialog').getByTestId('exam-question').waitFor();
      await pages.shot(page, 'exam-question-form-preview');
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/questions\/[0-9a-f-]{36}\/show/);
      await page.getByText('Purchase order', { exact: true }).first().waitFor();
    });
    await author.context.close();

    // 2. The trainee opens the exam on a phone.
    const phoneContext = await harness.browser.newContext({ ...devices['iPhone 13'], locale: 'zh-CN' });
    const phone = await phoneContext.newPage();
    phone.setDefaultTimeout(15_000);
    phone.on('pageerror', (error) => console.error('phone page error:', error.message));
    // Failed requests while offline are the point of the test; anything else logged as an error is not.
    phone.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('ERR_INTERNET_DISCONNECTED'))
        console.error('phone:', message.text());
    });
    await pages.login(phone, world.traineeA.email);
    const attemptId = await pages.step(phone, 'start', async () => {
      await phone.goto(`${baseUrl}/my-exams`);
      const card = phone.getByTestId('my-exam').filter({ hasText: '收货业务考试' });
      await card.waitFor();
      await pages.shot(phone, 'exam-phone-my-exams');
      await card.getByRole('button', { name: '开始考试' }).click();
      await phone.waitForURL(/\/attempts\/[0-9a-f-]{36}/);
      return /\/attempts\/([0-9a-f-]{36})/.exec(phone.url())![1];
    });

    // 3. Each type answered one question at a time; the network drops after the third.
    const savedAnswers = async () =>
      (
        await api
          .http()
          .get(`/api/attempts/${attemptId}`)
          .set('authorization', await api.login(world.traineeA.email))
      ).body.items as { question: { type: QuestionType }; response: unknown; seq: number }[];
    await pages.step(phone, 'answer', async () => {
      await phone.getByTestId('attempt-timer').waitFor();
      for (const [index, type] of TYPES.entries()) {
        const card = phone.locator(`[data-testid="exam-question"][data-type="${type}"]`);
        await card.waitFor();
        if (type === 'fill_in') {
          // Everything so far reached the server before the network goes.
          await phone.locator('[data-testid="save-indicator"][data-status="saved"]').waitFor();
          await phoneContext.setOffline(true);
        }
        await answer(card, type);
        if (index === 0) await pages.shot(phone, 'exam-phone-question');
        if (type === 'ordering') {
          await phone.locator('[data-testid="save-indicator"][data-status="offline"]').waitFor();
          await phone.getByTestId('offline-banner').waitFor();
          await pages.shot(phone, 'exam-phone-offline');
          const stored = await phone.evaluate(
            (id) => JSON.parse(window.localStorage.getItem(`cascade.answers.${id}`) ?? '{}'),
            attemptId,
          );
          expect(Object.keys(stored.pending ?? {})).toHaveLength(2);
          await phoneContext.setOffline(false);
          await phone.locator('[data-testid="save-indicator"][data-status="saved"]').waitFor({ timeout: 20_000 });
        }
        if (type === 'matching') await pages.shot(phone, 'exam-phone-matching');
        if (index < TYPES.length - 1) await phone.getByRole('button', { name: '下一题' }).click();
      }
      await phone.locator('[data-testid="save-indicator"][data-status="saved"]').waitFor({ timeout: 20_000 });
      await pages.shot(phone, 'exam-phone-essay');
    });
    const stored = await savedAnswers();
    const byType = Object.fromEntries(stored.map((item) => [item.question.type, item]));
    expect(byType.fill_in.response).toEqual(['me21n', 'MIGO']);
    expect(byType.ordering.response).toEqual(QUESTION_EXAMPLES.ordering.key.order);
    expect(byType.essay.response).toEqual(expect.stringContaining('破损'));
    expect(stored.every((item) => item.seq > 0)).toBe(true);

    // 4. Hand in: a clear submitted state while the essay waits for a trainer.
    await pages.step(phone, 'submit', async () => {
      await phone.getByRole('button', { name: '交卷', exact: true }).first().click();
      await phone.getByRole('dialog').getByRole('button', { name: '确认交卷' }).click();
      await phone.locator('[data-testid="attempt-outcome"][data-status="needs_review"]').waitFor({ timeout: 20_000 });
      await phone.getByText('已交卷').first().waitFor();
      await pages.shot(phone, 'exam-phone-submitted');
    });

    // 5. A trainer grades the essay against its rubric in the grading queue (desktop, English).
    const grader = await pages.desktop('en');
    await pages.login(grader.page, world.trainerA.email);
    await pages.step(grader.page, 'grade', async () => {
      const page = grader.page;
      await page.goto(`${baseUrl}/grading?examId=${examId}`);
      const item = page.getByTestId('grading-item').filter({ hasText: 'trainee-a' });
      await item.waitFor();
      const scores = item.getByRole('spinbutton');
      await scores.nth(0).fill('4');
      await scores.nth(1).fill('3');
      await scores.nth(2).fill('2');
      await item.getByTestId('grading-total').filter({ hasText: 'Total 9 / 10' }).waitFor();
      await item.getByLabel('Comment for the trainee').fill('操作步骤可以再具体些。');
      await pages.shot(page, 'exam-grading-queue', true);
      await item.getByRole('button', { name: 'Save grade' }).click();
      await page.getByText('Nothing waits for grading.').waitFor();
    });

    // 6. The phone, still open, shows the final result by itself.
    await pages.step(phone, 'result', async () => {
      await phone.locator('[data-testid="attempt-outcome"][data-status="finalized"]').waitFor({ timeout: 30_000 });
      await expect(phone.getByTestId('attempt-percent').innerText()).resolves.toBe('97%');
      await phone.getByText('通过', { exact: true }).first().waitFor();
      await pages.shot(phone, 'exam-phone-result');
      await pages.shot(phone, 'exam-phone-result-full', true);
    });
    const final = await eventually(
      async () => {
        const view = (await api.http().get(`/api/attempts/${attemptId}`).set('authorization', trainerToken)).body;
        return view.status === 'finalized' ? view : undefined;
      },
      10_000,
      'the attempt to be final',
    );
    expect(final).toMatchObject({ score: 28, maxScore: 29, passed: true });

    // 7. The trainer's results and item analysis.
    await pages.step(grader.page, 'results', async () => {
      const page = grader.page;
      await page.goto(`${baseUrl}/exams/${examId}/results`);
      await page.getByTestId('result-row').filter({ hasText: '97%' }).waitFor();
      await pages.shot(page, 'exam-results');
      await page.goto(`${baseUrl}/exams/${examId}/item-analysis`);
      await page.getByTestId('distribution-chart').waitFor();
      await pages.shot(page, 'exam-item-analysis', true);
    });
    await pages.step(trainer.page, 'results-zh', async () => {
      await trainer.page.goto(`${baseUrl}/exams/${examId}/item-analysis`);
      await trainer.page.getByTestId('distribution-chart').waitFor();
      await pages.shot(trainer.page, 'exam-item-analysis-zh', true);
    });
    await phoneContext.close();
    await grader.context.close();
    await trainer.context.close();
  });
});
