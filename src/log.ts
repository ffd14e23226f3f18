import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import pino from 'pino';
import type PinoPretty from 'pino-pretty';
import { currentRequest } from './request-context.ts';

/**
 * Structured logs on pino, one JSON object a line: `level` as its label, `time` in ISO,
 * `event` the event's name, `requestId` while an HTTP request is handled, then the fields.
 * Fields are ids, counts and labels only: never message text or anything a traveller typed.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** Appends JSON lines to this file (its directory made if need be) instead of writing to stderr. */
  file?: string;
  /** Human-readable lines (pino-pretty) instead of JSON; ignored with `file`. */
  pretty?: boolean;
  /** Where the lines go instead of stderr, one call a line (tests). */
  destination?: (line: string) => void;
}

/**
 * Keys whose values could be personal data or secrets. No call site logs them (fields are ids,
 * counts and labels), but a field added carelessly some day is censored rather than kept forever
 * in a log store; `*.key` covers them one level down.
 */
const sensitiveKeys = ['text', 'message', 'body', 'password', 'token', 'secret', 'authorization', 'cookie', 'phone', 'email', 'name'];
const redact = { paths: sensitiveKeys.flatMap((key) => [key, `*.${key}`]), censor: '[redacted]' };

export function createLogger(level: LogLevel, options: LoggerOptions = {}): Logger {
  const logger = pino(
    {
      level,
      base: undefined, // no pid nor hostname: a line carries what was logged
      messageKey: 'event', // what pino-pretty shows as the message
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact,
      mixin: () => {
        const request = currentRequest();
        return request ? { requestId: request.requestId } : {};
      },
    },
    streamOf(options),
  );
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (event: string, fields: LogFields = {}) => {
    // The event first and never overridden by a field of the same name.
    const line: LogFields = { event, ...fields };
    line.event = event;
    logger[lvl](line);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function streamOf({ file, pretty, destination }: LoggerOptions): pino.DestinationStream {
  // Synchronous: a line is written when the call returns, in order, even just before an exit.
  if (file !== undefined) return pino.destination({ dest: file, mkdir: true, append: true, sync: true });
  if (!pretty) return destination ? { write: (line: string) => destination(line) } : process.stderr;
  return loadPretty()({
    sync: true,
    messageKey: 'event',
    translateTime: 'SYS:HH:MM:ss.l',
    ...(destination
      ? { destination: new Writable({ write: (chunk: Buffer, _encoding, done) => (destination(chunk.toString()), done()) }), colorize: false }
      : { destination: 2 }),
  });
}

/**
 * pino-pretty, loaded only when asked for: most runs write JSON and never need it. A require
 * (not a dynamic import) because createLogger is synchronous and pino-pretty is CommonJS; it
 * runs in this thread as a stream, not as a worker transport, so start-up stays light.
 */
const loadPretty = (): typeof PinoPretty => createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;

/**
 * An error as log fields: its name and where it was thrown, and for an I/O error (a Node system
 * error, a pg error) its `code`, `errno`, `syscall`, `address` and `port`, taken from the first
 * error down its `cause` chain that has any. Never its message: messages may quote input.
 */
export function errorFields(e: unknown): LogFields {
  return {
    error: e instanceof Error ? e.name : typeof e,
    at: e instanceof Error ? thrownAt(e) : null,
    ...ioFields(e),
  };
}

/** The code of an I/O error (ECONNREFUSED, ETIMEDOUT, a SQLSTATE such as 28P01), by the rule of `errorFields`. */
export function errorCode(e: unknown): string | null {
  const { code } = ioFields(e);
  return typeof code === 'string' ? code : null;
}

function ioFields(e: unknown): LogFields {
  for (let error = e, depth = 0; error instanceof Error && depth < 8; error = error.cause, depth++) {
    const has = error as Error & Partial<Record<'code' | 'errno' | 'syscall' | 'address' | 'port', unknown>>;
    const fields: LogFields = {};
    if ((typeof has.code === 'string' && has.code !== '') || Number.isFinite(has.code)) fields.code = String(has.code);
    if (Number.isFinite(has.errno)) fields.errno = has.errno as number;
    if (typeof has.syscall === 'string') fields.syscall = has.syscall;
    if (typeof has.address === 'string') fields.address = has.address;
    if (Number.isFinite(has.port)) fields.port = has.port as number;
    if (Object.keys(fields).length > 0) return fields;
  }
  return {};
}

/** The first frame of an error's stack, past its message (which may span lines). */
function thrownAt(e: Error): string | null {
  const stack = e.stack ?? '';
  const afterMessage = e.message && stack.includes(e.message) ? stack.slice(stack.indexOf(e.message) + e.message.length) : stack;
  return afterMessage.split('\n').find((line) => /^\s+at\s/.test(line))?.trim() ?? null;
}

/** An id that names a person (a chat id, an openid, a conversation key) as logs may show it: a short hash that correlates lines. */
export const logId = (id: string): string => createHash('sha256').update(`tripcare:${id}`).digest('hex').slice(0, 12);
