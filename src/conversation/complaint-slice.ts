import type { Money } from '../money.ts';
import type { FactName, NumberFact } from '../policy/facts.ts';
import type { TripType } from '../policy/notice-schedules.ts';
import type { OfferOption } from '../policy/offer.ts';
import type { Situation } from '../policy/situations.ts';
import type { Category, Flag, Problem, Severity } from '../taxonomy.ts';
import type { Attachment, StepId } from './messages.ts';

/**
 * One fact of a complaint and where it came from: the message it was read from (an index into
 * `said`; -1 for a choice pressed), and whether it is sure. An unsure fact (a figure whose role was
 * guessed) is asked about; a sure one never again.
 */
export interface Slot<T> {
  value: T;
  from: number;
  sure: boolean;
}

/** A figure: a sum in the policy's currency or a count, said about or exactly, and the sum as named when it was another currency. */
export interface FigureSlot extends Slot<number> {
  approx: boolean;
  stated: Money | null;
}

/** The facts a complaint collects while listening; `asked` keeps each question to once. */
export interface ComplaintFacts {
  /** Every message of the traveller in this complaint, in order: what slots point back to. */
  said: string[];
  /** The traveller's own words of what happened, each telling in order. */
  telling: string[];
  category: Category | null;
  also: Category[];
  /** Every problem the traveller named, in the order named: each stays a problem of the case. */
  problems: Problem[];
  severity: Severity;
  flags: Flag[];
  /** A tour code or order number, or the traveller's words when they gave neither. */
  tour: Slot<string> | null;
  /** An ISO date, or the traveller's words. */
  when: Slot<string> | null;
  people: Slot<number> | null;
  wants: Slot<Wants> | null;
  /** The figures the policy needs, in its currency (unchecked until staff verify). */
  figures: Partial<Record<NumberFact, FigureSlot>>;
  tripType: Slot<TripType> | null;
  amounts: Money[];
  /** Figures the traveller could not give: staff find them out. */
  unknownFigures: FactName[];
  attachments: Attachment[];
  /** ISO codes of the countries named so far, in the order named: where to send help. */
  countries: string[];
  /** Questions asked so far, each at most once (but `what`, which the case cannot do without). */
  asked: FactQuestion[];
  /** The question the last reply asked, if any. */
  awaiting: FactQuestion | null;
}

/** What the traveller wants: one of the usual answers, or their own words. */
export type Wants = { kind: 'compensation' | 'fix' | 'apology' } | { words: string };

/** The facts asked for, the figures the policy needs, and the open questions: what was wrong in a restatement, and what would be fair. */
export type FactQuestion = 'what' | 'tour' | 'when' | 'people' | 'wants' | 'correction' | 'preference' | `figure:${FactName}`;

/** The offer made in this complaint: one remedy per situation, parts that add up to one total. */
export interface OfferMade {
  situations: Situation[];
  options: (OfferOption & { situation: Situation | null })[];
  /** null while an amount waits for staff. */
  total: number | null;
  needsApproval: boolean;
  policyVersion: string;
}

/** Why the bot hands a conversation to a person. */
export const handoffReasons = ['asked_for_person', 'asked_for_manager', 'safety', 'external_threat', 'not_satisfied', 'remedy_refused'] as const;

export interface Handoff {
  reason: (typeof handoffReasons)[number];
  /** ISO time by which a person answers. */
  dueAt: string;
}

/** The complaint under way in a conversation, owned by the complaint flow. */
export interface ComplaintSlice {
  /** The slice's shape; see migrations.ts. */
  v: 2;
  step: StepId;
  facts: ComplaintFacts;
  /** Increments with each new complaint in one conversation; keys the case's idempotency. */
  number: number;
  caseId: string | null;
  offer: OfferMade | null;
  handoff: Handoff | null;
  /** Method steps this complaint has been through, in order. */
  trail: StepId[];
}

export const emptyFacts = (): ComplaintFacts => ({
  said: [], telling: [], category: null, also: [], problems: [], severity: 'low', flags: [],
  tour: null, when: null, people: null, wants: null, figures: {}, tripType: null, amounts: [],
  unknownFigures: [], attachments: [], countries: [], asked: [], awaiting: null,
});

export const newComplaint = (number = 1): ComplaintSlice => ({
  v: 2, step: 'listen', facts: emptyFacts(), number, caseId: null, offer: null, handoff: null, trail: [],
});

/** A slot's value, or null. */
export const valueOf = <T>(slot: Slot<T> | null | undefined): T | null => slot?.value ?? null;

/** The figures as plain numbers, for the policy. */
export const figureNumbers = (facts: ComplaintFacts): Partial<Record<NumberFact, number>> =>
  Object.fromEntries(Object.entries(facts.figures).map(([name, slot]) => [name, slot.value]));

/** The facts as the case register keeps them: plain values, and the traveller's words each came from. */
export type RecordedFacts = {
  telling: string[];
  tour: string | null;
  when: string | null;
  people: number | null;
  wants: Wants | null;
  amounts: Money[];
  figures: { numbers: Partial<Record<NumberFact, number>>; tripType: TripType | null };
  unknownFigures: FactName[];
  attachments: Attachment[];
  /** By fact name, the message it was read from, for staff to see what the traveller said. */
  sources: Record<string, string>;
};

export function recordedFacts(facts: ComplaintFacts): RecordedFacts {
  const slots: Record<string, Slot<unknown> | null> = {
    tour: facts.tour, when: facts.when, people: facts.people, wants: facts.wants, tripType: facts.tripType, ...facts.figures,
  };
  const sources = Object.fromEntries(Object.entries(slots).flatMap(([name, slot]) => {
    const said = slot && slot.from >= 0 ? facts.said[slot.from] : undefined;
    return said === undefined ? [] : [[name, said]];
  }));
  return {
    telling: facts.telling, tour: valueOf(facts.tour), when: valueOf(facts.when), people: valueOf(facts.people), wants: valueOf(facts.wants),
    amounts: facts.amounts, figures: { numbers: figureNumbers(facts), tripType: valueOf(facts.tripType) },
    unknownFigures: facts.unknownFigures, attachments: facts.attachments, sources,
  };
}
