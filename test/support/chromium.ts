import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Debian's Chromium; playwright-core brings no browser of its own. */
const executablePath = '/usr/bin/chromium';

/**
 * Whether the browser tests can run. Without the binary they are skipped with a warning,
 * except in CI, where a missing browser must fail rather than pass unnoticed.
 */
export function chromiumPresent(what: string): boolean {
  const present = existsSync(executablePath);
  if (!present && process.env.CI === 'true') throw new Error(`${executablePath} is missing; CI=true requires the ${what} (apt-get install -y chromium)`);
  if (!present) process.stderr.write(`\n  ⚠ skipping the ${what}: ${executablePath} is missing (apt-get install -y chromium)\n\n`);
  return present;
}

/** Headless, without the sandbox containers cannot give it, and with updates and sync off so it talks only to the server under test. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
