import { Injectable } from '@nestjs/common';
import { CertificatesService } from '@cascade/server/certificates';
import { Outbox } from '@cascade/server/queue';
import { EntityManager } from 'typeorm';
import { AttemptItem } from './attempt-item.entity';
import { Attempt } from './attempt.entity';
import { settleAttempt } from './attempt-scoring';

/**
 * What follows an attempt's grading, wherever it was graded (the queue or a trainer): its
 * totals, and once final, in the same commit, its certificate, the trainee's result and the
 * re-evaluation of their qualifications.
 */
@Injectable()
export class AttemptSettlement {
  constructor(
    private readonly outbox: Outbox,
    private readonly certificates: CertificatesService,
  ) {}

  /** Returns whether the attempt is final now. The caller holds the attempt's row lock. */
  async settle(manager: EntityManager, attempt: Attempt, items: AttemptItem[]): Promise<boolean> {
    if (!(await settleAttempt(manager, attempt, items))) return false;
    await this.certificates.issueForAttempt(manager, attempt.id);
    await this.outbox.enqueue(manager, 'attempt.result', { attemptId: attempt.id });
    await this.outbox.enqueue(manager, 'qualification.evaluate', { userId: attempt.userId });
    return true;
  }
}
