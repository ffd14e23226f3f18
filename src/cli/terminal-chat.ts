import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { TerminalChannel } from '../../adapters/cli/terminal-channel.ts';
import type { App } from '../app.ts';
import type { Clock } from '../ports/clock.ts';

/** Lets a person complain to the bot from the terminal. Resolves when input ends. */
export async function terminalChat(app: App, clock: Clock, input: Readable, output: Writable): Promise<void> {
  const rl = createInterface({ input, output, prompt: '> ', terminal: 'isTTY' in input && input.isTTY === true });
  const channel = new TerminalChannel(rl, output);
  app.router.register('cli', channel);
  output.write('tripcare — write to the bot as a traveller would (Chinese or English). Ctrl-D ends.\n\n');
  rl.prompt();
  // The channel prompts again after each bot message.
  for await (const line of rl) await app.engine.receive(channel.inbound(line, clock.now()));
}
