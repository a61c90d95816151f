import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RequestContext } from '@cascade/server/core';

interface PeriodicTask {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

/** Domain modules register work that must happen on a clock (sweeps); worker processes run it. */
@Injectable()
export class PeriodicTasks {
  private readonly tasks: PeriodicTask[] = [];

  register(name: string, everyMs: number, run: () => Promise<unknown>): void {
    if (this.tasks.some((t) => t.name === name)) throw new Error(`Periodic task ${name} is registered twice`);
    this.tasks.push({ name, everyMs, run });
  }

  all(): readonly PeriodicTask[] {
    return this.tasks;
  }
}

/**
 * Runs every periodic task on its interval, one run of a task at a time. Each task must be
 * safe to run in several worker processes at once: the row updates it makes are its lock.
 */
@Injectable()
export class PeriodicRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PeriodicRunner.name);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly tasks: PeriodicTasks) {}

  onApplicationBootstrap(): void {
    for (const task of this.tasks.all()) this.schedule(task, 0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.timers.forEach((timer) => clearTimeout(timer));
    await Promise.allSettled([...this.running]);
  }

  private schedule(task: PeriodicTask, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      const run = RequestContext.runAsSystem(() => task.run())
        .catch((error: unknown) => this.logger.error(`${task.name} failed: ${(error as Error).message}`))
        .finally(() => {
          this.running.delete(run);
          this.schedule(task, task.everyMs);
        });
      this.running.add(run);
    }, delayMs);
    timer.unref();
    this.timers.set(task.name, timer);
  }
}
