import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@cascade/server/config';
import { CascadeCoreModule, prepareInfrastructure } from '@cascade/server/runtime';
import { Logger } from 'nestjs-pino';

/** The queue worker: an application context with no HTTP server. Scale by running more. */
async function main(): Promise<void> {
  let config;
  try {
    config = { ...loadConfig(), processRole: 'worker' as const };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.database.mode === 'embedded') {
    console.error('The worker needs DATABASE_URL: the embedded database runs the worker inside the api process.');
    process.exit(1);
  }
  const infrastructure = await prepareInfrastructure(config);
  @Module({ imports: [CascadeCoreModule.forRoot(config, infrastructure, { runsWorker: true })] })
  class WorkerModule {}
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  app.get(Logger).log(`Cascade worker running — ${infrastructure.description}`, 'Bootstrap');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app
        .close()
        .then(() => infrastructure.stop())
        .finally(() => process.exit(0));
    });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
