import { Injectable, OnModuleInit } from '@nestjs/common';
import { PeriodicTasks } from '@cascade/server/queue';
import { AttemptsService } from './attempts.service';

/** How often overdue attempts are handed in: the bound is a minute, this halves it. */
export const ATTEMPT_SWEEP_EVERY_MS = 30_000;

@Injectable()
export class AttemptSweep implements OnModuleInit {
  constructor(
    private readonly tasks: PeriodicTasks,
    private readonly attempts: AttemptsService,
  ) {}

  onModuleInit(): void {
    this.tasks.register('attempt.sweep', ATTEMPT_SWEEP_EVERY_MS, () => this.attempts.submitOverdue());
  }
}
