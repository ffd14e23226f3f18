#!/usr/bin/env node
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import type { LogLevel, Logger } from '../log.ts';
import type { Role } from './serve.ts';
import * as texts from './texts.ts';
import type { CommandName } from './texts.ts';

// Node keeps what it compiled (the type-stripped code too) on disk for the next run: the modules
// a command imports load faster from the second run on. Off with NODE_DISABLE_COMPILE_CACHE=1.
enableCompileCache();

/**
 * A command: its options and how many arguments it takes, both checked before anything is
 * imported or configured (so --help and a usage error cost nothing), and its code, imported
 * only when it runs.
 */
interface Command {
  options?: ParseArgsOptionsConfig;
  /** Arguments (positionals) it takes at most. */
  positionals: number;
  run(args: Args): Promise<number>;
}

interface Args {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

const text = (values: Args['values'], name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

const commands: Record<Exclude<CommandName, 'help'>, Command> = {
  start: { positionals: 0, run: () => serveUntilStopped('start') },
  web: { positionals: 0, run: () => serveUntilStopped('web') },
  worker: { positionals: 0, run: () => serveUntilStopped('worker') },
  chat: { options: { json: { type: 'boolean' } }, positionals: 0, run: ({ values }) => chat(values.json === true) },
  replay: { positionals: 1, run: ({ positionals: [file] }) => replay(file) },
  classify: {
    positionals: 0,
    async run() {
      const config = await configuration();
      const [{ classify }, { LearnedUnderstanding }] = await Promise.all([import('./classify.ts'), import('../understanding/learned/index.ts')]);
      return (await classify(process.stdin, process.stdout, new LearnedUnderstanding(), config.TIME_ZONE)) ? 0 : 1;
    },
  },
  eval: {
    options: { with: { type: 'string' } },
    positionals: 1,
    async run({ positionals: [file], values }) {
      const { evalCommand, evalModes, isEvalMode } = await import('./eval-command.ts');
      const mode = text(values, 'with') ?? 'learned';
      if (!isEvalMode(mode)) return usageError('eval', texts.badEvalMode(evalModes, mode));
      const config = await configuration();
      return evalCommand({ mode, file: file ?? null }, config, await quietLogger(config), { output: process.stdout, errors: process.stderr });
    },
  },
  train: { positionals: 0, run: async () => (await import('./train.ts')).trainCommand(process.stdout) },
  remedy: {
    positionals: 0,
    async run() {
      const config = await configuration();
      const [{ remedyCommand }, { loadPolicy }] = await Promise.all([import('./remedy.ts'), import('../policy/policy-file.ts')]);
      return remedyCommand(process.stdin, process.stdout, process.stderr, await loadPolicy(config.POLICY_FILE));
    },
  },
  ledger: {
    positionals: 1,
    async run({ positionals: [what] }) {
      if (what !== 'verify') return usageError('ledger', texts.unknownSubcommand('ledger', what, 'verify'));
      const config = await configuration();
      return (await import('./ledger-verify.ts')).ledgerVerify(config, process.stdout);
    },
  },
  staff: {
    options: { username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string', multiple: true } },
    positionals: 1,
    async run({ positionals: [action], values }) {
      const { staffCommand } = await import('./staff.ts');
      const team = values.team;
      const request = { action, username: text(values, 'username'), name: text(values, 'name'), role: text(values, 'role'), team: Array.isArray(team) ? team : [] };
      return staffCommand(request, await configuration(), { input: process.stdin, output: process.stdout, errors: process.stderr });
    },
  },
  import: {
    positionals: 2,
    async run({ positionals }) {
      const { importCommand } = await import('./import-trips.ts');
      return importCommand(positionals, await configuration(), { output: process.stdout, errors: process.stderr });
    },
  },
  doctor: {
    options: { role: { type: 'string' } },
    positionals: 0,
    async run({ values }) {
      const role = text(values, 'role') ?? 'start';
      if (role !== 'start' && role !== 'web' && role !== 'worker') return usageError('doctor', texts.badRole(role));
      const { doctor } = await import('./doctor.ts');
      return doctor(process.env, role, process.stdout);
    },
  },
};

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) {
    // `tripcare --help`, `tripcare -h`; otherwise options of the default command, start.
    if (first === '--help' || first === '-h') return help(rest[0]);
    return runCommand('start', argv);
  }
  if (!texts.isCommandName(first)) {
    process.stderr.write(texts.usageError(texts.unknownCommand(first), texts.usage));
    return 2;
  }
  return first === 'help' ? help(rest[0]) : runCommand(first, rest);
}

async function help(command: string | undefined): Promise<number> {
  if (command === undefined) {
    process.stdout.write(texts.usage);
    return 0;
  }
  if (!texts.isCommandName(command)) {
    process.stderr.write(texts.usageError(texts.unknownCommand(command), texts.usage));
    return 2;
  }
  process.stdout.write(await texts.usageOf(command));
  return 0;
}

async function runCommand(name: Exclude<CommandName, 'help'>, args: string[]): Promise<number> {
  const command = commands[name];
  let parsed: Args;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { ...command.options, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    return usageError(name, optionProblem(name, e));
  }
  if (parsed.values.help === true) return help(name);
  if (parsed.positionals.length > command.positionals) return usageError(name, texts.tooManyArguments(name, parsed.positionals.slice(command.positionals)));
  return command.run(parsed);
}

/** parseArgs's complaint, in the command's words: `tripcare chat: unknown option --jsn`. */
function optionProblem(command: string, e: unknown): string {
  const code = e instanceof Error && 'code' in e ? e.code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return texts.unknownOption(command, option);
  // ERR_PARSE_ARGS_INVALID_OPTION_VALUE: an option without its value, or a value given to a flag.
  return texts.badOption(command, message.split('. ')[0] ?? message);
}

async function usageError(command: CommandName, message: string): Promise<number> {
  process.stderr.write(texts.usageError(message, await texts.usageOf(command)));
  return 2;
}

async function configuration(): Promise<Config> {
  return (await import('../config.ts')).loadConfig();
}

/**
 * The process's logger: on stderr, human-readable when stderr is a terminal; or, while a
 * conversation holds the terminal, appended to DATA_DIR/tripcare.log, said once on stdout.
 */
async function logger(level: LogLevel, where: 'stderr' | { dataDir: string }): Promise<Logger> {
  const { createLogger } = await import('../log.ts');
  if (where === 'stderr') return createLogger(level, { pretty: process.stderr.isTTY === true });
  const file = join(where.dataDir, 'tripcare.log');
  process.stdout.write(texts.logsGoTo(file));
  return createLogger(level, { file });
}

/** For commands whose output is the point: only errors, unless LOG_LEVEL asks for more. */
const quietLogger = (config: Config) => logger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'error', 'stderr');

async function serveUntilStopped(role: Role): Promise<number> {
  const config = await configuration();
  const chatting = role === 'start' && process.stdin.isTTY === true;
  const log = await logger(config.LOG_LEVEL, chatting ? { dataDir: config.DATA_DIR } : 'stderr');
  // A missing or wrong DATABASE_URL or REDIS_URL ends start-up in a second, not after seconds of loading.
  await (await import('./reach-services.ts')).reachServices(role, config, log);
  const { serve } = await import('./serve.ts');
  const running = await serve(role, config, log);
  if (chatting) {
    const [{ terminalChat }, { SystemClock }] = await Promise.all([import('./terminal-chat.ts'), import('../clock/system-clock.ts')]);
    await terminalChat(running.app, new SystemClock(), process.stdin, process.stdout);
    await running.stop();
    return 0;
  }
  return new Promise(() => undefined); // serve until a signal
}

async function chat(json: boolean): Promise<number> {
  const config = await configuration();
  if (json) {
    const { runJsonConversation } = await import('./conversation.ts');
    return (await runJsonConversation({ input: process.stdin, output: process.stdout, config, log: await quietLogger(config), replay: false })) ? 0 : 1;
  }
  // The conversation holds the terminal: the logs go to a file, at the configured level.
  const log = await logger(config.LOG_LEVEL, { dataDir: config.DATA_DIR });
  const [{ createApp, memoryParts }, { SystemClock }, { loadPolicy }, { terminalChat }] = await Promise.all([
    import('../app.ts'), import('../clock/system-clock.ts'), import('../policy/policy-file.ts'), import('./terminal-chat.ts'),
  ]);
  const clock = new SystemClock();
  const app = createApp({ config, parts: memoryParts(clock, log), policy: await loadPolicy(config.POLICY_FILE), clock, log });
  app.engine.work();
  await terminalChat(app, clock, process.stdin, process.stdout);
  await app.close();
  return 0;
}

async function replay(file: string | undefined): Promise<number> {
  const config = await configuration();
  const [{ createReadStream }, { runJsonConversation }] = await Promise.all([import('node:fs'), import('./conversation.ts')]);
  const input = file ? createReadStream(file) : process.stdin;
  return (await runJsonConversation({ input, output: process.stdout, config, log: await quietLogger(config), replay: true })) ? 0 : 1;
}

/**
 * 78 (EX_CONFIG) when the configuration is at fault, down the error's causes: a bad variable,
 * policy or teams file, or a service a variable names that cannot be reached or signed in to at
 * start-up (the message names the variable and the address). Else 1.
 */
function exitCodeOf(e: unknown): number {
  for (let error = e, depth = 0; error instanceof Error && depth < 8; error = error.cause, depth++) {
    if (['ConfigError', 'PolicyError', 'TeamsError'].includes(error.name)) return 78;
  }
  return 1;
}

// Output piped into a reader that stops early (`tripcare doctor | head -3`): stop as quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

/**
 * Done: the process ends with `code`. What is still open by then (a connection still retrying
 * to a service that is away, a check doctor gave up on) would keep it alive: it is cut off.
 */
function end(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 200).unref();
}

main(process.argv.slice(2)).then(end, (e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  end(exitCodeOf(e));
});
