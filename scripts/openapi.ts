/**
 * The console API's OpenAPI document, outside a running server.
 *
 *   node scripts/openapi.ts         prints it (JSON) on stdout
 *   node scripts/openapi.ts lint    lints it with redocly (redocly.yaml: the recommended rules,
 *                                   warnings as errors); fails on any problem, ignored ones too
 *
 * `npm run lint:openapi` runs the second.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../src/console/openapi.ts';

const text = `${JSON.stringify(openApiDocument, null, 2)}\n`;
const [command] = process.argv.slice(2);

if (command === undefined) {
  process.stdout.write(text);
} else if (command === 'lint') {
  process.exitCode = lint();
} else {
  process.stderr.write(`unknown command "${command}": node scripts/openapi.ts [lint]\n`);
  process.exitCode = 2;
}

/**
 * Lints the document once for its totals (JSON), printed as one line; when there are problems,
 * lints it again to show them as redocly does (code frames), and fails.
 */
function lint(): number {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
  const dir = mkdtempSync(join(tmpdir(), 'tripcare-openapi-'));
  const redoclyLint = (file: string, format: string, output: 'pipe' | 'inherit') => {
    const run = spawnSync(process.execPath, [redocly, 'lint', file, '--config', join(root, 'redocly.yaml'), '--format', format], {
      cwd: root,
      stdio: ['ignore', output, output],
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    if (run.error) throw run.error;
    return run;
  };
  try {
    const file = join(dir, 'console-openapi.json');
    writeFileSync(file, text);
    const run = redoclyLint(file, 'json', 'pipe');
    const totals = parseTotals(run.stdout);
    if (!totals) {
      process.stderr.write(`${run.stdout}${run.stderr}redocly lint gave no totals (exit status ${run.status})\n`);
      return 1;
    }
    const operations = Object.values(openApiDocument.paths).reduce((n, path) => n + Object.keys(path).length, 0);
    const line = `${totals.errors} errors, ${totals.warnings} warnings, ${totals.ignored} ignored`;
    if (run.status === 0 && totals.errors + totals.warnings + totals.ignored === 0) {
      process.stdout.write(`openapi: ${line} (${operations} operations; rules in redocly.yaml)\n`);
      return 0;
    }
    redoclyLint(file, 'codeframe', 'inherit');
    process.stderr.write(`openapi: ${line}\n`);
    return 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseTotals(json: string): { errors: number; warnings: number; ignored: number } | undefined {
  try {
    const { totals } = JSON.parse(json) as { totals?: { errors: number; warnings: number; ignored: number } };
    return totals;
  } catch {
    return undefined;
  }
}
