import { newAftercareSlice } from './aftercare-slice.ts';
import { emptyFacts, newComplaint } from './complaint-slice.ts';
import type { ComplaintFacts, ComplaintSlice, Slot } from './complaint-slice.ts';
import { newGuideSlice } from './guide-slice.ts';
import { stateVersion } from './state.ts';
import type { Burst, ConversationState } from './state.ts';

/**
 * States live for weeks in Redis, across upgrades: every stored state is brought to today's shape
 * on read, in the spirit of grammY's session migrations. The envelope has a `version`, each slice a
 * `v`; each change of shape adds one step to its chain, and a state never written by a tripcare is
 * refused rather than guessed at.
 */

type Stored = Record<string, unknown>;

export class StateShapeError extends Error {}

const isObject = (x: unknown): x is Stored => typeof x === 'object' && x !== null && !Array.isArray(x);
const or = <T>(value: unknown, fallback: T): T => (value === undefined || value === null ? fallback : (value as T));

/** A fact as tripcare 1 kept it (a bare value) as a slot: its source is unknown, and it was taken as sure. */
const slotOf = <T>(value: unknown): Slot<T> | null => (value === undefined || value === null ? null : { value: value as T, from: -1, sure: true });

/** Complaint slice v1 (facts as bare values) → v2 (facts as slots with where they came from). */
function complaintV1toV2(slice: Stored): ComplaintSlice {
  const old = isObject(slice.facts) ? slice.facts : {};
  const fresh = emptyFacts();
  const figures = isObject(old.figures) ? old.figures : {};
  const numbers = isObject(figures.numbers) ? figures.numbers : {};
  const telling = or<string[]>(old.telling, []);
  const facts: ComplaintFacts = {
    ...fresh,
    said: telling,
    telling,
    category: or(old.category, fresh.category),
    also: or(old.also, fresh.also),
    problems: or(old.problems, fresh.problems),
    severity: or(old.severity, fresh.severity),
    flags: or(old.flags, fresh.flags),
    tour: slotOf(old.tour),
    when: slotOf(old.when),
    people: slotOf(old.people),
    wants: slotOf(old.wants),
    figures: Object.fromEntries(Object.entries(numbers).map(([name, value]) => [name, { value, from: -1, sure: true, approx: false, stated: null }])),
    tripType: slotOf(figures.tripType),
    amounts: or(old.amounts, fresh.amounts),
    unknownFigures: or(old.unknownFigures, fresh.unknownFigures),
    attachments: or(old.attachments, fresh.attachments),
    countries: or(old.countries, fresh.countries),
    asked: or(old.asked, fresh.asked),
    awaiting: or(old.awaiting, fresh.awaiting),
  };
  return { ...newComplaint(), ...(slice as Partial<ComplaintSlice>), v: 2, facts };
}

/** Each slice's chain: the step from version `v` to `v + 1`. */
const complaintSteps: Record<number, (slice: Stored) => Stored> = { 1: (s) => complaintV1toV2(s) as unknown as Stored };

function migrateSlice<T>(slice: unknown, steps: Record<number, (s: Stored) => Stored>, current: number, fresh: () => T, name: string): T {
  if (!isObject(slice)) return fresh();
  let s = slice;
  for (let v = Number(s.v ?? 1); v < current; v = Number(s.v)) {
    const step = steps[v];
    if (!step) throw new StateShapeError(`no migration for the ${name} slice from version ${v}`);
    s = step(s);
  }
  if (Number(s.v) > current) throw new StateShapeError(`the ${name} slice is of version ${String(s.v)}, newer than this tripcare`);
  return { ...fresh(), ...s } as T;
}

/** Envelope 1 (one flat record, before slices) → 2: the flat fields moved into the slices they belong to. */
function envelopeV1toV2(flat: Stored): Stored {
  const {
    step, facts, complaintNo, caseId, offer, handoff, trail, flow: _flow,
    guideId, accountChecked, report, reportNo, settlement, survey, greeting, ...envelope
  } = flat;
  return {
    ...envelope,
    version: 2,
    complaint: { v: 1, step, facts, number: complaintNo ?? 1, caseId: caseId ?? null, offer: offer ?? null, handoff: handoff ?? null, trail: trail ?? [] },
    guide: { v: 1, guideId: guideId ?? null, accountChecked: accountChecked ?? false, report: report ?? null, reportNo: reportNo ?? 1 },
    aftercare: { v: 1, settlement: settlement ?? null, survey: survey ?? null, greeting: greeting ?? null, feedback: null },
  };
}

const envelopeSteps: Record<number, (state: Stored) => Stored> = { 1: envelopeV1toV2 };

/** A stored state in today's shape; throws StateShapeError for anything tripcare never wrote. */
export function upgradeState(stored: unknown): ConversationState {
  if (!isObject(stored) || typeof stored.key !== 'string' || typeof stored.turn !== 'number') {
    throw new StateShapeError('not a conversation state');
  }
  let s = stored;
  for (let version = Number(s.version ?? 1); version < stateVersion; version = Number(s.version)) {
    const step = envelopeSteps[version];
    if (!step) throw new StateShapeError(`no migration for conversation states of version ${version}`);
    s = step(s);
  }
  if (Number(s.version) > stateVersion) throw new StateShapeError(`a conversation state of version ${String(s.version)}, newer than this tripcare`);
  return {
    ...(s as unknown as ConversationState),
    revision: or(s.revision, 0),
    held: or(s.held, null),
    pending: isObject(s.pending) ? { ...(s.pending as unknown as Burst), messageIds: or(s.pending.messageIds, []) } : null,
    localeHint: or(s.localeHint, null),
    complaint: migrateSlice(s.complaint, complaintSteps, 2, newComplaint, 'complaint'),
    guide: migrateSlice(s.guide, {}, 1, newGuideSlice, 'guide'),
    aftercare: migrateSlice(s.aftercare, {}, 1, newAftercareSlice, 'aftercare'),
  };
}
