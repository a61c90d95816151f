import { Injectable } from '@nestjs/common';
import { LearningGainView } from '@cascade/contracts';
import { PlansService } from '@cascade/server/plans';
import { NotFoundError } from '@cascade/server/core';
import { BestAttemptRow, ExamResultsRepository, PlanAssessment } from './exam-results.repository';
import { reaches, ResultsReach, resultsReach } from './results-reach';

function reachOrNull(exam: PlanAssessment | null): ResultsReach | null {
  if (!exam) return null;
  try {
    return resultsReach(exam);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * What a plan's training added: each trainee's best finalised post-test against their best
 * finalised pre-test, overall and per business process.
 */
@Injectable()
export class LearningGainService {
  constructor(
    private readonly plans: PlansService,
    private readonly results: ExamResultsRepository,
  ) {}

  async learningGain(planId: string): Promise<LearningGainView> {
    const plan = await this.plans.findVisible(planId);
    const linked = await this.results.assessmentsOfPlan(plan.id);
    // The first pre-test is the baseline; the last post-test is the outcome (earlier ones were rehearsals).
    const preTest = linked.find((e) => e.kind === 'pre_test') ?? null;
    const postTest = linked.filter((e) => e.kind === 'post_test').at(-1) ?? null;
    const preTestId = preTest?.id ?? null;
    const postTestId = postTest?.id ?? null;
    // Named rows follow who may read each exam's results: a manager sees their departments'
    // people, the averages cover everyone. Someone who may read neither exam's results (a
    // candidate, a trainer of another session) finds no learning gain here.
    const preReach = reachOrNull(preTest);
    const postReach = reachOrNull(postTest);
    if ((preTest || postTest) && !preReach && !postReach) throw new NotFoundError('TrainingPlan');
    const [pre, post] = await Promise.all([
      preTestId ? this.results.bestFinalized(preTestId) : Promise.resolve([]),
      postTestId ? this.results.bestFinalized(postTestId) : Promise.resolve([]),
    ]);
    const preOf = new Map(pre.map((a) => [a.userId, a]));
    const postOf = new Map(post.map((a) => [a.userId, a]));
    const names = new Map([...pre, ...post].map((a) => [a.userId, a.userName]));
    const all = [...names.entries()]
      .sort(([idA, a], [idB, b]) => a.localeCompare(b, 'zh-CN') || idA.localeCompare(idB))
      .map(([userId, userName]) => {
        const prePercent = preOf.get(userId)?.percent ?? null;
        const postPercent = postOf.get(userId)?.percent ?? null;
        const both = prePercent !== null && postPercent !== null;
        return {
          userId,
          userName,
          prePercent,
          postPercent,
          gain: both ? round2(postPercent - prePercent) : null,
          // Hake's normalised gain: the share of what there was left to learn; undefined from a full pre-test.
          normalizedGain: both && prePercent < 100 ? round3((postPercent - prePercent) / (100 - prePercent)) : null,
        };
      });
    const paired = all.filter((t) => t.gain !== null);
    const named = (row: BestAttemptRow | undefined, reach: ResultsReach | null) =>
      row !== undefined && reach !== null && reaches(reach, row.departmentId);
    const trainees = all
      .map((t) => {
        const showPre = named(preOf.get(t.userId), preReach);
        const showPost = named(postOf.get(t.userId), postReach);
        if (!showPre && !showPost) return null;
        if (showPre && showPost) return t;
        return {
          ...t,
          prePercent: showPre ? t.prePercent : null,
          postPercent: showPost ? t.postPercent : null,
          gain: null,
          normalizedGain: null,
        };
      })
      .filter((t) => t !== null);
    return {
      planId: plan.id,
      preTestId,
      postTestId,
      trainees,
      processes: await this.byProcess(
        paired.map((t) => preOf.get(t.userId)!),
        paired.map((t) => postOf.get(t.userId)!),
      ),
      averageGain: paired.length ? round2(paired.reduce((s, t) => s + t.gain!, 0) / paired.length) : null,
    };
  }

  /** Percent of the points available in each business process, pooled over the trainees who sat both. */
  private async byProcess(pre: BestAttemptRow[], post: BestAttemptRow[]): Promise<LearningGainView['processes']> {
    const [preRows, postRows] = await Promise.all([
      this.results.processScores(pre.map((a) => a.attemptId)),
      this.results.processScores(post.map((a) => a.attemptId)),
    ]);
    const pool = (rows: typeof preRows) => {
      const totals = new Map<string, { score: number; points: number }>();
      for (const r of rows) {
        const t = totals.get(r.businessProcess) ?? { score: 0, points: 0 };
        totals.set(r.businessProcess, { score: t.score + r.score, points: t.points + r.points });
      }
      return new Map(
        [...totals].map(([process, t]) => [process, t.points > 0 ? round2((t.score / t.points) * 100) : null]),
      );
    };
    const prePercents = pool(preRows);
    const postPercents = pool(postRows);
    return [...new Set([...prePercents.keys(), ...postPercents.keys()])]
      .sort((a, b) => a.localeCompare(b, 'zh-CN'))
      .map((businessProcess) => {
        const prePercent = prePercents.get(businessProcess) ?? null;
        const postPercent = postPercents.get(businessProcess) ?? null;
        return {
          businessProcess,
          prePercent,
          postPercent,
          gain: prePercent !== null && postPercent !== null ? round2(postPercent - prePercent) : null,
        };
      });
  }
}
