import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KeyCorrectionView, RegradeReport } from '@cascade/contracts';
import { CertificatesService } from '@cascade/server/certificates';
import { assertMay, currentActor, NotFoundError, recordAudit, visibleOrganizationIds } from '@cascade/server/core';
import { Question, QuestionsService, QuestionVersion } from '@cascade/server/questions';
import { isUUID } from 'class-validator';
import { JobHandlers, Outbox } from '@cascade/server/queue';
import { DataSource, In } from 'typeorm';
import { AttemptItem } from './attempt-item.entity';
import { Attempt } from './attempt.entity';
import { scoreAgainst, settleAttempt } from './attempt-scoring';
import { CorrectKeyDto } from './attempt.dto';
import { KeyCorrection } from './key-correction.entity';

/** Attempts in these states have objective answers graded that a corrected key can change. */
const GRADED_STATES = ['needs_review', 'finalized'] as const;

/**
 * Correcting a used version's key regrades every attempt that used it, on the queue,
 * and reports each score before and after.
 */
@Injectable()
export class KeyCorrectionsService implements OnModuleInit {
  constructor(
    private readonly questions: QuestionsService,
    private readonly outbox: Outbox,
    private readonly handlers: JobHandlers,
    private readonly certificates: CertificatesService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('question.regrade', ({ correctionId }) => this.regrade(correctionId));
  }

  /**
   * Refused (403 CONFLICT_OF_INTEREST) to whoever sits an exam that can draw the question: a
   * corrected key regrades that exam's attempts, their own among them.
   */
  async correct(questionId: string, input: CorrectKeyDto): Promise<KeyCorrectionView> {
    const correction = await this.dataSource.transaction(async (manager) => {
      // Checked on the locked row before anything about the version or the key is looked at.
      const target = isUUID(questionId)
        ? await manager.findOne(Question, { where: { id: questionId }, lock: { mode: 'pessimistic_write' } })
        : null;
      const visible = visibleOrganizationIds();
      if (!target || (visible && !visible.includes(target.organizationId))) throw new NotFoundError('Question');
      assertMay('correctKey', 'Question', {
        id: target.id,
        organizationId: target.organizationId,
        businessProcess: target.businessProcess,
        difficulty: target.difficulty,
      });
      const { question, version, oldKey } = await this.questions.correctKey(
        questionId,
        input.version,
        input.key,
        manager,
      );
      const saved = await manager.save(
        manager.create(KeyCorrection, {
          organizationId: question.organizationId,
          questionId: question.id,
          questionVersionId: version.id,
          version: version.version,
          oldKey,
          newKey: version.key,
          reason: input.reason.trim(),
          correctedBy: currentActor().userId,
        }),
      );
      await recordAudit(manager, {
        action: 'correctKey',
        entity: 'Question',
        entityId: question.id,
        organizationId: question.organizationId,
        before: { version: version.version, questionVersionId: version.id, key: oldKey },
        after: { version: version.version, questionVersionId: version.id, key: version.key, reason: saved.reason },
      });
      await this.outbox.enqueue(manager, 'question.regrade', { correctionId: saved.id });
      return saved;
    });
    return toView(correction);
  }

  /** The corrections of a question the reader may see, newest first. */
  async list(questionId: string): Promise<KeyCorrectionView[]> {
    await this.questions.get(questionId);
    const rows = await this.dataSource
      .getRepository(KeyCorrection)
      .find({ where: { questionId }, order: { correctedAt: 'DESC' } });
    return rows.map(toView);
  }

  /**
   * Regrades, in one transaction, every graded answer to the corrected version and settles
   * its attempt again. A correction is regraded once: a second run finds it done. Attempts
   * not yet graded need nothing: their grading reads the corrected key.
   */
  async regrade(correctionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const correction = await manager.findOne(KeyCorrection, {
        where: { id: correctionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!correction || correction.status === 'done') return;
      const version = await manager.findOneByOrFail(QuestionVersion, { id: correction.questionVersionId });
      const attempts = await manager
        .createQueryBuilder(Attempt, 'attempt')
        .where('attempt.status IN (:...states)', { states: GRADED_STATES })
        .andWhere(
          'attempt.id IN (SELECT attempt_id FROM attempt_item WHERE question_version_id = :versionId AND score IS NOT NULL)',
          { versionId: version.id },
        )
        .orderBy('attempt.id')
        .setLock('pessimistic_write')
        .getMany();
      const items = attempts.length
        ? await manager.find(AttemptItem, { where: { attemptId: In(attempts.map((a) => a.id)) } })
        : [];
      const report: RegradeReport = {
        questionId: correction.questionId,
        questionVersionId: version.id,
        attempts: [],
        regradedAt: new Date().toISOString(),
      };
      for (const attempt of attempts) {
        const before = { score: attempt.score, percent: attempt.percent, passed: attempt.passed };
        const own = items.filter((i) => i.attemptId === attempt.id);
        for (const item of own.filter((i) => i.questionVersionId === version.id && !i.needsReview)) {
          item.score = scoreAgainst(version, item);
          item.gradedAt = new Date();
          await manager.save(item);
        }
        if (attempt.status === 'finalized') {
          await settleAttempt(manager, attempt, own);
          await this.outbox.enqueue(manager, 'qualification.evaluate', { userId: attempt.userId });
          // A corrected key can turn a fail into a pass or a pass into a fail; the certificate follows.
          if (attempt.passed && !before.passed) await this.certificates.issueForAttempt(manager, attempt.id);
          if (!attempt.passed && before.passed)
            await this.certificates.revokeFor(manager, attempt.id, 'Regraded after an answer-key correction');
        }
        report.attempts.push({
          attemptId: attempt.id,
          userId: attempt.userId,
          scoreBefore: before.score,
          scoreAfter: attempt.score,
          percentBefore: before.percent,
          percentAfter: attempt.percent,
          passedBefore: before.passed,
          passedAfter: attempt.passed,
        });
      }
      Object.assign(correction, { status: 'done', report });
      await manager.save(correction);
    });
  }
}

function toView(correction: KeyCorrection): KeyCorrectionView {
  return {
    id: correction.id,
    questionId: correction.questionId,
    questionVersionId: correction.questionVersionId,
    version: correction.version,
    reason: correction.reason,
    correctedBy: correction.correctedBy,
    correctedAt: correction.correctedAt.toISOString(),
    status: correction.status,
    report: correction.report,
  };
}
