import type { ConversationState, ReportDraft } from '../../src/conversation/state.ts';
import { departureOf } from '../../src/guides/departures.ts';
import type { Departure } from '../../src/ports/guide-registry.ts';
import { incidentTypes } from '../../src/ports/incident-register.ts';
import { severities } from '../../src/taxonomy.ts';
import type { FlowContext, TurnInput, TurnResult } from '../types.ts';
import { aside } from './draft.ts';
import { ask, askNext, guideDeparture, guideRuns } from './questions.ts';

/** The option a pressed choice `<prefix><option>` names; null for anything else. */
function chosen<T extends string>(choice: string | null, prefix: string, options: readonly T[]): T | null {
  const option = choice?.startsWith(prefix) ? choice.slice(prefix.length) : null;
  return options.find((o) => o === option) ?? null;
}

/** A tour code typed: the one the understanding reads in it, else the words themselves. */
async function typedDeparture(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<Departure | null> {
  const typed = (input.understood.entities.tourCodes[0] ?? input.text).normalize('NFKC').trim().toUpperCase();
  if (!typed) return null;
  const { departures, today } = await guideRuns(state, ctx);
  return departureOf(typed, departures, today);
}

/**
 * Takes the answer to the question asked and moves on. An answer that is not one of the
 * choices still moves on (words typed instead are kept): a guide on the road is never asked twice.
 */
export async function answer(state: ConversationState, report: ReportDraft, input: TurnInput, ctx: FlowContext): Promise<TurnResult> {
  switch (report.awaiting) {
    case 'type': {
      const type = chosen(input.choice, 'type:', incidentTypes) ?? report.type ?? 'other';
      return askNext(state, { ...report, type, telling: aside(report, input) }, 'type', ctx);
    }
    case 'severity': {
      const severity = chosen(input.choice, 'severity:', severities) ?? report.severity ?? input.understood.severity;
      return askNext(state, { ...report, severity, telling: aside(report, input) }, 'severity', ctx);
    }
    case 'tour':
      if (input.choice === 'tour:current') return askNext(state, { ...report, departure: await guideDeparture(state, ctx) }, 'tour', ctx);
      if (input.choice === 'tour:another') return ask(state, report, 'tour_code', ctx);
      return askNext(state, { ...report, departure: report.departure ?? await typedDeparture(state, input, ctx) }, 'tour_code', ctx);
    case 'tour_code':
      return askNext(state, { ...report, departure: report.departure ?? await typedDeparture(state, input, ctx) }, 'tour_code', ctx);
    case 'location': {
      const typed = input.choice === null ? input.text.trim() || null : null;
      return askNext(state, { ...report, location: report.location ?? typed }, 'location', ctx);
    }
    case 'description':
      return askNext(state, { ...report, telling: aside(report, input) }, 'description', ctx);
    case 'confirm':
      // Words added to the summary belong to the account; it is shown again with them.
      return ask(state, { ...report, telling: aside(report, input) }, 'confirm', ctx);
  }
}
