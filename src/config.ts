import { z } from 'zod';
import { parseQuietHours } from './followups/quiet-hours.ts';
import type { QuietHours } from './followups/quiet-hours.ts';
import { locales } from './taxonomy.ts';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Every variable tripcare reads, with its default. `.env.example` documents the same list. */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  DEFAULT_LOCALE: z.enum(locales).default('zh-CN'),
  POLICY_FILE: z.string().min(1).optional(),
  TEAMS_FILE: z.string().min(1).optional(),
  GROUP_COMPLAINT_THRESHOLD: z.coerce.number().int().min(2).max(1000).default(3),
  GROUP_COMPLAINT_WINDOW_HOURS: z.coerce.number().min(1).max(24 * 30).default(24),
  /** The hour (agency time) travellers are greeted the day after they return. */
  GREETING_HOUR: z.coerce.number().int().min(0).max(23).default(10),
  /** When the agency never writes first, e.g. 21-9 (21:00 to 09:00). */
  QUIET_HOURS: z.string().default('21-9').transform((text, ctx): QuietHours => {
    const quiet = parseQuietHours(text);
    if (!quiet) ctx.addIssue({ code: 'custom', message: 'must be two different hours 0-23 such as 21-9' });
    return quiet ?? z.NEVER;
  }),
  PAGE_REPEAT_MINUTES: z.coerce.number().min(1).max(120).default(5),
  BURST_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(100_000).default(4_000),
  AGENCY_EMERGENCY_PHONE: z.string().regex(/^\+?[\d\s-]{3,20}$/, 'must be a phone number').optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be lower-case letters, digits and _').optional(),
  REDIS_PREFIX: z.string().regex(/^[\w.-]{1,40}$/, 'must be 1-40 letters, digits, dots, dashes or underscores').default('tripcare'),
  /** How long Redis may take to accept a connection or answer a command; start-up fails after it. */
  REDIS_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** How long PostgreSQL may take to accept a connection; start-up fails after it. */
  PG_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** PostgreSQL cancels a statement that runs longer than this. */
  PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  /** SIGTERM ends the process within this, whatever is still under way or unreachable. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** The address travellers and WeChat/Telegram reach this server at, e.g. https://care.example.com. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** Reverse proxies in front that append to X-Forwarded-For: the client address (for limits) is read past them. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),

  WECHAT_PUPPET: z.string().min(1).optional(),
  WECHAT_PUPPET_TOKEN: z.string().min(1).optional(),
  WECHAT_OA_APP_ID: z.string().min(1).optional(),
  WECHAT_OA_APP_SECRET: z.string().min(1).optional(),
  WECHAT_OA_TOKEN: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3-32 letters or digits, as WeChat requires').optional(),
  WECHAT_OA_AES_KEY: z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey').optional(),
  WECHAT_OA_API_BASE: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://api.weixin.qq.com'),

  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, 'must look like 123456:ABC-DEF… (from @BotFather)').optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  TELEGRAM_MODE: z.enum(['polling', 'webhook']).default('polling'),
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 letters, digits, _ or -').optional(),

  MICROSOFT_APP_ID: z.string().min(1).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  WEBCHAT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Bearer token for /metrics; unset, /metrics answers only this machine (loopback). */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),

  /** Any OpenAI-compatible server. With OPENAI_MODEL it turns on LLM understanding; unset: rules only. */
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_MODEL: z.string().min(1).optional(),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8_000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
}).superRefine((c, ctx) => {
  const need = (when: boolean, variable: string, because: string) => {
    if (when) ctx.addIssue({ code: 'custom', path: [variable], message: `is required ${because}` });
  };
  need(c.TELEGRAM_MODE === 'webhook' && !!c.TELEGRAM_BOT_TOKEN && !c.TELEGRAM_WEBHOOK_URL, 'TELEGRAM_WEBHOOK_URL', 'when TELEGRAM_MODE is webhook');
  need(c.TELEGRAM_MODE === 'webhook' && !!c.TELEGRAM_BOT_TOKEN && !c.TELEGRAM_WEBHOOK_SECRET, 'TELEGRAM_WEBHOOK_SECRET', 'when TELEGRAM_MODE is webhook');
  const officialAccount = c.WECHAT_PUPPET === 'official-account';
  for (const v of ['WECHAT_OA_APP_ID', 'WECHAT_OA_APP_SECRET', 'WECHAT_OA_TOKEN'] as const) need(officialAccount && !c[v], v, 'when WECHAT_PUPPET is official-account');
  need(!!c.OPENAI_BASE_URL !== !!c.OPENAI_MODEL, c.OPENAI_BASE_URL ? 'OPENAI_MODEL' : 'OPENAI_BASE_URL', 'with the other one to turn on LLM understanding');
  need(!!c.MICROSOFT_APP_ID !== !!c.MICROSOFT_APP_PASSWORD, c.MICROSOFT_APP_ID ? 'MICROSOFT_APP_PASSWORD' : 'MICROSOFT_APP_ID', 'with the other MICROSOFT_APP_ variable');
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration; a bad value throws a ConfigError naming every offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty values count as unset, as in most .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}
