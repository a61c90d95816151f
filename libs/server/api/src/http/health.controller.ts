import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '@cascade/server/core';
import { QUEUES } from '@cascade/contracts';
import { QueueConnection, QueueRegistry } from '@cascade/server/queue';
import { DataSource } from 'typeorm';

type Status = 'up' | 'down';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: QueueConnection,
    private readonly queues: QueueRegistry,
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) reply: { status(code: number): void }) {
    const [database, queue] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      // Through the queue's own connection: the embedded queue database takes one connection only.
      probe(() => this.queues.get(QUEUES.notifications).getJobCounts('waiting')),
    ]);
    const ok = database === 'up' && queue === 'up';
    reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database, queue: { status: queue, backend: this.queue.settings.kind } };
  }
}

async function probe(check: () => Promise<unknown>): Promise<Status> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000))]);
    return 'up';
  } catch {
    return 'down';
  }
}
