import type { ConversationState } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { MessageKey } from '../src/i18n/render.ts';
import type { Intent } from '../src/taxonomy.ts';
import { betweenComplaints } from './feedback.ts';
import type { FlowContext, Reply, Step, TurnInput, TurnResult } from './types.ts';

/** Below this confidence in what a message is for, the bot asks instead of guessing (see the README's calibration table). */
export const intentSure = 0.55;

/** Where each intent leads; only intents that lead somewhere different are worth a question. */
const leadsTo: Record<Intent, string> = {
  complaint: 'complaint', answer: 'complaint', other: 'complaint', suggestion: 'feedback', praise: 'feedback',
  status_query: 'status', rights_question: 'rights', wants_human: 'person', done: 'end',
};
/** What a traveller can say they want; `done`, `answer` and `other` are nothing to choose. */
const offerable: ReadonlySet<Intent> = new Set(['complaint', 'suggestion', 'praise', 'status_query', 'rights_question', 'wants_human']);

function choicesFor(likely: readonly Intent[]): NonNullable<Reply['choices']> {
  // A complaint is always on offer when unsure: it is never to be lost as something else.
  const intents = [...new Set<Intent>(['complaint', ...likely.filter((i) => offerable.has(i))])];
  return intents.map((i) => ({ id: `intent:${i}`, label: phrase(`intent.${i}` as MessageKey) }));
}

const chosenIntent = (choice: string | null): Intent | null =>
  choice?.startsWith('intent:') && offerable.has(choice.slice('intent:'.length) as Intent) ? (choice.slice('intent:'.length) as Intent) : null;

/**
 * Between complaints, a message the model is unsure about, between readings that lead to different
 * places, is held and the traveller is asked what they would like. Their choice decides; anything
 * typed instead goes on with both messages as one telling.
 */
export async function askWhatFor(state: ConversationState, input: TurnInput, ctx: FlowContext, next: Step): Promise<TurnResult> {
  const held = state.held?.question === 'intent' ? state.held : null;
  if (held) {
    const cleared: ConversationState = { ...state, held: null };
    const intent = chosenIntent(input.choice);
    const text = intent ? held.text : [held.text, input.text].filter(Boolean).join('\n');
    const understood = intent ? { ...held.understood, intent } : await ctx.understand(text);
    return next(cleared, { text, choice: null, attachments: [...held.attachments, ...input.attachments], understood }, ctx);
  }
  const u = input.understood;
  const routes = new Set(u.likely.intents.map((i) => leadsTo[i]));
  const unsure = u.confidence.intent < intentSure && routes.size > 1 && u.language !== null;
  // Right after a suggestion or praise, what follows is read as more of it (feedback.ts), not asked about.
  if (input.choice !== null || !betweenComplaints(state) || !unsure || state.aftercare.feedback !== null) return next(state, input, ctx);
  return {
    state: { ...state, held: { question: 'intent', text: input.text, attachments: input.attachments, understood: u } },
    replies: [{ step: 'listen', lines: [phrase('clarify.intent')], choices: choicesFor(u.likely.intents) }],
  };
}
