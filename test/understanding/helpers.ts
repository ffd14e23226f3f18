import { LearnedUnderstanding } from '../../src/understanding/learned/index.ts';
import type { Understood } from '../../src/ports/understanding.ts';

/** 2026-11-21 18:00 UTC is already 2026-11-22 in Shanghai: relative dates must follow the zone. */
export const options = { now: new Date('2026-11-21T18:00:00Z'), timeZone: 'Asia/Shanghai' };

const learned = new LearnedUnderstanding();

export function understand(text: string): Promise<Understood> {
  return learned.understand(text, options);
}
