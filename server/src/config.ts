import { resolve } from 'node:path';
import { z } from 'zod';

export const ROLES = ['web', 'realtime', 'worker'] as const;
export type Role = (typeof ROLES)[number];

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

/** Every environment variable RocketHub reads, with its default. The README's table mirrors this. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optionalUrl,
  REDIS_KEY_PREFIX: z.string().default('rockethub:'),
  SMTP_URL: optionalUrl,
  MAILER_SENDER_EMAIL: z.string().default('RocketHub <no-reply@rockethub.local>'),
  FRONTEND_URL: optionalUrl,
  SECRET_KEY_BASE: optionalUrl,
  ENABLE_ACCOUNT_SIGNUP: flag,
  ROCKETHUB_ROLES: z.string().default('web,realtime,worker'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SIGN_IN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  TRUST_PROXY: flag,
  STORAGE_SERVICE: z.enum(['local', 's3']).default('local'),
  S3_BUCKET: optionalUrl,
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_ENDPOINT: optionalUrl,
  S3_ACCESS_KEY_ID: optionalUrl,
  S3_SECRET_ACCESS_KEY: optionalUrl,
  S3_FORCE_PATH_STYLE: flag,
  NOTIFICATION_EMAIL_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
  NOTIFICATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WEB_PUSH_ALLOW_HTTP: flag,
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(40 * 1024 * 1024),
});

/** Where files (attachments) are kept: under DATA_DIR/storage, or in an S3-compatible bucket. */
export type StorageConfig =
  | { service: 'local' }
  | {
      service: 's3';
      bucket: string;
      region: string;
      endpoint: string | undefined;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      forcePathStyle: boolean;
    };

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  redisUrl: string | undefined;
  /** Prefix of every Redis key, so several installations (or test runs) can share one Redis. */
  redisKeyPrefix: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  frontendUrl: string;
  /** From SECRET_KEY_BASE; when unset, one is generated once and kept in the database (see installation). */
  secretKeyBase: string | undefined;
  signupEnabled: boolean;
  roles: Set<Role>;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  sessionTtlDays: number;
  /** Sign-in attempts one address may make in 5 minutes (raise it when many people share one address). */
  signInLimitPerIp: number;
  /** Behind a load balancer: take the client address from X-Forwarded-For (rate limits use it). */
  trustProxy: boolean;
  storage: StorageConfig;
  /** The largest file accepted as an attachment, in bytes. */
  attachmentMaxBytes: number;
  /** How long notification emails wait, gathering a burst of one conversation into one email. */
  notificationEmailDelaySeconds: number;
  /** Notifications older than this are purged. */
  notificationRetentionDays: number;
  /** Accept `http:` push endpoints (local test push services only; real push services are https). */
  webPushAllowHttp: boolean;
};

export class ConfigError extends Error {}

/** Reads the environment once, into a typed config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const roles = new Set<Role>();
  for (const r of e.ROCKETHUB_ROLES.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(ROLES as readonly string[]).includes(r)) {
      throw new ConfigError(`Invalid configuration: ROCKETHUB_ROLES has unknown role "${r}" (known: ${ROLES.join(', ')})`);
    }
    roles.add(r as Role);
  }
  const dataDir = resolve(e.DATA_DIR);
  if (e.STORAGE_SERVICE === 's3' && !e.S3_BUCKET) throw new ConfigError('Invalid configuration: STORAGE_SERVICE=s3 needs S3_BUCKET');
  const storage: StorageConfig =
    e.STORAGE_SERVICE === 's3' && e.S3_BUCKET
      ? {
          service: 's3',
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          endpoint: e.S3_ENDPOINT,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : { service: 'local' };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAILER_SENDER_EMAIL,
    frontendUrl: (e.FRONTEND_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    secretKeyBase: e.SECRET_KEY_BASE,
    signupEnabled: e.ENABLE_ACCOUNT_SIGNUP,
    roles,
    logLevel: e.LOG_LEVEL,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    signInLimitPerIp: e.SIGN_IN_LIMIT_PER_IP,
    trustProxy: e.TRUST_PROXY,
    storage,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    notificationEmailDelaySeconds: e.NOTIFICATION_EMAIL_DELAY_SECONDS,
    notificationRetentionDays: e.NOTIFICATION_RETENTION_DAYS,
    webPushAllowHttp: e.WEB_PUSH_ALLOW_HTTP,
  };
}
