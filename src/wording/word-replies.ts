import type { OutboundMessage } from '../conversation/messages.ts';
import type { WordedStep, Wording, WordingRequest } from '../ports/wording.ts';
import type { Locale } from '../taxonomy.ts';
import { checkWording } from './check-wording.ts';
import type { WordingFault } from './check-wording.ts';

/** What became of one reply offered for rephrasing: sent as worded, or the template and why. */
export interface WordingOutcome {
  step: WordedStep;
  outcome: 'worded' | 'declined' | 'failed' | WordingFault;
}

const worded = new Set<string>(['restate', 'apologise'] satisfies WordedStep[]);
const isWorded = (step: string): step is WordedStep => worded.has(step);

/**
 * Rephrases the restatement and the apology, keeping each one's template unless the
 * rephrasing passes every check. Choices are left as they are; other replies are not touched.
 */
export async function wordReplies(
  messages: OutboundMessage[],
  context: { locale: Locale; facts: () => string[]; wording: Wording; onOutcome: (outcome: WordingOutcome, error?: unknown) => void },
): Promise<OutboundMessage[]> {
  return Promise.all(messages.map(async (message) => {
    const step = message.step;
    if (!isWorded(step)) return message;
    const request: WordingRequest = { step, locale: context.locale, facts: context.facts(), template: message.text };
    const { text, outcome, error } = await attempt(context.wording, request);
    context.onOutcome({ step, outcome }, error);
    return text === null ? message : { ...message, text };
  }));
}

async function attempt(wording: Wording, request: WordingRequest): Promise<{ text: string | null; outcome: WordingOutcome['outcome']; error?: unknown }> {
  let text: string | null;
  try {
    text = await wording.word(request);
  } catch (error) {
    // An LLM down or slow must never keep a traveller from an answer.
    return { text: null, outcome: 'failed', error };
  }
  if (text === null) return { text, outcome: 'declined' };
  const fault = checkWording(text, request);
  return fault ? { text: null, outcome: fault } : { text: text.trim(), outcome: 'worded' };
}
