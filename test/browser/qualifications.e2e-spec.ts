import { QualificationView, TrainingPlanView } from '@cascade/contracts';
import {
  ConsoleHarness,
  createPlan,
  createSession,
  eventually,
  minutesFromNow,
  startConsoleHarness,
  World,
  ConsolePages,
  consolePages,
} from '@cascade/server/testing';
import { Page } from 'playwright-core';

jest.setTimeout(300_000);

const PROCESS = '采购 / 下单';
const CHECKLIST = ['讲清业务流程和单据流转', '演示系统操作', '回答学员提问'];

/**
 * Train the trainer in the console: a vendor trainer reads the board of a track, signs a
 * key user's teach-back in the form, and the key user becomes qualified with a certificate;
 * after the new internal trainer leads a session for a colleague, the cascade page shows
 * three levels, and the certificate's public page answers "valid" to someone not signed in.
 */
describe('train the trainer in Chromium', () => {
  let harness: ConsoleHarness;
  let pages: ConsolePages;
  let api: ConsoleHarness['api'];
  let world: World;
  let baseUrl: string;
  let trainerToken: string;
  let trackId: string;
  let plan: TrainingPlanView;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    pages = consolePages(harness, 'qualifications');
    ({ api, world, baseUrl } = harness);
    trainerToken = await api.login(world.trainerA.email);
    const post = async (path: string, body: object) => {
      const response = await api.http().post(path).set('authorization', trainerToken).send(body);
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    plan = await createPlan(api, world, trainerToken, { title: '采购关键用户培训（内训师）' });
    // The vendor trainer trains the key user, and the key user co-delivers a session as assistant.
    const trained = await createSession(api, trainerToken, plan, {
      title: '采购下单（顾问讲授）',
      startsAt: minutesFromNow(-60 * 48),
      endsAt: minutesFromNow(-60 * 46),
    });
    await post(`/api/sessions/${trained.id}/enrollments`, { userIds: [world.traineeA.id] });
    await post(`/api/sessions/${trained.id}/attendance`, { userId: world.traineeA.id, status: 'present' });
    const track = await post('/api/qualification-tracks', {
      organizationId: world.clientA.id,
      title: '采购内训师',
      description: '能独立讲授采购下单流程的关键用户。',
      businessProcesses: [PROCESS],
      criteria: [
        { kind: 'co_delivery', sessions: 1 },
        { kind: 'teach_back', checklist: CHECKLIST },
      ],
      validityMonths: 12,
    });
    trackId = track.id;
    for (const userId of [world.traineeA.id, world.traineeA2.id])
      await post('/api/qualifications', { trackId, userId });
    await createSession(api, trainerToken, plan, {
      title: '采购下单（助教）',
      startsAt: minutesFromNow(-60 * 26),
      endsAt: minutesFromNow(-60 * 24),
      trainers: [
        { userId: world.trainerA.id, role: 'lead' },
        { userId: world.traineeA.id, role: 'assistant' },
      ],
    });
    await eventually(
      async () => {
        const [q] = await qualificationsOf(world.traineeA.id);
        return q?.progress.find((p) => p.kind === 'co_delivery')?.met;
      },
      20_000,
      'co-delivery counted',
    );
  });
  afterAll(() => harness?.close());

  async function qualificationsOf(userId: string): Promise<QualificationView[]> {
    const response = await api.http().get(`/api/qualifications?userId=${userId}`).set('authorization', trainerToken);
    return response.body.data;
  }

  /** Nothing on the page is wider than the window. */
  const expectNoSidewaysScroll = async (page: Page) =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);

  it('shows progress, signs a teach-back, qualifies with a certificate, and draws the cascade', async () => {
    const { page } = await pages.desktop('zh-CN');
    await pages.login(page, world.trainerA.email);

    // 1. The board: both candidates, the key user's co-delivery met, the evidence behind it.
    await pages.step(page, 'board', async () => {
      await page.goto(`${baseUrl}/qualification-tracks/${trackId}/show`);
      const card = page.getByTestId('candidate-card').filter({ hasText: 'trainee-a2' });
      await card.waitFor();
      const keyUser = page.getByTestId('candidate-card').filter({ hasText: /^trainee-a(?!2)/ });
      await keyUser.getByText('协同授课：1 / 1 场').waitFor();
      await keyUser.getByText('试讲：尚未通过').waitFor();
      await keyUser.getByRole('button', { name: '1 条记录' }).click();
      await keyUser.getByText('采购下单（助教）').waitFor();
      await expect(page.getByTestId('candidate-card').count()).resolves.toBe(2);
      await pages.shot(page, 'qualification-board-zh', true);
      await expectNoSidewaysScroll(page);
    });

    // 2. The vendor trainer observes the teach-back and signs it off in the form.
    await pages.step(page, 'teach-back', async () => {
      const keyUser = page.getByTestId('candidate-card').filter({ hasText: /^trainee-a(?!2)/ });
      await keyUser.getByRole('link', { name: '评审试讲' }).click();
      await page.waitForURL(/\/teach-backs\/create/);
      const items = page.getByRole('textbox', { name: /^检查项/ });
      await expect(items.nth(2).inputValue()).resolves.toBe(CHECKLIST[2]);
      await page.getByRole('textbox', { name: /^意见/ }).first().fill('流程讲得清楚，举例贴近本部门业务。');
      await page.getByRole('textbox', { name: /^总体评价/ }).fill('可以独立授课。');
      await pages.shot(page, 'teach-back-form-zh', true);
      await page.getByRole('button', { name: '保存试讲评审' }).click();
      await page.waitForURL(new RegExp(`/qualification-tracks/${trackId}/show`));
    });
    const qualified = await eventually(
      async () => {
        const [q] = await qualificationsOf(world.traineeA.id);
        return q?.status === 'qualified' && q.certificateId ? q : undefined;
      },
      20_000,
      'qualified',
    );

    await pages.step(page, 'board-qualified', async () => {
      await page.reload();
      const keyUser = page.getByTestId('candidate-card').filter({ hasText: /^trainee-a(?!2)/ });
      await keyUser.getByText('已认证').waitFor();
      await keyUser.getByText('试讲：已通过').waitFor();
      // The attitude filter narrows the board (nobody in the world has one).
      await page.getByRole('combobox', { name: '态度' }).click();
      await page.getByRole('option', { name: '支持' }).click();
      await page.getByText('没有符合条件的候选人。').waitFor();
      await pages.shot(page, 'qualification-board-filtered-zh', true);
    });

    // 3. The key user's page: the qualification and its certificate with the verification link.
    const code = await pages.step(page, 'user', async () => {
      await page.goto(`${baseUrl}/users/${world.traineeA.id}/show`);
      const qualifications = page.getByTestId('user-qualifications');
      await qualifications.getByText('采购内训师').waitFor();
      await qualifications.getByText('已认证').waitFor();
      const certificates = page.getByTestId('user-certificates');
      await certificates.getByRole('button', { name: 'PDF' }).waitFor();
      await certificates.getByRole('button', { name: '复制验证链接' }).waitFor();
      await pages.shot(page, 'user-qualifications-zh', true);
      await expectNoSidewaysScroll(page);
      return (await certificates.getByTestId('verify-link').first().innerText()).trim();
    });
    const certificate = (
      await api.http().get(`/api/certificates/${qualified.certificateId}`).set('authorization', trainerToken)
    ).body;
    expect(code).toBe(certificate.code);

    // 4. The new internal trainer leads a session for a colleague, which then took place.
    const led = await createSession(api, trainerToken, plan, {
      title: '采购下单（内训）',
      startsAt: minutesFromNow(10),
      endsAt: minutesFromNow(100),
      trainers: [{ userId: world.traineeA.id, role: 'lead' }],
    });
    const enrolled = await api
      .http()
      .post(`/api/sessions/${led.id}/enrollments`)
      .set('authorization', trainerToken)
      .send({ userIds: [world.traineeA2.id] });
    expect(enrolled.status).toBeLessThan(300);
    // The gate allows leading only from the qualification on; the clock of this one session moves back instead.
    await api.dataSource.query(
      `UPDATE training_session SET starts_at = now() - interval '3 hours', ends_at = now() - interval '90 minutes' WHERE id = $1`,
      [led.id],
    );

    await pages.step(page, 'cascade', async () => {
      await page.goto(`${baseUrl}/cascade?organizationId=${world.clientA.id}`);
      await page.getByTestId('lineage-end_user').filter({ hasText: 'trainee-a2' }).waitFor();
      const trainer = page.getByTestId('lineage-vendor').filter({ hasText: 'trainer-a' });
      await trainer.getByTestId('lineage-internal_trainer').filter({ hasText: 'trainee-a' }).first().waitFor();
      await page.getByTestId('coverage-processes').getByText(PROCESS).first().waitFor();
      await page.getByTestId('hand-over-curve').waitFor();
      await pages.shot(page, 'cascade-zh', true);
      await expectNoSidewaysScroll(page);
    });

    // 5. The same pages in English.
    const english = await pages.desktop('en');
    await pages.login(english.page, world.trainerA.email);
    await pages.step(english.page, 'english', async () => {
      const en = english.page;
      await en.goto(`${baseUrl}/qualification-tracks/${trackId}/show`);
      await en.getByText('Sessions co-delivered: 1 of 1').first().waitFor();
      await pages.shot(en, 'qualification-board-en', true);
      await en.goto(`${baseUrl}/users/${world.traineeA.id}/show`);
      await en.getByTestId('user-certificates').getByText('Valid', { exact: true }).waitFor();
      await pages.shot(en, 'user-qualifications-en', true);
      await en.goto(`${baseUrl}/cascade?organizationId=${world.clientA.id}`);
      await en.getByText('Hand-over curve').first().waitFor();
      await en.getByTestId('lineage-end_user').first().waitFor();
      await pages.shot(en, 'cascade-en', true);
      await en.goto(`${baseUrl}/qualification-tracks/${trackId}/edit`);
      await en.getByRole('textbox', { name: /^Checklist/ }).waitFor();
      await pages.shot(en, 'qualification-track-edit-en', true);
    });
    await english.context.close();

    // 6. Anyone holding the code, not signed in, sees the certificate as valid.
    const visitor = await harness.browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC' });
    const publicPage = await visitor.newPage();
    await pages.step(publicPage, 'verify', async () => {
      await publicPage.goto(`${baseUrl}/verify/${encodeURIComponent(code)}`);
      await publicPage.getByText('证书有效').waitFor();
      await publicPage.getByText('trainee-a', { exact: true }).waitFor();
      await pages.shot(publicPage, 'verify-valid-zh', true);
    });
    await visitor.close();
  });
});
