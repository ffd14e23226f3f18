import { withAftercare } from '../src/conversation/state.ts';
import type { ConversationState } from '../src/conversation/state.ts';
import { phrase } from '../src/i18n/render.ts';
import type { MessageKey, Phrase } from '../src/i18n/render.ts';
import type { Money } from '../src/money.ts';
import type { Incident } from '../src/ports/incident-register.ts';
import type { FlowContext, TurnInput, TurnResult } from './types.ts';
import { handOff } from './handoff.ts';
import { said } from './said.ts';

/** What happened, in the traveller's words: the incident's type, and its tour when known. */
const what = (incident: Pick<Incident, 'type' | 'departure'>): Record<string, Phrase | string> => ({
  what: phrase(`incident.type.${incident.type}` as MessageKey),
  tour: incident.departure?.tourCode ?? '',
});

/** The agency writes first: sorry about what happened, and (when staff chose one) a remedy already decided. */
export const reachedOut = (state: ConversationState, { incident, remedy }: { incident: Incident; remedy: Money | null }): TurnResult => ({
  state,
  replies: [{
    step: 'notice',
    lines: [phrase('outreach.apology', what(incident)), ...(remedy ? [phrase('outreach.remedy', { amount: remedy })] : []), phrase('outreach.invite')],
    keepChoices: true,
  }],
});

const settlementChoices = [
  { id: 'settlement:accept', label: phrase('choice.settlement_accept') },
  { id: 'settlement:decline', label: phrase('choice.settlement_decline') },
];

/**
 * One settlement for everyone a group complaint affects, with the policy's bonus for accepting
 * early; the offer goes in the ledger under the traveller's case.
 */
export async function settlementOffered(state: ConversationState, offer: { incidentId: string; caseId: string | null; amount: number }, ctx: FlowContext): Promise<TurnResult> {
  const caseId = offer.caseId ?? state.complaint.caseId;
  if (caseId) await ctx.promise(caseId, 'offer', { settlement: offer.incidentId, amount: offer.amount });
  const money = (amount: number) => ({ amount, currency: ctx.policy.currency });
  const tiers = ctx.policy.incentiveTiers.map((t) => phrase('settlement.tier', { hours: t.withinHours, percent: t.percent }));
  return {
    state: withAftercare(state, { settlement: { incidentId: offer.incidentId, caseId, amount: offer.amount, offeredAt: ctx.now.toISOString() } }),
    replies: [{ step: 'propose', lines: [phrase('settlement.offer', { amount: money(offer.amount) }), ...tiers, phrase('settlement.ask')], choices: settlementChoices }],
  };
}

/** The traveller's answer to a group settlement: accepted (with the bonus the time earns), or declined (a person takes over). */
export async function answerSettlement(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult | null> {
  const offer = state.aftercare.settlement;
  if (!offer) return null;
  const rest = { ...state, settlement: null };
  if (said(input, 'settlement:accept', 'yes')) {
    const bonus = ctx.policy.groupBonus(offer.amount, new Date(offer.offeredAt), ctx.now);
    const total = offer.amount + bonus.amount;
    if (offer.caseId) await ctx.promise(offer.caseId, 'acceptance', { settlement: offer.incidentId, amount: offer.amount, bonus: bonus.amount, percent: bonus.percent, total });
    return { state: rest, replies: [{ step: 'confirm', lines: [phrase('settlement.accepted', { total: { amount: total, currency: ctx.policy.currency } })] }] };
  }
  if (said(input, 'settlement:decline', 'no')) {
    if (offer.caseId) await ctx.promise(offer.caseId, 'refusal', { settlement: offer.incidentId, amount: offer.amount });
    return handOff(rest, 'remedy_refused', ctx);
  }
  return null;
}
