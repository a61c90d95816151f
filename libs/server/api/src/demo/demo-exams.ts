import { INestApplicationContext } from '@nestjs/common';
import { CriterionScore, QuestionVersionView } from '@cascade/contracts';
import { Actor, ActorResolver, RequestContext } from '@cascade/server/core';
import { Attempt, AttemptItem, ExamsService } from '@cascade/server/exams';
import { gradeResponse, QuestionsService, ScenariosService } from '@cascade/server/questions';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_ESSAY_ANSWERS, DEMO_QUESTIONS, DEMO_SCENARIOS, DemoScenarioKey } from './demo-questions';

const DAY = 86_400_000;
const MINUTE = 60_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Today at hh:mm Beijing time, shifted by whole days. */
function beijing(daysFromToday: number, hour: number, minute = 0): Date {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour - 8, minute) + daysFromToday * DAY,
  );
}

/**
 * Each demo trainee's ability on a logit scale, before the training and after it for those who
 * have taken the post-test already (the rest still have it to take).
 */
const ABILITY: { email: string; pre: number; post: number | null }[] = [
  { email: 'zhang.wei@huadong.demo', pre: 0.3, post: 2.2 },
  { email: 'liu.yang@huadong.demo', pre: 0.1, post: 1.9 },
  { email: 'sun.li@huadong.demo', pre: -0.8, post: 1.0 },
  { email: 'zhou.min@huadong.demo', pre: 0.6, post: 2.0 },
  { email: 'wu.gang@huadong.demo', pre: -0.5, post: 0.9 },
  { email: 'zheng.hua@huadong.demo', pre: -0.2, post: 1.4 },
  { email: 'huang.lei@huadong.demo', pre: -1.0, post: null },
  { email: 'xu.jing@huadong.demo', pre: 0, post: null },
  { email: 'ma.chao@huadong.demo', pre: -0.6, post: 0.6 },
  { email: 'zhu.ting@huadong.demo', pre: 0.2, post: 1.6 },
  { email: 'hu.bin@huadong.demo', pre: -1.4, post: null },
  { email: 'guo.xin@huadong.demo', pre: -0.4, post: null },
];

/** Where each labelled difficulty sits on the same scale: a trainee of ability 0 gets a difficulty-3 item right half the time. */
const DIFFICULTY_LOGIT: Record<number, number> = { 1: -1.6, 2: -0.8, 3: 0, 4: 0.8, 5: 1.6 };

type Outcome = 'right' | 'partial' | 'wrong';

/**
 * The demo client's question bank (scenarios for each business process of the demo plan, every
 * question type), a pre-test taken before the training and a post-test open now, both for the
 * plan's trainees, with graded attempts so results, item analysis and learning gain show data.
 */
export async function seedDemoExams(
  app: INestApplicationContext,
  ids: Record<string, string>,
  planId: string,
): Promise<void> {
  const actors = app.get(ActorResolver);
  const trainer = 'li.ming@cascade.demo';
  const asTrainer = async <T>(fn: () => Promise<T>): Promise<T> =>
    RequestContext.runAs((await actors.resolve(ids[trainer])) as Actor, fn);
  const scenarios = app.get(ScenariosService);
  const questions = app.get(QuestionsService);
  const exams = app.get(ExamsService);
  const dataSource = app.get(DataSource);

  const scenarioIds = new Map<DemoScenarioKey, string>();
  for (const { key, ...fields } of DEMO_SCENARIOS) {
    const businessProcess = DEMO_QUESTIONS.find((q) => q.scenario === key)?.businessProcess ?? null;
    const created = await asTrainer(() => scenarios.create({ organizationId: ids.client, businessProcess, ...fields }));
    scenarioIds.set(key, created.id);
  }
  const questionIds: string[] = [];
  for (const { scenario, ...question } of DEMO_QUESTIONS) {
    const created = await asTrainer(() =>
      questions.create({
        organizationId: ids.client,
        ...question,
        scenarioId: scenario ? scenarioIds.get(scenario)! : null,
        status: 'active',
      }),
    );
    questionIds.push(created.id);
  }

  const common = {
    organizationId: ids.client,
    planId,
    questionIds,
    timeLimitMinutes: 40,
    assignees: { planTrainees: true, sessionEnrollees: false, userIds: [] },
  };
  const pre = await asTrainer(() =>
    exams.create({
      ...common,
      title: '上线培训前测：核心业务流程',
      kind: 'pre_test',
      opensAt: beijing(-9, 9).toISOString(),
      closesAt: beijing(-8, 18).toISOString(),
      passPercent: 60,
      attemptsAllowed: 1,
      showResults: 'after_close',
    }),
  );
  const post = await asTrainer(() =>
    exams.create({
      ...common,
      title: '上线培训后测：核心业务流程',
      kind: 'post_test',
      opensAt: beijing(-1, 9).toISOString(),
      closesAt: beijing(7, 18).toISOString(),
      passPercent: 80,
      // A second sitting is left, so a demo trainee can take it live.
      attemptsAllowed: 2,
      showResults: 'immediately',
    }),
  );

  await RequestContext.runAsSystem(() =>
    dataSource.transaction(async (manager) => {
      const versions = await questions.freezeForAttempt(questionIds, manager);
      const sittings = [
        ...ABILITY.map((a, i) => ({
          exam: pre,
          email: a.email,
          ability: a.pre,
          startedAt: new Date(beijing(-9, 10).getTime() + i * 11 * MINUTE),
          finalizedAt: beijing(-8, 20),
        })),
        ...ABILITY.filter((a) => a.post !== null).map((a, i) => ({
          exam: post,
          email: a.email,
          ability: a.post!,
          startedAt: new Date(beijing(-1, 14).getTime() + i * 9 * MINUTE),
          finalizedAt: beijing(-1, 21),
        })),
      ];
      for (const sitting of sittings) {
        const attemptId = randomUUID();
        const startedAt = sitting.startedAt;
        const closesAt = new Date(sitting.exam.closesAt);
        const deadlineAt = new Date(Math.min(startedAt.getTime() + sitting.exam.timeLimitMinutes * MINUTE, +closesAt));
        const submittedAt = new Date(startedAt.getTime() + (18 + (hash(sitting.email) % 17)) * MINUTE);
        const items = versions.map((version, position) => {
          const question = DEMO_QUESTIONS[questionIds.indexOf(version.questionId)];
          // The same draw before and after: what a trainee knew stays known, so only the ability moves.
          const outcome = outcomeOf(sitting.ability, question.difficulty, `${sitting.email}|${position}`);
          const response = responseFor(version, outcome);
          const graded = grade(version, response, `${sitting.email}|${sitting.exam.kind}`);
          return {
            attemptId,
            questionId: version.questionId,
            position,
            questionVersionId: version.id,
            points: version.points,
            response,
            seq: 1,
            savedAt: new Date(startedAt.getTime() + (position + 1) * MINUTE),
            score: graded.score,
            needsReview: version.type === 'essay',
            comment: graded.comment,
            criteria: graded.criteria,
            // Objective items were graded by the queue at hand-in; the essay by the trainer that evening.
            gradedBy: version.type === 'essay' ? ids[trainer] : null,
            gradedAt: version.type === 'essay' ? sitting.finalizedAt : new Date(submittedAt.getTime() + 2000),
          };
        });
        const score = round2(items.reduce((s, i) => s + i.score, 0));
        const maxScore = round2(items.reduce((s, i) => s + i.points, 0));
        const percent = round2((score / maxScore) * 100);
        await manager.insert(Attempt, {
          id: attemptId,
          examId: sitting.exam.id,
          userId: ids[sitting.email],
          organizationId: ids.client,
          number: 1,
          status: 'finalized',
          startedAt,
          deadlineAt,
          submittedAt,
          score,
          maxScore,
          percent,
          passed: percent >= sitting.exam.passPercent,
          finalizedAt: sitting.finalizedAt,
        });
        // TypeORM's deep-partial type does not accept the unknown-typed jsonb response.
        await manager.insert(AttemptItem, items as never);
      }
    }),
  );
}

/** A stable number from text, so the demo comes out the same on every machine. */
function hash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** A Rasch model: right more often for abler trainees and easier questions; some misses earn partial credit. */
function outcomeOf(ability: number, difficulty: number, seed: string): Outcome {
  const chance = 1 / (1 + Math.exp(-2 * (ability - DIFFICULTY_LOGIT[difficulty])));
  const draw = hash(seed) / 2 ** 32;
  if (draw < chance) return 'right';
  return draw < chance + (1 - chance) * 0.35 ? 'partial' : 'wrong';
}

function responseFor(version: QuestionVersionView, outcome: Outcome): unknown {
  switch (version.type) {
    case 'single_choice':
      return outcome === 'right'
        ? version.key.correct
        : version.content.options.find((o) => o.id !== version.key.correct)!.id;
    case 'multiple_choice': {
      const wrong = version.content.options.find((o) => !version.key.correct.includes(o.id))!.id;
      if (outcome === 'right') return version.key.correct;
      return outcome === 'partial' ? [version.key.correct[0]] : [wrong];
    }
    case 'true_false':
      return outcome === 'right' ? version.key.correct : !version.key.correct;
    case 'fill_in':
      return version.key.accepted.map((accepted, blank) =>
        outcome === 'right' || (outcome === 'partial' && blank === 0) ? accepted[0] : '不确定',
      );
    case 'ordering': {
      const [first, second, ...rest] = version.key.order;
      return outcome === 'right' ? version.key.order : [second, first, ...rest];
    }
    case 'matching': {
      const rights = version.key.pairs.map((p) => p.right);
      return version.key.pairs.map((p, i) => ({
        left: p.left,
        right: outcome === 'right' ? p.right : rights[(i + 1) % rights.length],
      }));
    }
    case 'essay':
      return DEMO_ESSAY_ANSWERS[outcome === 'right' ? 'good' : outcome === 'partial' ? 'fair' : 'poor'];
  }
}

/** Objective answers through the real grading rules; an essay as the trainer marked it against the rubric. */
function grade(
  version: QuestionVersionView,
  response: unknown,
  seed: string,
): { score: number; comment: string | null; criteria: CriterionScore[] | null } {
  if (version.type !== 'essay') {
    const result = gradeResponse(version, response);
    return { score: result?.score ?? 0, comment: null, criteria: null };
  }
  const quality = response === DEMO_ESSAY_ANSWERS.good ? 0.9 : response === DEMO_ESSAY_ANSWERS.fair ? 0.55 : 0.15;
  const criteria = version.key.rubric.map((c, criterion) => {
    const share = Math.min(1, Math.max(0, quality + ((hash(`${seed}|${criterion}`) % 21) - 10) / 100));
    return { criterion, score: Math.round(c.points * share * 2) / 2 };
  });
  const score = criteria.reduce((s, c) => s + c.score, 0);
  const comment =
    quality > 0.8
      ? '流程完整，库位和退货处理到位。'
      : quality > 0.5
        ? '要点基本正确，缺少系统中的具体操作。'
        : '未区分部分收货与不合格品，请复习收货流程。';
  return { score, comment, criteria };
}
