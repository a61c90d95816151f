import { Injectable } from '@nestjs/common';
import { AttemptStatus, ExamResultRow, ExamResultsView, ItemAnalysisRow, ItemAnalysisView } from '@cascade/contracts';
import { assertMay } from '@cascade/server/core';
import ExcelJS from 'exceljs';
import { ExamResultsRepository, ResultAttemptRow } from './exam-results.repository';
import { ExamsRepository } from './exams.repository';
import { reaches, resultsReach } from './results-reach';
import {
  difficultyFlag,
  expectedFacility,
  itemStatistics,
  reliability,
  ScoredAttempt,
  scoreDistribution,
} from './item-statistics';

const round2 = (n: number) => Math.round(n * 100) / 100;
const round3 = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

const STATUS_LABEL: Record<AttemptStatus, string> = {
  in_progress: '作答中 in progress',
  submitted: '已交卷 submitted',
  graded: '已评分 graded',
  needs_review: '待阅卷 needs review',
  finalized: '已完成 finalized',
};

/** Results of one exam for trainers and managers, as a table, a spreadsheet and an item analysis. */
@Injectable()
export class ExamResultsService {
  constructor(
    private readonly exams: ExamsRepository,
    private readonly store: ExamResultsRepository,
  ) {}

  async results(examId: string): Promise<ExamResultsView> {
    const exam = await this.exams.findVisible(examId);
    const reach = resultsReach(exam);
    const [attempts, assigned] = await Promise.all([this.store.attemptsOf(exam.id), this.store.assignedCount(exam)]);
    const byPerson = new Map<string, ResultAttemptRow[]>();
    for (const a of attempts) byPerson.set(a.userId, [...(byPerson.get(a.userId) ?? []), a]);
    const people = [...byPerson.values()].map((own) => {
      const best = bestFinalized(own);
      // The best finalised attempt leads; the others follow in the order they were taken.
      const rest = own.filter((a) => a !== best).sort((a, b) => a.number - b.number);
      return { best, attempts: best ? [best, ...rest] : rest };
    });
    // By name, not by score: this table is read in front of people, and ranks nobody.
    people.sort(
      (a, b) =>
        a.attempts[0].userName.localeCompare(b.attempts[0].userName, 'zh-CN') ||
        a.attempts[0].userId.localeCompare(b.attempts[0].userId),
    );
    const bests = people.flatMap((p) => (p.best ? [p.best] : []));
    return {
      examId: exam.id,
      title: exam.title,
      passPercent: exam.passPercent,
      assigned,
      attempted: people.length,
      finalized: bests.length,
      passed: people.filter((p) => p.attempts.some((a) => a.status === 'finalized' && a.passed)).length,
      averagePercent: bests.length ? round2(bests.reduce((s, a) => s + (a.percent ?? 0), 0) / bests.length) : null,
      // The counts above cover everyone; names only the people the reader may see.
      rows: people.filter((p) => reaches(reach, p.attempts[0].departmentId)).flatMap((p) => p.attempts.map(toRow)),
    };
  }

  async resultsXlsx(examId: string): Promise<{ buffer: Buffer; filename: string }> {
    const view = await this.results(examId);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('成绩 Results', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [
      { header: '姓名 Name', width: 14 },
      { header: '账号 Username', width: 28 },
      { header: '部门 Department', width: 14 },
      { header: '第几次 Attempt', width: 10 },
      { header: '状态 Status', width: 20 },
      { header: '得分 Score', width: 10 },
      { header: '满分 Max score', width: 10 },
      { header: '得分率(%) Percent', width: 12 },
      { header: '是否通过 Passed', width: 12 },
      { header: '开始时间(UTC) Started (UTC)', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
      { header: '交卷时间(UTC) Submitted (UTC)', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
      { header: '用时(分钟) Time taken (min)', width: 14 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const row of view.rows) {
      sheet.addRow([
        row.userName,
        row.username,
        row.department ?? '',
        row.number,
        STATUS_LABEL[row.status],
        row.score,
        row.maxScore,
        row.percent,
        row.passed === null ? '' : row.passed ? '通过 passed' : '未通过 failed',
        new Date(row.startedAt),
        row.submittedAt ? new Date(row.submittedAt) : null,
        row.timeTakenSeconds === null ? null : round2(row.timeTakenSeconds / 60),
      ]);
    }
    const summary = workbook.addWorksheet('概况 Summary');
    summary.columns = [{ width: 28 }, { width: 40 }];
    summary.addRows([
      ['考试 Exam', view.title],
      ['及格线(%) Pass mark', view.passPercent],
      ['应考人数 Assigned', view.assigned],
      ['参考人数 Attempted', view.attempted],
      ['完成人数 Finalised', view.finalized],
      ['通过人数 Passed', view.passed],
      ['平均得分率(%) Average percent', view.averagePercent],
    ]);
    summary.getColumn(1).font = { bold: true };
    const name = view.title.replace(/[\\/:*?"<>|]/g, '_');
    return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), filename: `${name} 成绩 results.xlsx` };
  }

  async itemAnalysis(examId: string): Promise<ItemAnalysisView> {
    const exam = await this.exams.findVisible(examId);
    // It quotes every question with how each was answered, so it stays with whoever reads the
    // whole exam's results: its trainers, not a manager (whose reach is their departments) and
    // never a candidate.
    assertMay('readResults', 'Exam', {
      id: exam.id,
      organizationId: exam.organizationId,
      sessionId: exam.sessionId,
      planId: exam.planId,
    });
    const answers = await this.store.finalizedItems(exam.id);
    const byAttempt = new Map<string, ScoredAttempt & { items: Map<string, { score: number; points: number }> }>();
    for (const a of answers) {
      const attempt = byAttempt.get(a.attemptId) ?? { id: a.attemptId, percent: a.percent, items: new Map() };
      attempt.items.set(a.questionId, { score: a.score, points: a.points });
      byAttempt.set(a.attemptId, attempt);
    }
    const attempts = [...byAttempt.values()];
    // A fixed list shows every question, answered or not; a blueprint shows the ones drawn.
    const questionIds = [...new Set([...(exam.questionIds ?? []), ...answers.map((a) => a.questionId)])];
    const labels = new Map((await this.store.questionLabels(questionIds)).map((q) => [q.questionId, q]));
    const listed = new Map((exam.questionIds ?? []).map((id, i) => [id, i]));
    const items: ItemAnalysisRow[] = questionIds
      .filter((id) => labels.has(id))
      .map((id) => {
        const label = labels.get(id)!;
        const stats = itemStatistics(attempts, id);
        return {
          questionId: id,
          stem: label.stem,
          type: label.type,
          businessProcess: label.businessProcess,
          difficulty: label.difficulty,
          responses: stats.responses,
          facility: round3(stats.facility),
          discrimination: round3(stats.discrimination),
          expectedFacility: expectedFacility(label.difficulty),
          flag: difficultyFlag(stats.facility, label.difficulty, stats.responses),
        };
      })
      .sort(
        (a, b) =>
          (listed.get(a.questionId) ?? Infinity) - (listed.get(b.questionId) ?? Infinity) ||
          a.businessProcess.localeCompare(b.businessProcess, 'zh-CN') ||
          a.difficulty - b.difficulty ||
          a.questionId.localeCompare(b.questionId),
      );
    const percents = attempts.map((a) => a.percent);
    const consistency = reliability(attempts);
    return {
      examId: exam.id,
      attempts: attempts.length,
      meanPercent: percents.length ? round2(percents.reduce((s, p) => s + p, 0) / percents.length) : null,
      reliability: { method: consistency.method, value: round3(consistency.value) },
      distribution: scoreDistribution(percents),
      items,
    };
  }
}

/** The finalised attempt with the highest percent, the earlier one on a tie. */
function bestFinalized(attempts: ResultAttemptRow[]): ResultAttemptRow | undefined {
  return attempts
    .filter((a) => a.status === 'finalized')
    .sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0) || a.number - b.number)[0];
}

function toRow(a: ResultAttemptRow): ExamResultRow {
  // An attempt handed in by the deadline sweep counts up to its deadline, not to when the sweep ran.
  const handedIn = a.submittedAt && (a.submittedAt > a.deadlineAt ? a.deadlineAt : a.submittedAt);
  return {
    attemptId: a.attemptId,
    userId: a.userId,
    userName: a.userName,
    username: a.username,
    department: a.department,
    number: a.number,
    status: a.status,
    score: a.status === 'finalized' ? a.score : null,
    maxScore: a.status === 'finalized' ? a.maxScore : null,
    percent: a.status === 'finalized' ? a.percent : null,
    passed: a.status === 'finalized' ? a.passed : null,
    startedAt: a.startedAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    timeTakenSeconds: handedIn ? Math.max(0, Math.round((handedIn.getTime() - a.startedAt.getTime()) / 1000)) : null,
  };
}
