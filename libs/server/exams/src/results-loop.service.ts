import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DepartmentDigestView,
  FollowUpListView,
  Locale,
  RecognitionPolicyView,
  ResultsReleaseView,
} from '@cascade/contracts';
import {
  assertMay,
  ConflictError,
  currentActor,
  ForbiddenError,
  recordAudit,
  UnprocessableError,
} from '@cascade/server/core';
import { OrganizationsService } from '@cascade/server/identity';
import { NotificationsService } from '@cascade/server/notifications';
import { JobHandlers, Outbox, PeriodicTasks } from '@cascade/server/queue';
import { DataSource, EntityManager } from 'typeorm';
import { RecognitionPolicyDto } from './attempt.dto';
import { Exam } from './exam.entity';
import { AssignedPerson, ExamResultsRepository, ResultsLoopRepository } from './exam-results.repository';
import { ExamsRepository } from './exams.repository';
import { reaches, resultsReach } from './results-reach';
import { RecognitionPolicy, ResultsRelease } from './results-loop.entities';

/** A client without its own policy: excellent from 90%, named; follow-ups to trainers and managers. */
export const DEFAULT_POLICY: Omit<RecognitionPolicyView, 'organizationId' | 'updatedAt'> = {
  excellentThreshold: 90,
  nameExcellent: true,
  nameMostImproved: true,
  followUpRecipients: ['trainers', 'department_managers'],
};
/** How many of the most improved a digest names. */
const MOST_IMPROVED_NAMED = 3;
export const RELEASE_SWEEP_EVERY_MS = 60_000;

interface DepartmentResults {
  digest: DepartmentDigestView;
  followUp: FollowUpListView;
}

const NO_DEPARTMENT: Record<Locale, string> = { 'zh-CN': '未分部门', en: 'No department' };

/**
 * The results loop: once an exam's results are final (its close, or a trainer's release),
 * every trainee hears their own result, each department's manager a digest that names the
 * excellent and the most improved and only counts everyone else, and the trainers and
 * managers (as the client's policy says) a private follow-up list of who failed or was absent.
 */
@Injectable()
export class ResultsLoopService implements OnModuleInit {
  constructor(
    private readonly exams: ExamsRepository,
    private readonly results: ExamResultsRepository,
    private readonly loop: ResultsLoopRepository,
    private readonly organizations: OrganizationsService,
    private readonly notifications: NotificationsService,
    private readonly outbox: Outbox,
    private readonly handlers: JobHandlers,
    private readonly periodic: PeriodicTasks,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('exam.release', ({ examId }, { jobId }) => this.sendReleased(examId, jobId));
    this.periodic.register('exam.release-closed', RELEASE_SWEEP_EVERY_MS, () => this.releaseClosed());
  }

  async policy(organizationId: string): Promise<RecognitionPolicyView> {
    const organization = await this.organizations.get(organizationId);
    return this.policyOf(organization.id);
  }

  /** Admins, and managers of that client. */
  async setPolicy(organizationId: string, input: RecognitionPolicyDto): Promise<RecognitionPolicyView> {
    const organization = await this.organizations.get(organizationId);
    assertMay('update', 'RecognitionPolicy', { organizationId: organization.id });
    if (organization.kind !== 'client') {
      throw new UnprocessableError('NOT_A_CLIENT', 'Recognition policies belong to client organizations', [
        { field: 'organizationId', message: 'must be a client organization' },
      ]);
    }
    await this.dataSource.getRepository(RecognitionPolicy).save({ organizationId: organization.id, ...input });
    return this.policyOf(organization.id);
  }

  /**
   * A trainer sends the results back before (or instead of) the close. Nothing may still wait
   * for grading; releasing again answers the release already made.
   */
  async release(examId: string): Promise<ResultsReleaseView> {
    const exam = await this.exams.findVisible(examId);
    assertMay('release', 'Exam', exam);
    const pending = await this.loop.awaitingGrading(exam.id);
    if (pending > 0) {
      throw new ConflictError('GRADING_PENDING', `${pending} attempt(s) are not graded yet`, { pending });
    }
    await this.startRelease(exam.id, 'trainer', currentActor().userId);
    return this.releaseView(exam.id);
  }

  /** Releases every exam whose windows have all closed and whose attempts are all final. */
  async releaseClosed(): Promise<number> {
    let released = 0;
    for (const examId of await this.loop.dueForRelease(100))
      if (await this.startRelease(examId, 'close', null)) released++;
    return released;
  }

  /** Records the release and queues its sending in one commit; false when it was released before. */
  private startRelease(examId: string, trigger: 'close' | 'trainer', by: string | null): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO results_release (exam_id, released_at, released_by, trigger) VALUES ($1, now(), $2, $3)
         ON CONFLICT DO NOTHING RETURNING exam_id`,
        [examId, by, trigger],
      );
      if (inserted.length) {
        await this.outbox.enqueue(manager, 'exam.release', { examId });
        await recordAudit(manager, {
          action: 'release',
          entity: 'Exam',
          entityId: examId,
          organizationId: await this.organizationOf(manager, examId),
          before: null,
          after: { trigger, releasedBy: by },
        });
      }
      return inserted.length > 0;
    });
  }

  private async organizationOf(manager: EntityManager, examId: string): Promise<string | null> {
    return (await manager.findOneBy(Exam, { id: examId }))?.organizationId ?? null;
  }

  async releaseView(examId: string): Promise<ResultsReleaseView> {
    const release = await this.dataSource.getRepository(ResultsRelease).findOneByOrFail({ examId });
    return {
      examId,
      releasedAt: release.releasedAt.toISOString(),
      releasedBy: release.releasedBy,
      trigger: release.trigger,
      trainees: release.trainees,
      departments: release.departments,
    };
  }

  async isReleased(examId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(ResultsRelease).countBy({ examId })) > 0;
  }

  /** Digests of the departments the reader may see: all for staff, their own for a manager. */
  async digests(examId: string): Promise<DepartmentDigestView[]> {
    const exam = await this.exams.findVisible(examId);
    const reach = resultsReach(exam);
    const computed = await this.compute(exam, 'zh-CN');
    return computed.filter((c) => reaches(reach, c.digest.departmentId)).map((c) => c.digest);
  }

  /** Private: trainers see every department's; managers their own, when the policy includes them. */
  async followUps(examId: string): Promise<FollowUpListView[]> {
    const exam = await this.exams.findVisible(examId);
    const reach = resultsReach(exam);
    const policy = await this.policyOf(exam.organizationId);
    if (!reach.all && !policy.followUpRecipients.includes('department_managers'))
      throw new ForbiddenError('Follow-up lists go only to the trainers and the department managers');
    const computed = await this.compute(exam, 'zh-CN');
    return computed.filter((c) => reaches(reach, c.digest.departmentId)).map((c) => c.followUp);
  }

  /** Sends what a release owes everyone; the job id keys every notification, so a retry sends nothing twice. */
  private async sendReleased(examId: string, jobId: string): Promise<void> {
    const exam = await this.dataSource.getRepository(Exam).findOneBy({ id: examId });
    if (!exam) return;
    const policy = await this.policyOf(exam.organizationId);
    const participants = await this.loop.participants(exam.id);
    // Trainees whose result was held until the close hear it now; an exam that never shows
    // results tells nobody their score, and one that showed it at once already told them.
    if (exam.showResults === 'after_close') {
      const final = [...participants.entries()].filter(([, p]) => p.percent !== null);
      const percentOf = new Map(final.map(([userId, p]) => [userId, p]));
      await this.notifications.notify(
        'exam.result_final',
        final.map(([userId]) => userId),
        { title: exam.title },
        {
          key: `${jobId}:result`,
          varsFor: (person) => ({
            percent: String(percentOf.get(person.id)!.percent),
            outcome: percentOf.get(person.id)!.passed ? 'passed' : 'failed',
          }),
          organizationId: exam.organizationId,
          data: { examId: exam.id },
        },
      );
    }
    const computed = await this.compute(exam, 'zh-CN');
    const departmentIds = computed.flatMap((c) => (c.digest.departmentId ? [c.digest.departmentId] : []));
    const managers = await this.loop.departmentManagers(departmentIds);
    const trainers = policy.followUpRecipients.includes('trainers') ? await this.loop.trainersOf(exam) : [];
    for (const { digest, followUp } of computed) {
      const own = managers.filter((m) => m.departmentId === digest.departmentId).map((m) => m.userId);
      const key = `${jobId}:${digest.departmentId ?? 'none'}`;
      await this.notifications.notify(
        'results.digest',
        own,
        { exam: exam.title },
        {
          key: `${key}:digest`,
          varsFor: (person) => digestLines(digest, person.locale),
          link: `/exams/${exam.id}/results`,
        },
      );
      if (followUp.failed.length + followUp.absent.length === 0) continue;
      const readers = [...trainers, ...(policy.followUpRecipients.includes('department_managers') ? own : [])];
      // Deliberately without the organization: a follow-up list never reaches a webhook.
      await this.notifications.notify(
        'results.follow_up',
        readers,
        { exam: exam.title },
        {
          key: `${key}:follow-up`,
          varsFor: (person) => followUpLines(followUp, person.locale),
          link: `/exams/${exam.id}/results`,
        },
      );
    }
    await this.dataSource.query(`UPDATE results_release SET trainees = $2, departments = $3 WHERE exam_id = $1`, [
      exam.id,
      participants.size,
      computed.length,
    ]);
  }

  /** Every department of the people assigned: its digest and its follow-up list. */
  private async compute(exam: Exam, locale: Locale): Promise<DepartmentResults[]> {
    const [people, participants, policy, gains] = await Promise.all([
      this.loop.assignedPeople(exam),
      this.loop.participants(exam.id),
      this.policyOf(exam.organizationId),
      this.gainsSincePreTest(exam),
    ]);
    const byDepartment = new Map<string | null, AssignedPerson[]>();
    for (const person of people)
      byDepartment.set(person.departmentId, [...(byDepartment.get(person.departmentId) ?? []), person]);
    return [...byDepartment.entries()].map(([departmentId, members]) => {
      const departmentName = members[0].departmentName ?? NO_DEPARTMENT[locale];
      const sat = members.filter((m) => participants.has(m.userId));
      const scored = sat.flatMap((m) => {
        const result = participants.get(m.userId)!;
        return result.percent === null ? [] : [{ ...m, percent: result.percent, passed: result.passed === true }];
      });
      const excellent = scored
        .filter((m) => m.percent >= policy.excellentThreshold)
        .sort((a, b) => b.percent - a.percent || a.name.localeCompare(b.name));
      const improved = policy.nameMostImproved
        ? scored
            .flatMap((m) => {
              const gain = gains.get(m.userId);
              return gain !== undefined && gain > 0 ? [{ userId: m.userId, name: m.name, gain }] : [];
            })
            .sort((a, b) => b.gain - a.gain || a.name.localeCompare(b.name))
            .slice(0, MOST_IMPROVED_NAMED)
        : [];
      const named = new Set([
        ...(policy.nameExcellent ? excellent.map((m) => m.userId) : []),
        ...improved.map((m) => m.userId),
      ]);
      const passed = scored.filter((m) => m.passed).length;
      return {
        digest: {
          examId: exam.id,
          examTitle: exam.title,
          departmentId,
          departmentName,
          assigned: members.length,
          participated: sat.length,
          passed,
          passRate: scored.length ? round1((passed / scored.length) * 100) : null,
          averagePercent: scored.length ? round1(scored.reduce((s, m) => s + m.percent, 0) / scored.length) : null,
          excellent: policy.nameExcellent
            ? excellent.map((m) => ({ userId: m.userId, name: m.name, percent: m.percent }))
            : [],
          excellentCount: excellent.length,
          mostImproved: improved,
          othersCount: sat.filter((m) => !named.has(m.userId) && !excellent.some((e) => e.userId === m.userId)).length,
        },
        followUp: {
          examId: exam.id,
          departmentId,
          departmentName,
          failed: scored.filter((m) => !m.passed).map((m) => ({ userId: m.userId, name: m.name, percent: m.percent })),
          absent: members.filter((m) => !participants.has(m.userId)).map((m) => ({ userId: m.userId, name: m.name })),
        },
      };
    });
  }

  /** For a post-test: each person's gain over their best pre-test of the same plan. */
  private async gainsSincePreTest(exam: Exam): Promise<Map<string, number>> {
    if (exam.kind !== 'post_test' || !exam.planId) return new Map();
    const preTest = (await this.results.assessmentsOfPlan(exam.planId)).find((a) => a.kind === 'pre_test');
    if (!preTest) return new Map();
    const [pre, post] = await Promise.all([
      this.results.bestFinalized(preTest.id),
      this.results.bestFinalized(exam.id),
    ]);
    const before = new Map(pre.map((p) => [p.userId, p.percent]));
    return new Map(
      post.flatMap((p) => (before.has(p.userId) ? [[p.userId, round1(p.percent - before.get(p.userId)!)]] : [])),
    );
  }

  private async policyOf(organizationId: string): Promise<RecognitionPolicyView> {
    const stored = await this.dataSource.getRepository(RecognitionPolicy).findOneBy({ organizationId });
    return stored
      ? {
          organizationId,
          excellentThreshold: stored.excellentThreshold,
          nameExcellent: stored.nameExcellent,
          nameMostImproved: stored.nameMostImproved,
          followUpRecipients: stored.followUpRecipients,
          updatedAt: stored.updatedAt.toISOString(),
        }
      : { organizationId, ...DEFAULT_POLICY, updatedAt: null };
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function digestLines(digest: DepartmentDigestView, locale: Locale): Record<string, string> {
  const zh = locale === 'zh-CN';
  const list = (names: string[]) => names.join(zh ? '、' : ', ');
  const pct = (n: number | null) => (n === null ? '—' : `${n}%`);
  const excellent = digest.excellent.length
    ? zh
      ? `表现优秀：${list(digest.excellent.map((e) => `${e.name}（${e.percent}%）`))}。`
      : `Excellent: ${list(digest.excellent.map((e) => `${e.name} (${e.percent}%)`))}. `
    : digest.excellentCount
      ? zh
        ? `表现优秀 ${digest.excellentCount} 人。`
        : `Excellent: ${digest.excellentCount}. `
      : '';
  const improved = digest.mostImproved.length
    ? zh
      ? `进步最大：${list(digest.mostImproved.map((m) => `${m.name}（+${m.gain}）`))}。`
      : `Most improved: ${list(digest.mostImproved.map((m) => `${m.name} (+${m.gain})`))}. `
    : '';
  return {
    department: digest.departmentName === NO_DEPARTMENT['zh-CN'] ? NO_DEPARTMENT[locale] : digest.departmentName,
    participation: `${digest.participated}/${digest.assigned}`,
    passRate: pct(digest.passRate),
    average: pct(digest.averagePercent),
    excellent,
    improved,
    others: String(digest.othersCount),
  };
}

function followUpLines(list: FollowUpListView, locale: Locale): Record<string, string> {
  const zh = locale === 'zh-CN';
  const none = zh ? '无' : 'none';
  const join = (names: string[]) => (names.length ? names.join(zh ? '、' : ', ') : none);
  return {
    department: list.departmentName === NO_DEPARTMENT['zh-CN'] ? NO_DEPARTMENT[locale] : list.departmentName,
    failed: join(list.failed.map((f) => `${f.name} (${f.percent}%)`)),
    absent: join(list.absent.map((a) => a.name)),
  };
}
