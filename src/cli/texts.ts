/**
 * The command line's own English, for operators (not the bot's words, which come from
 * locales/): the usage of every command and what `tripcare doctor` says. Imports nothing,
 * so `tripcare --help` loads next to nothing.
 */

export const commandNames = ['start', 'web', 'worker', 'chat', 'replay', 'classify', 'eval', 'train', 'remedy', 'ledger', 'staff', 'import', 'doctor', 'help'] as const;
export type CommandName = (typeof commandNames)[number];
export const isCommandName = (name: string): name is CommandName => (commandNames as readonly string[]).includes(name);

export const usage = `Usage: tripcare <command> [options]

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
  doctor            check the configuration, the database, Redis, each channel's credentials,
                    the policy and teams files; one line each
  help [COMMAND]    this text, or a command's

  tripcare <command> --help (or -h) shows a command's options.
Configuration comes from the environment; see .env.example.
`;

const helpOption = '  -h, --help        this text\n';

const serveText = (role: 'start' | 'web' | 'worker', what: string) => `Usage: tripcare ${role}

${what}

  Redis (REDIS_URL) and PostgreSQL (DATABASE_URL) when set; else memory and the embedded
  PGlite in DATA_DIR, which one process at a time may open. A service that cannot be reached
  at start-up ends the process with exit status 78, naming its variable.

Options:
${helpOption}`;

const commandUsage: Record<Exclude<CommandName, 'staff' | 'import'>, string> = {
  start: serveText('start', `  Everything in one process: HTTP (web chat, webhooks, the staff console, /healthz and
  /metrics), the jobs, and every channel configured. With a terminal attached you chat with
  the bot too, and the logs go to DATA_DIR/tripcare.log instead of the screen.`),
  web: serveText('web', `  Production: takes messages over HTTP (web chat, webhooks, the staff console); run as many
  as needed. Needs REDIS_URL (and DATABASE_URL) to share the work with worker processes.`),
  worker: serveText('worker', `  Production: works the jobs (bursts, promised-time timers, handoffs, follow-ups) and sends
  what they say; run as many as needed. Needs REDIS_URL (and DATABASE_URL).`),
  chat: `Usage: tripcare chat [--json]

  Complain to the bot in the terminal, in memory (nothing is kept). Choices are numbered:
  type the number. Logs go to DATA_DIR/tripcare.log.

Options:
      --json        JSON lines in ({"text"} or {"choice"}) and out, for programs; logs stay on stderr
${helpOption}`,
  replay: `Usage: tripcare replay [FILE]

  Runs a JSON-lines script (FILE, or stdin) without waiting out the burst windows: one line
  out per bot message, and one per case filed. A bad line is reported and the rest go on (exit 1).

Options:
${helpOption}`,
  classify: `Usage: tripcare classify

  {"id","text"} JSON lines on stdin; per line out: language, intent, category, also,
  problems, severity, flags, danger and confidences. A bad line is reported and the rest go
  on (exit 1).

Options:
${helpOption}`,
  eval: `Usage: tripcare eval [--with learned|llm|both] [FILE]

  Accuracy per label, critical recall and precision, confusion and calibration tables: on
  the frozen test split, or on FILE, labelled JSON lines (corpus/LABELLING.md).

Options:
      --with MODE   learned (the default), llm (needs OPENAI_BASE_URL and OPENAI_MODEL), or both
${helpOption}`,
  train: `Usage: tripcare train

  Rebuilds models/understanding.json.gz from corpus/pool (the same bytes every time) and
  prints the cross-validated figures.

Options:
${helpOption}`,
  remedy: `Usage: tripcare remedy

  One situation as a JSON object on stdin; the remedy the policy (POLICY_FILE) decides, as
  one JSON line on stdout.

Options:
${helpOption}`,
  ledger: `Usage: tripcare ledger verify

  Recomputes the promise ledger's hash chain in DATABASE_URL (or PGlite in DATA_DIR);
  exit 1 and the first broken entry if it was tampered with.

Options:
${helpOption}`,
  doctor: `Usage: tripcare doctor [--role start|web|worker]

  Checks, one line each (ok, fail or skip), every check within 5 s: the configuration
  parses; PostgreSQL (DATABASE_URL, or PGlite in DATA_DIR) answers and its migrations are
  current; Redis (REDIS_URL) answers; each channel configured can sign in; the policy file
  and the teams file load. A failure says which variable to fix. Exit 0 when nothing
  failed, else 1.

Options:
      --role ROLE   the process the checks are for: start (the default), web or worker
${helpOption}`,
  help: `Usage: tripcare help [COMMAND]

  The list of commands, or COMMAND's usage and options.
`,
};

/** `tripcare staff --help`, and after a usage error. */
export const staffUsage = (roles: readonly string[]) => `Usage: tripcare staff add --username NAME --name "Full Name" --role ROLE [--team TEAM ...]

  Reads the password from stdin (one line), or asks for it when run in a terminal.
  ROLE is one of: ${roles.join(', ')}.
  TEAM is a team id of the teams file (TEAMS_FILE); repeat --team for several. Without one,
  an agent works every team's queue.

Options:
      --username NAME   the sign-in name
      --name TEXT       the name the console shows
      --role ROLE       what the account may do
      --team TEAM       a team whose queue it works (repeatable)
${helpOption}`;

/** `tripcare import --help`, and after a usage error. */
export const importUsage = (columns: readonly string[]) => `Usage: tripcare import trips FILE.csv

  FILE.csv has the header ${columns.join(',')}
  (UTF-8, at most 5 MB and 20,000 rows). Good rows are imported, bad ones listed with their line.

Options:
${helpOption}`;

/** A command's usage; `staff` and `import` name lists kept beside their code, so those are read now. */
export async function usageOf(command: CommandName): Promise<string> {
  if (command === 'staff') return staffUsage((await import('../staff/roles.ts')).staffRoles);
  if (command === 'import') return importUsage((await import('../trips/trip-rows.ts')).tripColumns);
  return commandUsage[command];
}

/** A usage error: what was wrong, then how the command is used. */
export const usageError = (message: string, commandUsageText: string) => `${message}\n\n${commandUsageText}`;

export const unknownCommand = (name: string) => `tripcare: unknown command "${name}". Try tripcare --help.`;
export const badOption = (command: string, problem: string) => `tripcare ${command}: ${problem}`;
export const unknownOption = (command: string, option: string) => badOption(command, `unknown option ${option}`);
export const tooManyArguments = (command: string, extra: string[]) => badOption(command, `unexpected argument${extra.length > 1 ? 's' : ''} ${extra.join(' ')}`);
export const unknownSubcommand = (command: string, given: string | undefined, expected: string) =>
  badOption(command, given === undefined ? `needs "${expected}"` : `unknown command "${given}", expected "${expected}"`);
export const badEvalMode = (modes: readonly string[], given: string) => badOption('eval', `--with takes ${modes.join(', ')}, not "${given}"`);
export const badRole = (given: string) => badOption('doctor', `--role takes start, web or worker, not "${given}"`);

/** What `start` (with a terminal) and `chat` print first: where their logs went. */
export const logsGoTo = (file: string) => `tripcare: logs go to ${file}\n`;

// ---- tripcare doctor ----

export type CheckStatus = 'ok' | 'fail' | 'skip';

/** One line of doctor: status, what was checked, what was found, and on failure what to do. */
export const doctorLine = (status: CheckStatus, what: string, found: string, fix?: string) =>
  `${status.padEnd(4)}  ${what.padEnd(22)}  ${found}${fix ? ` — fix: ${fix}` : ''}\n`;

export const doctorSummary = (failed: number) =>
  failed === 0 ? 'tripcare doctor: nothing failed.\n' : `tripcare doctor: ${failed} check${failed > 1 ? 's' : ''} failed.\n`;

/** Every check's name and sentences. `fix` always names the variable to look at. */
export const doctor = {
  timedOut: (ms: number) => `no answer within ${ms} ms`,
  config: {
    what: 'configuration',
    ok: 'parses',
    fail: (problems: string) => problems,
    fix: 'correct the variables named (see .env.example)',
    roleNeedsRedis: (role: string) => `tripcare ${role} needs REDIS_URL`,
    roleNeedsRedisFix: 'set REDIS_URL and DATABASE_URL, or run tripcare start (one process)',
  },
  skippedForConfig: 'not checked: the configuration does not parse',
  postgres: {
    what: 'PostgreSQL',
    ok: (address: string) => `answers at ${address}`,
    fix: 'DATABASE_URL: check its host, port, database, user and password, and that PostgreSQL runs there',
  },
  pglite: {
    what: 'PGlite (embedded)',
    ok: (dir: string) => `opens in DATA_DIR ${dir}`,
    fresh: (dir: string) => `no database yet in DATA_DIR ${dir}; the first start creates it`,
    busy: (dir: string) => `DATA_DIR ${dir} is open in a running tripcare; not checked`,
    fix: 'DATA_DIR: point it at a writable directory that no other tripcare process uses (or set DATABASE_URL)',
  },
  migrations: {
    what: 'migrations',
    current: (n: number) => `${n} applied, current`,
    pending: (pending: number, applied: number) => `${applied} applied, ${pending} pending: the next start, web or worker applies them`,
    ahead: (versions: number[]) => `the database has migrations this tripcare does not know (${versions.join(', ')}): a newer version ran on it`,
    aheadFix: 'DATABASE_URL (or DATA_DIR): run the tripcare version that migrated it, or another database',
    cannotCreate: (pending: number) => `${pending} pending, and this role may not create tables in the schema`,
    cannotCreateFix: 'DATABASE_URL: use a role that may CREATE in the schema (DATABASE_SCHEMA), or migrate as one',
    fix: 'DATABASE_URL (or DATA_DIR): the migrations table cannot be read',
    skipped: 'not checked: the database was not opened',
  },
  redis: {
    what: 'Redis',
    ok: (address: string) => `answers at ${address}`,
    unset: 'REDIS_URL unset: state and jobs in memory (tripcare start only)',
    fix: 'REDIS_URL: check its host, port and password, and that Redis runs there',
  },
  channel: {
    what: (channel: string) => `channel ${channel}`,
    off: (variable: string) => `off (${variable} unset)`,
    offInRole: (role: string) => `off in tripcare ${role}`,
  },
  wechat: {
    ok: (appId: string) => `access token fetched for ${appId}`,
    refused: (errcode: number) => `WeChat refused the access token (errcode ${errcode})`,
    unreachable: (why: string) => `the WeChat API did not answer: ${why}`,
    fix: 'WECHAT_OA_APP_ID and WECHAT_OA_APP_SECRET (and WECHAT_OA_API_BASE); add this server to the IP allowlist',
    puppet: (name: string) => `puppet ${name} loads; it signs in at start`,
    puppetFix: 'WECHAT_PUPPET: install the puppet package, or use official-account',
  },
  telegram: {
    ok: (username: string) => `getMe: @${username}`,
    refused: (why: string) => `getMe refused: ${why}`,
    unreachable: (why: string) => `the Bot API did not answer: ${why}`,
    fix: 'TELEGRAM_BOT_TOKEN (from @BotFather), and TELEGRAM_API_ROOT if you run your own Bot API server',
  },
  webchat: {
    ok: 'WEBCHAT_SECRET set',
    ephemeral: 'WEBCHAT_SECRET unset: tokens end with this process',
    missing: 'WEBCHAT_SECRET unset: tripcare web serves no web chat without it',
    notNeeded: 'tripcare worker only sends replies: no WEBCHAT_SECRET needed',
    fix: 'WEBCHAT_SECRET: set 32 or more random characters, the same in every web and worker process',
  },
  policy: {
    what: 'policy file',
    ok: (file: string, version: string) => `${file} loads (version ${version})`,
    fix: 'POLICY_FILE: correct the file named, or unset it for the default policy',
  },
  teams: {
    what: 'teams file',
    ok: (file: string, count: number) => `${file} loads (${count} teams)`,
    fix: 'TEAMS_FILE: correct the file named, or unset it for the default teams',
  },
  defaultFile: 'the default',
};
