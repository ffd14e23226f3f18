#!/usr/bin/env node
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApp, memoryParts } from '../app.ts';
import { SystemClock } from '../clock/system-clock.ts';
import { ConfigError, loadConfig } from '../config.ts';
import type { Config } from '../config.ts';
import { createLogger } from '../log.ts';
import { LearnedUnderstanding } from '../understanding/learned/index.ts';
import { loadPolicy, PolicyError } from '../policy/policy-file.ts';
import { TeamsError } from '../desk/teams.ts';
import { classify } from './classify.ts';
import { evalCommand, evalModes, isEvalMode } from './eval-command.ts';
import { importCommand } from './import-trips.ts';
import { ledgerVerify } from './ledger-verify.ts';
import { remedyCommand } from './remedy.ts';
import { runJsonConversation } from './conversation.ts';
import { serve } from './serve.ts';
import { staffCommand } from './staff.ts';
import type { Role } from './serve.ts';
import { terminalChat } from './terminal-chat.ts';
import { trainCommand } from './train.ts';

const usage = `Usage: tripcare <command>

  start             run tripcare in one process (the default); with a terminal attached, chat with it too
  web               production: take messages (HTTP), many processes side by side
  worker            production: work the jobs (timers, bursts, handoffs), many side by side
  chat [--json]     complain to the bot in the terminal; --json speaks JSON lines
  replay [FILE]     run a JSON-lines script (FILE or stdin) without waiting
  classify          label JSON lines {"id","text"} from stdin, with confidences and danger
  eval [--with learned|llm|both] [FILE]
                    accuracy per label, critical recall and precision, confusion and calibration
                    tables, on the frozen test split or on labelled JSON lines (corpus/LABELLING.md);
                    both: the learned model and the LLM side by side
  train             rebuild the understanding model from corpus/pool, with cross-validated figures
  remedy            the remedy for one JSON situation on stdin, as JSON
  ledger verify     check that the promise ledger's hash chain is unbroken
  staff add         add a staff account (the first admin too); the password comes from stdin
  import trips FILE import trips and their travellers from CSV, and schedule their greetings
  help              this text

Configuration comes from the environment; see .env.example.
`;

async function main(argv: string[]): Promise<number> {
  // `staff` parses its own options.
  const strict = argv[0] !== 'staff';
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict, options: { json: { type: 'boolean' }, with: { type: 'string' } } });
  const [command = 'start', file] = positionals;
  if (command === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'start':
    case 'web':
    case 'worker':
      return serveUntilStopped(command, config);
    case 'chat': return chat(config, values.json === true);
    case 'replay': return replay(config, file);
    case 'classify': return (await classify(process.stdin, process.stdout, new LearnedUnderstanding(), config.TIME_ZONE)) ? 0 : 1;
    case 'eval': return evaluateFile(typeof values.with === 'string' ? values.with : 'learned', file, config);
    case 'train': return trainCommand(process.stdout);
    case 'remedy': return remedyCommand(process.stdin, process.stdout, process.stderr, await loadPolicy(config.POLICY_FILE));
    case 'ledger': return file === 'verify' ? ledgerVerify(config, process.stdout) : usageError(`Unknown ledger command "${file ?? ''}".`);
    case 'import': return importCommand(positionals.slice(1), config, { output: process.stdout, errors: process.stderr });
    case 'staff': return staffCommand(argv.slice(1), config, { input: process.stdin, output: process.stdout, errors: process.stderr });
    default:
      return usageError(`Unknown command "${command}".`);
  }
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${usage}`);
  return 2;
}

async function serveUntilStopped(role: Role, config: Config): Promise<number> {
  const running = await serve(role, config, createLogger(config.LOG_LEVEL));
  if (role === 'start' && process.stdin.isTTY) {
    await terminalChat(running.app, new SystemClock(), process.stdin, process.stdout);
    await running.stop();
    return 0;
  }
  return new Promise(() => undefined); // serve until a signal
}

async function chat(config: Config, json: boolean): Promise<number> {
  // Logs would interleave with the conversation: only errors, unless asked.
  const log = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'error');
  if (json) return (await runJsonConversation({ input: process.stdin, output: process.stdout, config, log, replay: false })) ? 0 : 1;
  const clock = new SystemClock();
  const app = createApp({ config, parts: memoryParts(clock, log), policy: await loadPolicy(config.POLICY_FILE), clock, log });
  app.engine.work();
  await terminalChat(app, clock, process.stdin, process.stdout);
  await app.close();
  return 0;
}

function evaluateFile(mode: string, file: string | undefined, config: Config): Promise<number> | number {
  if (!isEvalMode(mode)) return usageError(`eval --with takes ${evalModes.join(', ')}, not "${mode}".`);
  const log = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'error');
  return evalCommand({ mode, file: file ?? null }, config, log, { output: process.stdout, errors: process.stderr });
}

async function replay(config: Config, file: string | undefined): Promise<number> {
  const input = file ? createReadStream(file) : process.stdin;
  const log = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'error');
  return (await runJsonConversation({ input, output: process.stdout, config, log, replay: true })) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = e instanceof ConfigError || e instanceof PolicyError || e instanceof TeamsError ? 78 : 1;
  },
);
