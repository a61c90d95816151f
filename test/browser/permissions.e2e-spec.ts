import {
  ConsoleHarness,
  ConsolePages,
  consolePages,
  minutesFromNow,
  startConsoleHarness,
  TEST_PASSWORD,
  World,
} from '@cascade/server/testing';
import { QUESTION_EXAMPLES } from '@cascade/server/questions';

jest.setTimeout(180_000);

/**
 * The console offers what the API's policy allows and nothing else: a key user who qualified
 * as an internal trainer, and is assigned an exam, finds their own exams but no bank, no exam
 * editor and no grading, in the menu or by typing the address.
 */
describe('console permissions in Chromium', () => {
  let harness: ConsoleHarness;
  let pages: ConsolePages;
  let world: World;
  let baseUrl: string;
  let examId: string;
  const email = `internal.${Date.now()}@example.test`;

  beforeAll(async () => {
    harness = await startConsoleHarness();
    pages = consolePages(harness, 'permissions');
    ({ world, baseUrl } = harness);
    const { api } = harness;
    const [admin, trainer] = await Promise.all([world.admin, world.trainerA].map((u) => api.login(u.email)));
    const user = await api
      .http()
      .post('/api/users')
      .set('authorization', admin)
      .send({
        organizationId: world.clientA.id,
        email,
        name: '内部讲师',
        roles: ['trainee'],
        isKeyUser: true,
        password: TEST_PASSWORD,
      });
    expect(user.status).toBe(201);
    // Qualified for purchasing: a trainer of the client for that process, from its qualification alone.
    const [track] = await api.dataSource.query(
      `INSERT INTO qualification_track (organization_id, title, business_processes, criteria)
       VALUES ($1, '采购讲师', ARRAY['采购 / 订单'], '[]'::jsonb) RETURNING id`,
      [world.clientA.id],
    );
    await api.dataSource.query(
      `INSERT INTO qualification (track_id, user_id, organization_id, status, qualified_at)
       VALUES ($1, $2, $3, 'qualified', now())`,
      [track.id, user.body.id, world.clientA.id],
    );
    const question = await api
      .http()
      .post('/api/questions')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        ...QUESTION_EXAMPLES.single_choice,
        status: 'active',
      });
    const exam = await api
      .http()
      .post('/api/exams')
      .set('authorization', trainer)
      .send({
        organizationId: world.clientA.id,
        title: '采购结业考试',
        kind: 'post_test',
        questionIds: [question.body.id],
        timeLimitMinutes: 30,
        opensAt: minutesFromNow(-5),
        closesAt: minutesFromNow(60),
        passPercent: 60,
        assignees: { userIds: [user.body.id] },
      });
    expect(exam.status).toBe(201);
    examId = exam.body.id;
  });
  afterAll(() => harness?.close());

  it('shows an internal trainer assigned an exam neither the bank, nor its editor, nor its grading', async () => {
    const { context, page } = await pages.desktop('en');
    try {
      await pages.login(page, email);
      const menu = page.getByRole('menuitem');
      await page.getByRole('menuitem', { name: 'My exams' }).waitFor();
      const items = await menu.allInnerTexts();
      for (const hidden of ['Question bank', 'Scenarios', 'Exams', 'Grading queue'])
        expect({ hidden, shown: items.some((item) => item.trim() === hidden) }).toEqual({ hidden, shown: false });
      await pages.shot(page, 'permissions-internal-trainer-menu');
      for (const path of ['/questions', '/questions/create', `/exams/${examId}`, `/exams/${examId}/edit`, '/grading']) {
        await pages.step(page, `denied-${path.replace(/\W+/g, '-')}`, async () => {
          await page.goto(`${baseUrl}${path}`);
          await page.getByText('Access denied').first().waitFor();
        });
      }
      await pages.shot(page, 'permissions-internal-trainer-denied');
      // Their own exam is there to sit.
      await page.goto(`${baseUrl}/my-exams`);
      await page.getByText('采购结业考试').first().waitFor();
    } finally {
      await context.close();
    }
  });
});
