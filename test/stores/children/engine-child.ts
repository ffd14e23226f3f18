// One tripcare engine process on the production parts, driven over IPC by the fault tests:
// { type: 'receive', message } → 'acked' or 'failed'; every reply sent → 'sending', then 'sent'.
// SLOW_SEND_MS and SLOW_UNDERSTAND_MS hold a turn at that point, so a test can kill it there;
// SLOW_SEND_STEP holds only the replies of that step.
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../../../src/app.ts';
import { SystemClock } from '../../../src/clock/system-clock.ts';
import { loadConfig } from '../../../src/config.ts';
import type { InboundMessage } from '../../../src/conversation/messages.ts';
import { createLogger } from '../../../src/log.ts';
import { loadPolicy } from '../../../src/policy/policy-file.ts';
import { LearnedUnderstanding } from '../../../src/understanding/learned/index.ts';
import { openParts } from '../../../src/wiring.ts';

const tell = (message: Record<string, unknown>) => process.send?.(message);
const slowSendMs = Number(process.env.SLOW_SEND_MS ?? 0);
const slowSendStep = process.env.SLOW_SEND_STEP;
const slowUnderstandMs = Number(process.env.SLOW_UNDERSTAND_MS ?? 0);

const config = loadConfig({ ...process.env, BURST_WINDOW_MS: '0', LOG_LEVEL: 'silent' });
const clock = new SystemClock();
const log = createLogger('silent');
const { parts } = await openParts(config, clock, log);
const rules = new LearnedUnderstanding();
const app = createApp({
  config, parts, policy: await loadPolicy(), clock, log,
  understanding: {
    async understand(text, options) {
      tell({ type: 'understanding', text });
      if (slowUnderstandMs) await sleep(slowUnderstandMs);
      return rules.understand(text, options);
    },
  },
});
app.router.register('webchat', {
  async send(m) {
    tell({ type: 'sending', conversationId: m.conversationId, turn: m.turn, step: m.step });
    if (slowSendMs && (!slowSendStep || m.step === slowSendStep)) await sleep(slowSendMs);
    tell({ type: 'sent', conversationId: m.conversationId, turn: m.turn, step: m.step, text: m.text });
  },
});

const recovered = await app.engine.recover();
tell({ type: 'ready', recovered });

process.on('message', (m: { type: string; message?: InboundMessage & { receivedAt: string } }) => {
  if (m.type === 'close') void app.close().then(() => process.exit(0));
  if (m.type !== 'receive' || !m.message) return;
  const message = { ...m.message, receivedAt: new Date(m.message.receivedAt) };
  app.engine.receive(message).then(
    () => tell({ type: 'acked', id: message.messageId }),
    (e: unknown) => tell({ type: 'failed', id: message.messageId, error: String(e) }),
  );
});
