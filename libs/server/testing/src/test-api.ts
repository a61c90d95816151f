import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApi, RunningApi } from '@cascade/server/api';
import { AppConfig, loadConfig } from '@cascade/server/config';
import { OutboxRelay } from '@cascade/server/queue';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response as SuperagentResponse } from 'superagent';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestDatabase, TEST_REDIS_URL, TestDatabase, uniqueName } from './test-database';

export interface TestApi {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  http(): ReturnType<typeof request>;
  /** Logs in and returns an `authorization` header value. */
  login(email: string, password?: string): Promise<string>;
  /** Dispatches every pending outbox row now instead of waiting for the relay's timer. */
  relay(): Promise<number>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'test-password-1';

/**
 * The real api with an in-process worker, on its own database (real PostgreSQL) and its
 * own queue namespace (real Redis), so test files run side by side without sharing state.
 */
export async function startTestApi(
  env: Record<string, string> = {},
  options: { database?: TestDatabase } = {},
): Promise<TestApi> {
  // A second instance on the same database plays another replica, or the same one after a restart.
  const ownsDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: uniqueName('q'),
    PROCESS_ROLE: 'all',
    RELAY_INTERVAL_MS: '100',
    OUTBOX_REDELIVER_AFTER_MS: '2000',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cascade-test-')),
    JWT_SECRET: 'test-secret-test-secret-test-secret-42',
    CONSOLE_DIR: join(tmpdir(), 'cascade-no-console'),
    ...env,
  });
  let api: RunningApi;
  try {
    api = await createApi(config);
    await api.app.init();
    await api.app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    if (ownsDatabase) await database.drop();
    throw error;
  }
  const http = () => request(api.app.getHttpServer());
  return {
    app: api.app,
    config,
    database,
    dataSource: api.app.get(DataSource),
    http,
    async login(email, password = TEST_PASSWORD) {
      const response = await http().post('/api/auth/login').send({ email, password });
      if (response.status !== 200)
        throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return `Bearer ${response.body.accessToken}`;
    },
    relay: () => api.app.get(OutboxRelay).relayOnce(),
    async close() {
      await api.close();
      if (ownsDatabase) await database.drop();
    },
  };
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** A supertest parser that keeps a binary body (PDF, XLSX) as one Buffer. */
export function binaryBody(response: SuperagentResponse, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
