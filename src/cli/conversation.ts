import type { Readable, Writable } from 'node:stream';
import { JsonLinesChannel } from '../../adapters/cli/json-lines-channel.ts';
import { scriptLine } from '../../adapters/cli/script-line.ts';
import { createApp, memoryParts } from '../app.ts';
import { channels } from '../conversation/messages.ts';
import { ManualClock } from '../clock/manual-clock.ts';
import { SystemClock } from '../clock/system-clock.ts';
import type { Config } from '../config.ts';
import { loadPolicy } from '../policy/policy-file.ts';
import type { Logger } from '../log.ts';
import { parseJson } from '../validation.ts';
import { numberedLines } from './lines.ts';

export interface ConversationRun {
  input: Readable;
  output: Writable;
  config: Config;
  log: Logger;
  /** Replay: a clock that jumps past each burst window, so a script runs without waiting. */
  replay: boolean;
}

/**
 * `tripcare chat --json` and `tripcare replay`: script lines in, bot messages
 * and filed cases out as JSON lines. Resolves false if any line was bad.
 */
export async function runJsonConversation({ input, output, config, log, replay }: ConversationRun): Promise<boolean> {
  const clock = replay ? new ManualClock() : new SystemClock();
  const app = createApp({ config, parts: memoryParts(clock, log), policy: await loadPolicy(config.POLICY_FILE), clock, log });
  app.engine.work();
  const channel = new JsonLinesChannel(output);
  for (const c of channels) app.router.register(c, channel);
  app.engine.on('case', (record) => channel.caseFiled(record));

  // Past the burst window every pending telling has been handled.
  const settle = async () => {
    if (clock instanceof ManualClock) clock.advance(config.BURST_WINDOW_MS);
    else await new Promise((resolve) => setTimeout(resolve, config.BURST_WINDOW_MS + 50));
    await app.parts.jobs.idle();
  };

  let allGood = true;
  for await (const { n, line } of numberedLines(input)) {
    const parsed = parseJson(line, scriptLine);
    if ('error' in parsed) {
      channel.badLine(n, parsed.error);
      allGood = false;
      continue;
    }
    await app.engine.receive(channel.inbound(parsed.data, n, clock.now()));
    if (replay) await settle();
  }
  await settle();
  await app.close();
  return allGood;
}
