import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

const url = (schemes: string[]) =>
  z.url().refine((value) => schemes.some((s) => value.startsWith(`${s}://`)), {
    message: `must start with ${schemes.map((s) => `${s}://`).join(' or ')}`,
  });

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: url(['http', 'https']).optional(),
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATA_DIR: z.string().min(1).default('data'),
  CONSOLE_DIR: z.string().min(1).default('dist/console'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Which parts this process runs: the HTTP api, the queue worker, or both. */
  PROCESS_ROLE: z.enum(['api', 'worker', 'all']).optional(),
  /** Namespace of queue keys, so several installations can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only')
    .default('cascade'),
  RELAY_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  /** How long a handed-over job may stay unfinished before the relay hands it over again. */
  OUTBOX_REDELIVER_AFTER_MS: z.coerce.number().int().min(1000).max(86_400_000).default(120_000),
  /** How long a job stays claimed by a worker that stopped renewing its claim (one killed) before another takes it over. */
  QUEUE_JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  SEED_DEMO: booleanFlag.default(true),
  /** `smtp://user:pass@host:587` or `smtps://…:465`. Unset: no email is sent (inbox and webhooks still are). */
  SMTP_URL: url(['smtp', 'smtps']).optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Cascade <no-reply@cascade.invalid>'),
  /** Lets webhooks reach loopback, private and link-local addresses (tests, closed networks). */
  WEBHOOKS_ALLOW_PRIVATE: booleanFlag.default(false),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Attempts per webhook delivery; the queue retries a job at most 8 times. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(8).default(8),
  /** Deliveries in a row that exhaust their attempts before a webhook is disabled. */
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(1000).default(5),
  /** Serves the OpenAPI document and its UI (`/api/docs`, `/api/docs-json`); unset: on outside production. */
  API_DOCS: booleanFlag.optional(),
  /**
   * Wrong passwords from one address, across accounts, per 15 minutes before it waits. A venue's
   * Wi-Fi puts a whole room behind one address, so this stays well above a room's typos.
   */
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(10).max(1_000_000).default(1000),
  /**
   * The reverse proxies in front of the api, whose X-Forwarded-For is believed: a hop count
   * (`1`) or a comma-separated list of addresses and CIDR ranges (`10.0.0.0/8,127.0.0.1`).
   * Unset: none, each request's address is the connection's.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .refine((value) => /^\d{1,2}$/.test(value) || value.split(',').every((part) => isAddressOrRange(part.trim())), {
      message: 'must be a hop count or a comma-separated list of addresses and CIDR ranges',
    })
    .optional(),
});

function isAddressOrRange(value: string): boolean {
  try {
    if (value.includes('/')) ipaddr.parseCIDR(value);
    else ipaddr.parse(value);
    return true;
  } catch {
    return false;
  }
}

export type DatabaseMode = 'external' | 'embedded';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  consoleDir: string;
  logLevel: string;
  database: { mode: DatabaseMode; url: string | null };
  queue: { mode: 'redis' | 'postgres'; redisUrl: string | null; prefix: string; jobLockMs: number };
  jwtSecret: string;
  processRole: 'api' | 'worker' | 'all';
  relayIntervalMs: number;
  redeliverAfterMs: number;
  seedDemo: boolean;
  mail: { smtpUrl: string | null; from: string };
  webhooks: { allowPrivate: boolean; timeoutMs: number; maxAttempts: number; disableAfter: number };
  apiDocs: boolean;
  loginFailuresPerAddress: number;
  /** Fastify's `trustProxy`: false, a hop count, or the proxies' addresses and ranges. */
  trustProxy: false | number | string[];
}

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment once. Empty strings count as unset so that
 * `DATABASE_URL=` in a shell or compose file means "use the embedded default".
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in environmentSchema.shape && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  const e = parsed.data;
  const dataDir = isAbsolute(e.DATA_DIR) ? e.DATA_DIR : resolve(cwd, e.DATA_DIR);
  if (!e.JWT_SECRET && e.NODE_ENV === 'production') {
    throw new ConfigError([{ variable: 'JWT_SECRET', message: 'is required in production' }]);
  }
  const embeddedDatabase = !e.DATABASE_URL;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir,
    consoleDir: isAbsolute(e.CONSOLE_DIR) ? e.CONSOLE_DIR : resolve(cwd, e.CONSOLE_DIR),
    logLevel: e.LOG_LEVEL,
    database: { mode: embeddedDatabase ? 'embedded' : 'external', url: e.DATABASE_URL ?? null },
    queue: {
      mode: e.REDIS_URL ? 'redis' : 'postgres',
      redisUrl: e.REDIS_URL ?? null,
      prefix: e.QUEUE_PREFIX,
      jobLockMs: e.QUEUE_JOB_LOCK_MS,
    },
    jwtSecret: e.JWT_SECRET ?? localJwtSecret(dataDir),
    // The embedded database accepts one process only, so api and worker share it there.
    processRole: e.PROCESS_ROLE ?? (embeddedDatabase ? 'all' : 'api'),
    relayIntervalMs: e.RELAY_INTERVAL_MS,
    redeliverAfterMs: e.OUTBOX_REDELIVER_AFTER_MS,
    seedDemo: e.SEED_DEMO,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    webhooks: {
      allowPrivate: e.WEBHOOKS_ALLOW_PRIVATE,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      disableAfter: e.WEBHOOK_DISABLE_AFTER,
    },
    apiDocs: e.API_DOCS ?? e.NODE_ENV !== 'production',
    loginFailuresPerAddress: e.LOGIN_FAILURES_PER_ADDRESS,
    trustProxy: !e.TRUST_PROXY
      ? false
      : /^\d+$/.test(e.TRUST_PROXY)
        ? Number(e.TRUST_PROXY)
        : e.TRUST_PROXY.split(',').map((part) => part.trim()),
  };
}

/** Outside production a missing secret is generated once and kept beside the data. */
function localJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
