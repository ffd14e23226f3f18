import { withComplaint } from '../../src/conversation/state.ts';
import type { ConversationState } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { MessageKey, Phrase } from '../../src/i18n/render.ts';
import { pageJob } from '../../src/incidents/paging.ts';
import type { IncidentType } from '../../src/ports/incident-register.ts';
import type { Emergency } from '../../src/taxonomy.ts';
import { hear } from '../complaint/facts.ts';
import { handOff } from '../handoff.ts';
import type { FlowContext, Reply, Step, TurnInput, TurnResult } from '../types.ts';
import { emergencyNumbers } from './emergency-numbers.ts';

const safetyChoices: NonNullable<Reply['choices']> = [
  { id: 'safety:yes', label: phrase('choice.safety_yes') },
  { id: 'safety:no', label: phrase('choice.safety_no') },
];

const incidentTypeOf: Record<Emergency, IncidentType> = {
  missing_person: 'missing_person', injury: 'accident_injury', illness: 'illness', stranded: 'transport',
  threat: 'other', unsafe_vehicle: 'transport', other_danger: 'other',
};

/** Where help is needed: the last country named abroad, else mainland China if named; null when no place was named. */
function whereabouts(countries: readonly string[]): string | null {
  return countries.filter((c) => c !== 'CN').at(-1) ?? (countries.includes('CN') ? 'CN' : null);
}

/** What to do now for this kind of danger, the emergency numbers where they are, and the agency's own line. */
function guidance(kind: Emergency | null, countries: readonly string[], ctx: FlowContext): Reply {
  const lines: Phrase[] = [phrase(`safety.now.${kind ?? 'unknown'}` as MessageKey)];
  const country = whereabouts(countries);
  const numbers = country ? emergencyNumbers[country] : undefined;
  lines.push(numbers && country
    ? phrase('safety.numbers', { country: phrase(`country.${country}` as MessageKey), ...numbers })
    : phrase('safety.numbers_unknown'));
  if (ctx.emergencyPhone) lines.push(phrase('safety.agency_line', { phone: ctx.emergencyPhone }));
  lines.push(phrase('safety.paged'));
  return { step: 'safety', lines };
}

/**
 * Danger now: guidance first, then the case goes to a person at once and the manager on duty is
 * paged through an emergency incident, until someone acknowledges it.
 */
async function emergency(state: ConversationState, input: TurnInput, kind: Emergency | null, ctx: FlowContext): Promise<TurnResult> {
  const { facts } = hear(state.complaint.facts, input, ctx.policy);
  const handed = await handOff(withComplaint(state, { facts }), 'safety', ctx);
  const caseId = handed.state.complaint.caseId;
  const incident = await ctx.openIncident(`${state.key}#emergency:${state.complaint.number}`, {
    kind: 'emergency', departure: null, type: incidentTypeOf[kind ?? 'other_danger'], category: facts.category, severity: 'critical',
    location: null, description: facts.telling.join('\n'), attachments: facts.attachments, reportedBy: null,
  }, [{ conversationKey: state.key, channel: state.channel, caseId }]);
  await ctx.enqueue('incident.page', { incidentId: incident.id }, pageJob(incident.id, 0));
  return { state: handed.state, replies: [guidance(kind, facts.countries, ctx), ...handed.replies] };
}

const answerOf = (input: TurnInput): 'yes' | 'no' | null => {
  if (input.choice === 'safety:yes') return 'yes';
  if (input.choice === 'safety:no') return 'no';
  const { reply } = input.understood;
  return input.choice === null && (reply === 'yes' || reply === 'no') ? reply : null;
};

/**
 * Safety before everything (TAXONOMY.md: critical is danger now). When the safety net is sure,
 * the first reply is guidance; when it is unsure, one short question with Yes/No comes before any
 * intake, and the message waits for the answer. A "no" goes on with it as told; so does any
 * other answer that shows no danger of its own.
 */
export async function safetyFirst(state: ConversationState, input: TurnInput, ctx: FlowContext, next: Step): Promise<TurnResult> {
  const held = state.held?.question === 'safety' ? state.held : null;
  if (held) {
    const cleared = { ...state, held: null };
    const answer = answerOf(input);
    // Told that no one is in danger now: whatever the first reading, the telling is not critical.
    const told = answer === 'no' && held.understood.severity === 'critical' ? { ...held.understood, severity: 'high' as const } : held.understood;
    const together: TurnInput = { understood: told, choice: null, text: answer ? held.text : [held.text, input.text].filter(Boolean).join('\n'), attachments: [...held.attachments, ...input.attachments] };
    if (answer === 'yes' || (answer === null && input.understood.danger.level !== 'none')) {
      return emergency(cleared, together, input.understood.danger.kind ?? held.understood.danger.kind, ctx);
    }
    const result = await next(cleared, together, ctx);
    if (answer !== 'no') return result;
    const [first, ...rest] = result.replies;
    const glad = phrase('safety.glad');
    return { ...result, replies: first ? [{ ...first, lines: [glad, ...first.lines] }, ...rest] : [{ step: 'safety', lines: [glad] }] };
  }
  // Already an emergency with a person on the way: what comes now is added to it, not paged again.
  if (state.complaint.handoff?.reason === 'safety' && state.complaint.step === 'handoff') return next(state, input, ctx);
  const { danger } = input.understood;
  if (danger.level === 'certain') return emergency(state, input, danger.kind, ctx);
  if (danger.level === 'ask' && input.choice === null) {
    const asked = { question: 'safety' as const, text: input.text, attachments: input.attachments, understood: input.understood };
    return { state: { ...state, held: asked }, replies: [{ step: 'safety', lines: [phrase('safety.ask')], choices: safetyChoices }] };
  }
  return next(state, input, ctx);
}
