import { figureNumbers, valueOf } from '../../src/conversation/complaint-slice.ts';
import type { ComplaintFacts, FactQuestion, FigureSlot } from '../../src/conversation/state.ts';
import type { AgencyPolicy, Remedy } from '../../src/policy/agency-policy.ts';
import { moneyFacts } from '../../src/policy/facts.ts';
import type { FactName, MoneyFact, NumberFact } from '../../src/policy/facts.ts';
import { countSchema, moneySchema } from '../../src/policy/limits.ts';
import type { Situation } from '../../src/policy/situations.ts';
import type { Figure, FigureRole } from '../../src/ports/understanding.ts';
import { smallCountIn, tripTypeIn } from '../../src/understanding/rules/answer-words.ts';
import type { TurnInput } from '../types.ts';
import type { Heard } from './facts.ts';

/** Figures a traveller can tell; the rest (contract terms, costs not yet incurred…) staff find out. */
const askable = [
  'tripType', 'fee', 'noticeDays', 'priceDifference', 'missedItemsCost', 'unticketedAttractions',
  'occurrences', 'extrasCost', 'purchasePrice', 'surcharge', 'suspendedCosts', 'directLoss',
] as const satisfies readonly FactName[];
export type AskableFact = (typeof askable)[number];
type NumberAskable = Exclude<AskableFact, 'tripType'>;
const isAskable = (f: FactName): f is AskableFact => (askable as readonly FactName[]).includes(f);
const counts: ReadonlySet<NumberFact> = new Set(['noticeDays', 'unticketedAttractions', 'occurrences']);
/** A count asked for beyond this is a slip of the keyboard, asked about again. */
const plausibleCount: Partial<Record<NumberFact, number>> = { noticeDays: 365, occurrences: 20, unticketedAttractions: 30 };

export const figureQuestion = (name: FactName): FactQuestion => `figure:${name}`;
export const figureAsked = (q: FactQuestion): AskableFact | null => {
  const name = q.startsWith('figure:') ? q.slice('figure:'.length) : null;
  return name && isAskable(name as FactName) ? (name as AskableFact) : null;
};

/** Why a figure given was not kept: it cannot be right as it stands. */
export type FigureDoubt = 'more_than_fee' | 'implausible';

/** The remedy for each situation the complaint falls under, from the figures known so far. */
export function remediesFor(facts: ComplaintFacts, policy: AgencyPolicy): { situation: Situation; remedy: Remedy }[] {
  const numbers = figureNumbers(facts);
  const tripType = valueOf(facts.tripType);
  // Everything the traveller told us is unchecked until staff verify it.
  const unverified: FactName[] = [...(Object.keys(numbers) as NumberFact[]), ...(tripType ? ['tripType' as const] : [])];
  return policy.situationsOf(facts.category ?? 'other', facts.problems).map((situation) => ({
    situation,
    remedy: policy.remedy({ situation, ...numbers, tripType, unverified }),
  }));
}

/** The next figure to ask for: needed, askable, not asked before (or unsure), and not one the traveller could not give. */
export function nextFigure(facts: ComplaintFacts, remedies: { remedy: Remedy }[]): AskableFact | null {
  const missing = remedies.flatMap((r) => r.remedy.missing).filter(isAskable);
  const unsure = (Object.entries(facts.figures) as [NumberFact, FigureSlot][]).filter(([, s]) => !s.sure).map(([name]) => name as FactName).filter(isAskable);
  return [...missing, ...unsure].find((f) => !facts.asked.includes(figureQuestion(f)) && !facts.unknownFigures.includes(f)) ?? null;
}

/** A sum in the policy's currency (null when its currency has no rate), a total for the party when it was given per person. */
function sumOf(figure: Figure, facts: ComplaintFacts, policy: AgencyPolicy): { value: number; sure: boolean } | null {
  const value = figure.currency ? policy.inCurrency({ amount: figure.value, currency: figure.currency }) : figure.value;
  if (value === null) return null;
  if (!figure.perPerson) return { value, sure: true };
  const people = valueOf(facts.people);
  // Per person with no head count: kept, but asked again once the party is known.
  return people ? { value: Math.round(value * people * 100) / 100, sure: true } : { value, sure: false };
}

/** Whether a figure can stand: in range, and a price difference no larger than the fee. */
function doubtOf(name: NumberFact, value: number, facts: ComplaintFacts): FigureDoubt | null {
  if (counts.has(name)) return countSchema.safeParse(value).success && value <= (plausibleCount[name] ?? Infinity) ? null : 'implausible';
  if (!moneySchema.safeParse(value).success) return 'implausible';
  const fee = facts.figures.fee?.value;
  if (name === 'priceDifference' && fee !== undefined && value > fee) return 'more_than_fee';
  if (name === 'fee' && facts.figures.priceDifference && facts.figures.priceDifference.value > value) return 'more_than_fee';
  return null;
}

const slotOf = (figure: Figure, sum: { value: number; sure: boolean }, from: number): FigureSlot => ({
  value: sum.value, from, sure: sum.sure, approx: figure.approx,
  stated: figure.currency && figure.money ? { amount: figure.value, currency: figure.currency } : null,
});

/**
 * The role each figure of a message plays. Its words may say (「团费9800」, 「两个购物店」); a result
 * the traveller worked out takes the role of the part before it ("tickets 180 each, so 360 for us
 * both"); a sum for the whole party with nothing else to be is the tour fee ("8,000 yuan for the 4
 * of us", "70 each, 140 for two"), and so is a sum paid with no word of what for ("we paid 9,800"),
 * unless a figure was just asked for: then it is the answer.
 */
export function rolesOf(figures: readonly Figure[], answering: boolean): { figure: Figure; role: FigureRole | null }[] {
  const placed: { figure: Figure; role: FigureRole | null }[] = [];
  for (const figure of figures) {
    const before = placed.at(-1);
    let role = figure.role;
    if (role === null && figure.total && figure.money && before?.figure.money) role = before.role;
    if (role === null && (figure.total || figure.paid) && figure.money && !answering) role = 'fee';
    placed.push({ figure, role });
  }
  // A part with its total beside it: the total stands.
  return placed.filter((p, i) => !(p.figure.perPerson && placed.some((q, j) => j > i && q.role === p.role && q.figure.total)));
}

/** Whether the question open is one for a figure: a bare sum then answers it. */
const answeringFigure = (facts: ComplaintFacts): boolean => facts.awaiting !== null && figureAsked(facts.awaiting) !== null;

/**
 * The figures a message gives, each in the slot of its role unless that is known already (a
 * correction, or a result worked out in the same message, replaces it); one that cannot be right
 * is left out, to be asked.
 */
export function figuresTold(facts: ComplaintFacts, figures: readonly Figure[], from: number, correcting: boolean, policy: AgencyPolicy): ComplaintFacts['figures'] {
  const next = { ...facts.figures };
  for (const { figure, role } of rolesOf(figures, answeringFigure(facts))) {
    if (role === null) continue;
    const known = next[role];
    if (known?.sure && !correcting && known.from !== from) continue;
    const sum = figure.money ? sumOf(figure, facts, policy) : { value: figure.value, sure: true };
    if (sum && doubtOf(role, sum.value, { ...facts, figures: next }) === null) next[role] = slotOf(figure, sum, from);
  }
  return next;
}

const isMoney = (f: FactName): f is MoneyFact => (moneyFacts as readonly FactName[]).includes(f);

/** The sums of money a situation's clause needs, whatever is known: what `remedy` lists as missing when nothing is. */
const moneyNeeded = (policy: AgencyPolicy, situations: readonly Situation[]): Set<MoneyFact> =>
  new Set(situations.flatMap((situation) => policy.remedy({ situation, unverified: [] }).missing).filter(isMoney));

/**
 * A sum told whose words gave it no role, or a role no clause of this complaint uses (「多收了400」
 * read as extras on an age surcharge), is the one sum still needed when exactly one is, and it is
 * the only such sum: it moves there, and the restatement shows it for the traveller to correct.
 * (A part is never more than the fee: doubtOf.)
 */
export function fitToSituations(facts: ComplaintFacts, told: readonly Figure[], from: number, policy: AgencyPolicy): ComplaintFacts['figures'] {
  const needed = moneyNeeded(policy, policy.situationsOf(facts.category ?? 'other', facts.problems));
  const missing = [...needed].filter((f) => f !== 'fee' && facts.figures[f] === undefined);
  const placed = rolesOf(told, answeringFigure(facts));
  // A sum paid ("we paid 1,120 for it") taken for the fee is another sum once a problem is named whose clause needs no fee.
  const guessedFee = facts.figures.fee?.from === from && facts.problems.length > 0 && !told.some((f) => f.role === 'fee')
    && placed.some((p) => p.role === 'fee' && p.figure.role === null);
  const misplaced = (Object.keys(facts.figures) as NumberFact[])
    .filter((f): f is MoneyFact => isMoney(f) && !needed.has(f) && (f !== 'fee' || guessedFee));
  // A bare sum may be the tour fee itself: only once the fee is known (or not needed) is it taken for a part.
  const feeSettled = facts.figures.fee !== undefined || !needed.has('fee');
  const roleless = feeSettled ? placed.filter((p) => p.role === null && p.figure.money && !p.figure.perPerson).map((p) => p.figure) : [];
  const inPolicyCurrency = (f: Figure) => policy.inCurrency({ amount: f.value, currency: f.currency ?? policy.currency });
  const spare = [...new Set([...misplaced.map((f) => facts.figures[f]?.value), ...roleless.map(inPolicyCurrency)])].filter((v) => v !== null && v !== undefined);
  const [role] = missing;
  if (missing.length !== 1 || spare.length !== 1 || role === undefined) return facts.figures;
  const moved = misplaced[0];
  if (moved !== undefined) {
    const { [moved]: slot, ...rest } = facts.figures;
    return { ...rest, [role]: slot };
  }
  const figure = roleless[0] as Figure;
  const sum = sumOf(figure, facts, policy);
  if (sum === null || doubtOf(role, sum.value, facts) !== null) return facts.figures;
  return { ...facts.figures, [role]: slotOf(figure, sum, from) };
}

/**
 * The figure that answers a question, among those of the message: the result worked out, else
 * the one figure given, else a sum per person (for the party); null when it is unclear which.
 */
function answerAmong(figures: readonly Figure[]): Figure | null {
  const worked = figures.filter((f) => f.total).at(-1);
  if (worked) return worked;
  const whole = figures.filter((f) => !f.perPerson);
  if (new Set(whole.map((f) => f.value)).size === 1) return whole[0] ?? null;
  return whole.length === 0 ? (figures.find((f) => f.perPerson) ?? null) : null;
}

/** The answer to a figure question: a number (or the sum for the party), "don't know", or a doubt to ask about again. */
export function takeFigureAnswer(facts: ComplaintFacts, name: AskableFact, input: TurnInput, from: number, unknown: boolean, policy: AgencyPolicy): Heard {
  const dontKnow = { facts: { ...facts, unknownFigures: [...new Set([...facts.unknownFigures, name])] }, fits: true };
  if (unknown) return dontKnow;
  if (name === 'tripType') {
    const abroad = input.understood.entities.countries.some((c) => c !== 'CN');
    const said = tripTypeIn(input.text);
    const tripType = input.choice === 'trip:domestic' || said === 'domestic' ? 'domestic' : input.choice === 'trip:outbound' || said === 'outbound' || abroad ? 'outbound' : null;
    return tripType ? { facts: { ...facts, tripType: { value: tripType, from, sure: true } }, fits: true } : { facts, fits: false };
  }
  // The message named it with its role: figuresTold has it, or left it out as doubtful.
  if (facts.figures[name]?.from === from) return { facts, fits: true };
  const fitting = input.understood.entities.figures.filter((f) => (f.role === null || f.role === name) && (counts.has(name) ? !f.money : true));
  const chosen = answerAmong(fitting);
  const small = counts.has(name) ? smallCountIn(input.text) : null;
  const figure: Figure | null = chosen ?? (small === null ? null : { role: name, value: small, currency: null, money: false, perPerson: false, approx: false, total: false, paid: false });
  // Nothing that answers it: a figure of another role went to its own slot, and this question stays open.
  if (figure === null) return { facts, fits: false };
  if (!figure.money && !counts.has(name) && figure.value < 1) return { facts, fits: false };
  const sum = figure.money ? sumOf(figure, facts, policy) : { value: figure.value, sure: true };
  if (sum === null) return dontKnow; // a currency with no rate: staff convert it
  const doubt = doubtOf(name as NumberAskable, sum.value, facts);
  if (doubt) return { facts, fits: false, doubt };
  return { facts: { ...facts, figures: { ...facts.figures, [name]: slotOf(figure, sum, from) } }, fits: true };
}
