import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@cascade/contracts';

export interface JobContext {
  /** The outbox row id, stable across retries and re-deliveries. */
  jobId: string;
  attemptsMade: number;
}

export type JobHandler<J extends JobName> = (payload: JobPayloads[J], context: JobContext) => Promise<void>;

/** Domain modules register what each job does; the worker runtime only dispatches. */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<string, JobHandler<JobName>>();

  register<J extends JobName>(jobName: J, handler: JobHandler<J>): void {
    if (this.handlers.has(jobName)) throw new Error(`Job ${jobName} has two handlers`);
    this.handlers.set(jobName, handler as JobHandler<JobName>);
  }

  get(jobName: string): JobHandler<JobName> | undefined {
    return this.handlers.get(jobName);
  }
}
