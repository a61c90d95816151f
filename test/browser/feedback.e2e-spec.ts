import { RequestContext } from '@cascade/server/core';
import { FeedbackService } from '@cascade/server/feedback';
import {
  ConsoleHarness,
  createPlan,
  createSession,
  minutesFromNow,
  startConsoleHarness,
  World,
  ConsolePages,
  consolePages,
} from '@cascade/server/testing';
import { Page } from 'playwright-core';

jest.setTimeout(300_000);

/**
 * Feedback end to end: a trainer builds a form in the console and names it on a plan; after a
 * session of that plan ends, two trainees who were there answer on their phones (one in Chinese,
 * one in English) from "my feedback", and the trainer reads the summary with its charts.
 */
describe('feedback in Chromium', () => {
  let harness: ConsoleHarness;
  let pages: ConsolePages;
  let api: ConsoleHarness['api'];
  let world: World;
  let baseUrl: string;
  let trainerToken: string;
  let planId: string;
  let sessionId: string;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    pages = consolePages(harness, 'feedback');
    ({ api, world, baseUrl } = harness);
    trainerToken = await api.login(world.trainerA.email);
    const plan = await createPlan(api, world, trainerToken, { title: '采购关键用户培训（反馈）' });
    planId = plan.id;
    const session = await createSession(api, trainerToken, plan, {
      title: '采购下单实操',
      startsAt: minutesFromNow(-150),
      endsAt: minutesFromNow(-30),
    });
    sessionId = session.id;
    const trainees = [world.traineeA, world.traineeA2];
    const enrolled = await api
      .http()
      .post(`/api/sessions/${sessionId}/enrollments`)
      .set('authorization', trainerToken)
      .send({ userIds: trainees.map((t) => t.id) });
    expect(enrolled.status).toBeLessThan(300);
    for (const trainee of trainees) {
      const marked = await api
        .http()
        .post(`/api/sessions/${sessionId}/attendance`)
        .set('authorization', trainerToken)
        .send({ userId: trainee.id, status: 'present' });
      expect(marked.status).toBe(200);
    }
  });
  afterAll(() => harness?.close());

  /** Nothing on the page is wider than the phone's screen. */
  const expectNoSidewaysScroll = async (page: Page) =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);

  it('is built by a trainer, answered on phones and summarised with charts', async () => {
    // 1. The trainer builds a form in the console (desktop, Chinese) and names it on the plan.
    const trainer = await pages.desktop('zh-CN');
    await pages.login(trainer.page, world.trainerA.email);
    const formId = await pages.step(trainer.page, 'build', async () => {
      const page = trainer.page;
      await page.goto(`${baseUrl}/feedback-forms/create`);
      await page.getByRole('combobox', { name: /^所属组织/ }).click();
      await page.getByRole('option', { name: world.vendor.name }).click();
      await page.getByRole('textbox', { name: /^标题/ }).fill('课后反馈');
      await page.getByRole('textbox', { name: /^说明/ }).fill('请花两分钟评价本次培训。');
      const texts = () => page.getByRole('textbox', { name: /^题目/ });
      await texts().nth(0).fill('讲解清楚，示范到位');
      const add = page.getByRole('button', { name: /添加|Add/ }).last();
      const typeOf = (index: number) => page.getByRole('combobox', { name: /^题型/ }).nth(index);
      const aboutOf = (index: number) => page.getByRole('combobox', { name: /^评价对象/ }).nth(index);
      // 2: NPS about the session.
      await add.click();
      await typeOf(1).click();
      await page.getByRole('option', { name: '推荐度 0–10（NPS）' }).click();
      await aboutOf(1).click();
      await page.getByRole('option', { name: '课程' }).click();
      await texts().nth(1).fill('您向同事推荐本次培训的可能性有多大？');
      // 3: a single choice about the content.
      await add.click();
      await typeOf(2).click();
      await page.getByRole('option', { name: '单选' }).click();
      await aboutOf(2).click();
      await page.getByRole('option', { name: '内容' }).click();
      await texts().nth(2).fill('课程节奏');
      const options = page.getByRole('combobox', { name: /^选项/ });
      for (const option of ['太快', '合适', '太慢']) {
        await options.fill(option);
        await options.press('Enter');
      }
      // 4: an optional comment on each trainer.
      await add.click();
      await typeOf(3).click();
      await page.getByRole('option', { name: '文字' }).click();
      await texts().nth(3).fill('对讲师的建议');
      await page.getByLabel('必答').nth(3).uncheck();
      const preview = page.getByTestId('feedback-form-preview');
      await preview.getByText('课程节奏').waitFor();
      // Trainer items appear once for each of the sample trainers.
      await expect(preview.getByText('讲师甲').count()).resolves.toBe(2);
      await pages.shot(page, 'feedback-form-builder-zh', true);
      await page.getByRole('button', { name: '保存' }).click();
      await page.waitForURL(/\/feedback-forms\/[0-9a-f-]{36}\/show/);
      await page.getByTestId('feedback-form-preview').waitFor();
      await pages.shot(page, 'feedback-form-show-zh', true);
      return /\/feedback-forms\/([0-9a-f-]{36})/.exec(page.url())![1];
    });
    const saved = (await api.http().get(`/api/feedback-forms/${formId}`).set('authorization', trainerToken)).body;
    expect(saved.items.map((i: { type: string; about: string }) => `${i.type}/${i.about}`)).toEqual([
      'likert_5/trainer',
      'nps_0_10/session',
      'single_choice/content',
      'free_text/trainer',
    ]);
    expect(saved.items[2].options).toEqual(['太快', '合适', '太慢']);
    expect(saved.items[3].required).toBe(false);

    await pages.step(trainer.page, 'choose', async () => {
      const page = trainer.page;
      await page.goto(`${baseUrl}/training-plans/${planId}/show`);
      await page.getByRole('combobox', { name: '选择问卷' }).click();
      await page.getByRole('option', { name: '课后反馈' }).click();
      await page.getByTestId('chosen-form').filter({ hasText: '课后反馈' }).waitFor();
      await pages.shot(page, 'feedback-plan-form-zh', true);
    });
    const choice = (await api.http().get(`/api/sessions/${sessionId}/feedback-form`).set('authorization', trainerToken))
      .body;
    expect(choice).toMatchObject({ formId, inherited: true });

    // 2. The session has ended: every attendee is asked.
    const asked = await RequestContext.runAsSystem(() => api.app.get(FeedbackService).requestForEndedSessions());
    expect(asked).toBe(2);

    // 3. A trainee answers on a phone in Chinese, from the list.
    const zh = await pages.phone('zh-CN');
    await pages.login(zh.page, world.traineeA.email);
    await pages.step(zh.page, 'answer-zh', async () => {
      const page = zh.page;
      await page.goto(`${baseUrl}/my-feedback`);
      const card = page.getByTestId('feedback-request').filter({ hasText: '采购下单实操' });
      await card.waitFor();
      await pages.shot(page, 'feedback-phone-list-zh');
      await expectNoSidewaysScroll(page);
      await card.getByRole('link', { name: '填写反馈' }).click();
      await page.waitForURL(/\/feedback\/[0-9a-f-]{36}/);
      await page.locator('[data-testid="anonymity-note"][data-anonymous="false"]').waitFor();
      await pages.shot(page, 'feedback-phone-form-zh');
      // Submitting with nothing answered names what is missing, on the phone, without a round trip.
      await page.getByRole('button', { name: /^提交/ }).click();
      await page.getByTestId('feedback-error').filter({ hasText: '还有 3 道题未作答' }).waitFor();
      const prompt = (text: string) => page.getByTestId('feedback-prompt').filter({ hasText: text });
      await prompt('讲解清楚').getByRole('radio', { name: '5' }).click();
      await prompt('推荐').getByRole('radio', { name: '9' }).click();
      await prompt('课程节奏').getByRole('radio', { name: '合适' }).click();
      await prompt('对讲师的建议').getByRole('textbox').fill('案例贴近我们的业务，希望多一些上机练习。');
      await expectNoSidewaysScroll(page);
      await expect(page.getByTestId('feedback-error').count()).resolves.toBe(0);
      // Let the buttons' colour transition finish before the picture.
      await page.waitForTimeout(500);
      await pages.shot(page, 'feedback-phone-answered-zh', true);
      await page.getByRole('button', { name: '提交（4/4）' }).click();
      await page.getByTestId('feedback-done').getByText('感谢您的反馈').waitFor();
      await pages.shot(page, 'feedback-phone-thanks-zh');
      await page.getByTestId('feedback-done').getByRole('link', { name: '返回我的反馈' }).click();
      await page.getByTestId('feedback-request').filter({ hasText: '已提交' }).waitFor();
    });

    // 4. Another answers in English.
    const en = await pages.phone('en');
    await pages.login(en.page, world.traineeA2.email);
    await pages.step(en.page, 'answer-en', async () => {
      const page = en.page;
      await page.goto(`${baseUrl}/my-feedback`);
      await page.getByTestId('feedback-request').getByRole('link', { name: 'Give feedback' }).click();
      await page.waitForURL(/\/feedback\/[0-9a-f-]{36}/);
      const prompt = (text: string) => page.getByTestId('feedback-prompt').filter({ hasText: text });
      await prompt('讲解清楚').getByRole('radio', { name: '3' }).click();
      await prompt('推荐').getByRole('radio', { name: '6' }).click();
      await prompt('课程节奏').getByRole('radio', { name: '太快' }).click();
      await expectNoSidewaysScroll(page);
      await page.waitForTimeout(500);
      await pages.shot(page, 'feedback-phone-form-en', true);
      await page.getByRole('button', { name: 'Submit (3/4)' }).click();
      await page.getByTestId('feedback-done').getByText('Thank you').waitFor();
    });
    // A second response for the same session is refused.
    const again = await api
      .http()
      .post(`/api/sessions/${sessionId}/feedback`)
      .set('authorization', await api.login(world.traineeA2.email))
      .send({
        formId,
        answers: [
          { itemId: saved.items[0].id, trainerId: world.trainerA.id, value: 4 },
          { itemId: saved.items[1].id, value: 8 },
          { itemId: saved.items[2].id, value: '合适' },
        ],
      });
    expect(again.status).toBe(409);

    // 5. The trainer reads the summary on the session page, and on their own user page.
    await pages.step(trainer.page, 'summary-zh', async () => {
      const page = trainer.page;
      await page.goto(`${baseUrl}/sessions/${sessionId}/show`);
      const summary = page.getByTestId('feedback-summary');
      await summary.getByText('2 名出席学员中 2 人已作答').waitFor();
      await expect(summary.getByTestId('feedback-distribution').count()).resolves.toBe(3);
      await summary.getByText('案例贴近我们的业务').waitFor();
      await summary.getByTestId('feedback-distribution').first().scrollIntoViewIfNeeded();
      await pages.shot(page, 'feedback-session-summary-zh', true);
      await page.goto(`${baseUrl}/users/${world.trainerA.id}/show`);
      await page.getByTestId('trainer-over-time').waitFor();
      await expect(page.getByTestId('trainer-overall-mean').innerText()).resolves.toBe('4.00 / 5');
      await pages.shot(page, 'feedback-trainer-zh', true);
    });
    const english = await pages.desktop('en');
    await pages.login(english.page, world.trainerA.email);
    await pages.step(english.page, 'summary-en', async () => {
      const page = english.page;
      await page.goto(`${baseUrl}/sessions/${sessionId}/show`);
      await page.getByTestId('feedback-summary').getByText('2 of 2 attendees answered').waitFor();
      await pages.shot(page, 'feedback-session-summary-en', true);
    });
    await Promise.all([trainer, zh, en, english].map((p) => p.context.close()));
  });
  it('keeps notification preferences, refuses a private webhook address and sets the recognition policy', async () => {
    const manager = await pages.desktop('zh-CN');
    await pages.login(manager.page, world.managerA.email);
    await pages.step(manager.page, 'preferences', async () => {
      const page = manager.page;
      await page.goto(`${baseUrl}/profile`);
      await page.getByRole('region', { name: '通知设置' }).waitFor();
      await pages.shot(page, 'feedback-profile-preferences-zh', true);
    });
    await pages.step(manager.page, 'webhook', async () => {
      const page = manager.page;
      await page.goto(`${baseUrl}/webhooks/create`);
      await page.getByRole('textbox', { name: /^地址/ }).fill('http://127.0.0.1:9/hooks');
      await page.getByRole('checkbox', { name: '考试成绩已确定' }).check();
      await page.getByRole('button', { name: '保存' }).click();
      // Loopback is refused by the server unless the installation allows it; the form says so.
      await page.locator('.Mui-error').first().waitFor();
      await pages.shot(page, 'feedback-webhook-refused-zh', true);
    });
    await pages.step(manager.page, 'recognition', async () => {
      const page = manager.page;
      await page.goto(`${baseUrl}/organizations/${world.clientA.id}/show`);
      const card = page.getByRole('region', { name: '表彰规则' });
      await card.getByRole('spinbutton', { name: '优秀线' }).fill('85');
      await card.getByLabel('本场考试的讲师').check();
      await card.getByRole('button', { name: '保存' }).click();
      await page.getByText('表彰规则已保存').waitFor();
      await pages.shot(page, 'feedback-recognition-policy-zh', true);
    });
    const policy = (
      await api
        .http()
        .get(`/api/organizations/${world.clientA.id}/recognition-policy`)
        .set('authorization', await api.login(world.managerA.email))
    ).body;
    expect(policy).toMatchObject({ excellentThreshold: 85 });
    expect(policy.followUpRecipients).toContain('trainers');
    await manager.context.close();
  });
});
