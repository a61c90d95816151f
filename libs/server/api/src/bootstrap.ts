import fastifyCookie from '@fastify/cookie';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@cascade/server/config';
import { runMigrations } from '@cascade/server/database';
import { Infrastructure, prepareInfrastructure } from '@cascade/server/runtime';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { seedDemoData } from './demo/seed';
import { registerSecurityHeaders } from './security-headers';

/** Above Node's own limit on a request head (16 KiB), so no parameter is ever refused by its length. */
const URL_PARAM_LIMIT = 16 * 1024;

/** Believes X-Forwarded-For from the nearest `hops` proxies, whatever their addresses. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export interface RunningApi {
  app: NestFastifyApplication;
  infrastructure: Infrastructure;
  close(): Promise<void>;
}

/** Builds the api (and, in embedded mode, the worker in the same process), migrated and seeded. */
export async function createApi(config: AppConfig, options: { seed?: boolean } = {}): Promise<RunningApi> {
  const infrastructure = await prepareInfrastructure(config);
  try {
    const adapter = new FastifyAdapter({
      bodyLimit: 1024 * 1024,
      requestIdHeader: 'x-request-id',
      genReqId: () => randomUUID(),
      // Behind a reverse proxy the client's address comes from X-Forwarded-For, believed only from the proxies named.
      trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
      // Fastify answers a longer path parameter with its own 414 before any route runs; a
      // verification code (or id) of any length the URL can carry must reach the route and
      // get the same problem+json 404 as a short unknown one.
      routerOptions: { maxParamLength: URL_PARAM_LIMIT },
    });
    const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, infrastructure), adapter, {
      bufferLogs: true,
    });
    app.useLogger(app.get(Logger));
    // Carries the refresh token (see http/refresh-cookie.ts); nothing else uses cookies.
    await app.register(fastifyCookie);
    await registerSecurityHeaders(app, config);
    app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
    if (config.apiDocs) {
      SwaggerModule.setup(
        'api/docs',
        app,
        SwaggerModule.createDocument(
          app,
          new DocumentBuilder().setTitle('Cascade API').setVersion('1').addBearerAuth().build(),
        ),
        { jsonDocumentUrl: 'api/docs-json' },
      );
    }
    if (existsSync(config.consoleDir)) {
      app.useStaticAssets({ root: config.consoleDir, prefix: '/', wildcard: false, index: ['index.html'] });
    }
    const dataSource = app.get(DataSource);
    const logger = app.get(Logger);
    const applied = await runMigrations(dataSource, { lock: !infrastructure.embedded });
    if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`, 'Database');
    if (options.seed ?? config.seedDemo) {
      const seeded = await seedDemoData(app);
      if (seeded) logger.log('Demo data created (see README for the logins)', 'Seed');
    }
    logger.log(`Cascade starting — ${infrastructure.description}`, 'Bootstrap');
    return {
      app,
      infrastructure,
      async close() {
        await app.close();
        await infrastructure.stop();
      },
    };
  } catch (error) {
    await infrastructure.stop();
    throw error;
  }
}
