import type { ComplaintFacts, FactQuestion } from '../../src/conversation/state.ts';
import type { AgencyPolicy, Remedy } from '../../src/policy/agency-policy.ts';
import type { FactName, NumberFact } from '../../src/policy/facts.ts';
import { countSchema, moneySchema } from '../../src/policy/limits.ts';
import type { Situation } from '../../src/policy/situations.ts';
import type { TurnInput } from '../types.ts';

/** Figures a traveller can tell; the rest (contract terms, costs not yet incurred…) staff find out. */
const askable = [
  'tripType', 'fee', 'noticeDays', 'priceDifference', 'missedItemsCost', 'unticketedAttractions',
  'occurrences', 'extrasCost', 'purchasePrice', 'surcharge', 'suspendedCosts', 'directLoss',
] as const satisfies readonly FactName[];
export type AskableFact = (typeof askable)[number];
const isAskable = (f: FactName): f is AskableFact => (askable as readonly FactName[]).includes(f);
const counts: ReadonlySet<AskableFact> = new Set(['noticeDays', 'unticketedAttractions', 'occurrences']);
const chineseDigits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export const figureQuestion = (name: FactName): FactQuestion => `figure:${name}`;

/** The remedy for each situation the complaint falls under, from the figures known so far. */
export function remediesFor(facts: ComplaintFacts, policy: AgencyPolicy): { situation: Situation; remedy: Remedy }[] {
  const { numbers, tripType } = facts.figures;
  // Everything the traveller told us is unchecked until staff verify it.
  const unverified: FactName[] = [...(Object.keys(numbers) as NumberFact[]), ...(tripType ? ['tripType' as const] : [])];
  return policy.situationsOf(facts.category ?? 'other', facts.problems).map((situation) => ({
    situation,
    remedy: policy.remedy({ situation, ...numbers, tripType, unverified }),
  }));
}

/** The next figure to ask the traveller for: needed, askable, and not asked before. */
export function nextFigure(facts: ComplaintFacts, remedies: { remedy: Remedy }[]): AskableFact | null {
  const missing = remedies.flatMap((r) => r.remedy.missing).filter(isAskable);
  return missing.find((f) => !facts.asked.includes(figureQuestion(f)) && !facts.unknownFigures.includes(f)) ?? null;
}

/** Takes the answer to a figure question; what cannot be read as one is left for staff to find out. */
export function answerFigure(facts: ComplaintFacts, name: AskableFact, input: TurnInput, currency: string): ComplaintFacts {
  const dontKnow = { ...facts, unknownFigures: [...new Set([...facts.unknownFigures, name])] };
  if (name === 'tripType') {
    const tripType = input.choice === 'trip:domestic' ? 'domestic' : input.choice === 'trip:outbound' ? 'outbound' : null;
    return tripType ? { ...facts, figures: { ...facts.figures, tripType } } : dontKnow;
  }
  const value = counts.has(name) ? readCount(input.text) : readMoney(input, currency);
  const valid = value !== null && (counts.has(name) ? countSchema : moneySchema).safeParse(value).success;
  if (!valid || input.choice === 'skip') return dontKnow;
  return { ...facts, figures: { ...facts.figures, numbers: { ...facts.figures.numbers, [name]: value } } };
}

function readCount(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,3}$/.test(t)) return Number(t);
  const digit = chineseDigits[t.replace(/[次个個家处處]$/, '')];
  return digit ?? null;
}

/** A sum in the policy's currency: one the message names, or a bare number. Another currency is for staff. */
function readMoney(input: TurnInput, currency: string): number | null {
  const [amount] = input.understood.entities.amounts;
  if (amount) return amount.currency === currency ? amount.amount : null;
  const bare = input.text.trim().replace(/,/g, '');
  return /^\d+(\.\d{1,2})?$/.test(bare) ? Number(bare) : null;
}
