import path from 'node:path';
import { z } from 'zod';

const ConfigSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  /** A hot standby of DATABASE_URL that serves public pages, reports and national views (PostgreSQL only). */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_READ_URL phải là địa chỉ PostgreSQL dạng postgres://người-dùng:mật-khẩu@máy:cổng/csdl')
    .optional(),
  /** Replay lag (ms) above which reads leave the standby for the primary. */
  DATABASE_READ_MAX_LAG_MS: z.coerce
    .number({ message: 'DATABASE_READ_MAX_LAG_MS phải là một số mili giây' })
    .int('DATABASE_READ_MAX_LAG_MS phải là số nguyên mili giây')
    .min(100, 'DATABASE_READ_MAX_LAG_MS ít nhất 100 (mili giây)')
    .max(3_600_000, 'DATABASE_READ_MAX_LAG_MS nhiều nhất 3600000 (một giờ)')
    .default(2000),
  COOP_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Origins allowed to send state-changing requests besides the server's own host. */
  PUBLIC_ORIGIN: z.string().optional(),
  /** The alliance whose public portal this server shows (decision 009); unset = the alliance with the lowest id. */
  PORTAL_TENANT: z.coerce.number({ message: 'PORTAL_TENANT phải là mã số của một Liên minh' }).int('PORTAL_TENANT phải là số nguyên').positive('PORTAL_TENANT phải là số dương').optional(),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Behind a reverse proxy: trust its X-Forwarded-For so that the login rate limit counts per client. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Mail server for invitations and password resets: smtp://user:pass@host:587 or smtps://…:465 (?from=…). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'SMTP_URL phải là địa chỉ máy chủ thư dạng smtp://người-dùng:mật-khẩu@máy:cổng hoặc smtps://…')
    .optional(),
});

export type Config = {
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
  readMaxLagMs: number;
  dataDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  cookieSecure: boolean;
  publicOrigin: string | undefined;
  portalTenant: number | undefined;
  maxUploadBytes: number;
  trustProxy: boolean;
  smtpUrl: string | undefined;
};

/** Reads the configuration once from the environment; fails fast with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (DATABASE_URL= npm test runs on the embedded database).
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ (biến môi trường):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    readMaxLagMs: e.DATABASE_READ_MAX_LAG_MS,
    dataDir: path.resolve(e.COOP_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE,
    publicOrigin: e.PUBLIC_ORIGIN,
    portalTenant: e.PORTAL_TENANT,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
  };
}
