import { z } from 'zod';
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
  BURST_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(100).max(100_000).default(4_000),
  AGENCY_EMERGENCY_PHONE: z.string().regex(/^\+?[\d\s-]{3,20}$/, 'must be a phone number').optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be lower-case letters, digits and _').optional(),
  REDIS_PREFIX: z.string().regex(/^[\w.-]{1,40}$/, 'must be 1-40 letters, digits, dots, dashes or underscores').default('tripcare'),
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
