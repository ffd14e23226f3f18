import { createHash } from 'node:crypto';

/**
 * Structured logs, one JSON object a line on stderr. Fields are ids, counts
 * and labels only: never message text or anything a traveller typed.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (event: string, fields: LogFields = {}) => {
    if (rank[lvl] >= rank[level]) write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...fields })}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** An error as log fields: its name and where it was thrown, not its message (messages may quote input). */
export const errorFields = (e: unknown): LogFields => ({
  error: e instanceof Error ? e.name : typeof e,
  at: e instanceof Error ? (e.stack?.split('\n')[1]?.trim() ?? null) : null,
});

/** An id that names a person (a chat id, an openid, a conversation key) as logs may show it: a short hash that correlates lines. */
export const logId = (id: string): string => createHash('sha256').update(`tripcare:${id}`).digest('hex').slice(0, 12);
