import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueConnection } from './queue-connection';

/** One producer Queue per name, created on first use and closed at shutdown. */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly connection: QueueConnection) {}

  get(logicalName: string): Queue {
    const name = this.connection.physicalQueue(logicalName);
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.connection.createQueue(name);
      // Errors surface through the calls that fail; an unhandled 'error' event would crash the process.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queues.clear();
  }
}
