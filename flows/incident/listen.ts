import type { ConversationState, ReportDraft } from '../../src/conversation/state.ts';
import { departureOf } from '../../src/guides/departures.ts';
import type { IncidentType } from '../../src/ports/incident-register.ts';
import type { Understood } from '../../src/ports/understanding.ts';
import type { Category, Problem } from '../../src/taxonomy.ts';
import type { FlowContext, TurnInput } from '../types.ts';
import { guideRuns } from './questions.ts';

const byProblem: Partial<Record<Problem, IncidentType>> = {
  injury: 'accident_injury', accident: 'accident_injury', illness: 'illness', meal_hygiene: 'illness',
  missing_person: 'missing_person', theft: 'lost_property',
};
const byCategory: Partial<Record<Category, IncidentType>> = {
  accommodation: 'hotel', transport: 'transport', itinerary: 'itinerary_change', safety: 'accident_injury',
};

/** Below this confidence in the reading of the message, the guide picks the kind of incident. */
const topicSure = 0.5;

// What went wrong, named and read with confidence: "something to report" is no telling yet.
const tells = (u: Understood): boolean =>
  (u.category !== 'other' || u.problems.length > 0) && u.confidence.intent >= topicSure && u.confidence.category >= topicSure;

/** The kind of incident a telling is about; null when it does not say (then the guide picks it). */
function typeOf(u: Understood): IncidentType | null {
  const topic = u.category === 'other' ? u.topic : u.category;
  return u.problems.map((p) => byProblem[p]).find((t) => t !== undefined) ?? byCategory[topic] ?? null;
}

/**
 * Takes in what a guide's message says, whatever was asked: the tour it names, and from a telling
 * what kind of incident it is and that it is described. A question the guide has answered this way
 * is not asked. How serious it is, the guide says (it decides who is paged), unless the safety net
 * is sure it is critical (draft.ts).
 */
export async function listenTo(state: ConversationState, report: ReportDraft, input: TurnInput, ctx: FlowContext): Promise<ReportDraft> {
  const u = input.understood;
  const code = u.entities.tourCodes[0];
  let departure = report.departure;
  if (departure === null && code) {
    const { departures, today } = await guideRuns(state, ctx);
    departure = departureOf(code, departures, today);
  }
  if (!tells(u)) return { ...report, departure };
  return {
    ...report,
    departure,
    type: report.type ?? typeOf(u),
    described: true,
  };
}
