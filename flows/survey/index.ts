import { withAftercare } from '../../src/conversation/state.ts';
import type { ConversationState, SurveyUnderWay } from '../../src/conversation/state.ts';
import { phrase } from '../../src/i18n/render.ts';
import type { Phrase } from '../../src/i18n/render.ts';
import type { Departure } from '../../src/ports/guide-registry.ts';
import type { SurveyQuestion } from '../../src/ports/survey-store.ts';
import { scoreInWords } from '../../src/understanding/rules/score-words.ts';
import { maxSeverity } from '../complaint/facts.ts';
import { priorityOf } from '../handoff.ts';
import type { FlowContext, Reply, TurnInput, TurnResult } from '../types.ts';
import { askQuestion, isSurveyChoice, pressedScore } from './questions.ts';

/** What a survey asks about: a case that has just closed, or a trip the traveller is back from. */
export type SurveyAbout = { about: 'case'; caseId: string } | { about: 'trip'; departure: Departure };

/** A score this low reopens the case for a supervisor. */
const lowScore = 2;

/**
 * Starts a satisfaction survey: the bot's handling, then the staff member (when staff handled
 * the case), then the remedy (when one was given); for a trip, the trip and its guide. Then a comment.
 */
export async function startSurvey(state: ConversationState, subject: SurveyAbout, ctx: FlowContext): Promise<TurnResult> {
  const survey = subject.about === 'case'
    ? { id: subject.caseId, caseId: subject.caseId, questions: await caseQuestions(state.key, subject.caseId, ctx), lowHeard: false }
    : { id: `trip:${state.key}:${subject.departure.tourCode}:${subject.departure.date}`, caseId: null, questions: ['trip', 'guide', 'comment'] as SurveyQuestion[], lowHeard: false };
  const first = askQuestion(survey.questions[0] ?? 'comment');
  return { state: withAftercare(state, { survey }), replies: [{ ...first, lines: [phrase('survey.intro'), ...first.lines] }] };
}

async function caseQuestions(conversationKey: string, caseId: string, ctx: FlowContext): Promise<SurveyQuestion[]> {
  const record = await ctx.ownCase(conversationKey, caseId);
  const staffHandled = record?.steps.includes('staff') || Boolean(record?.outcome && 'resolution' in record.outcome);
  const remedyGiven = Boolean(record?.outcome && 'accepted' in record.outcome && record.outcome.accepted);
  return ['bot', ...(staffHandled ? ['staff' as const] : []), ...(remedyGiven ? ['remedy' as const] : []), 'comment'];
}

/**
 * The traveller's answer to the survey question on offer: kept at once, then the next question
 * or thanks. Anything that is not an answer (a new complaint, a question) is left to the other flows.
 */
export async function answerSurvey(state: ConversationState, input: TurnInput, ctx: FlowContext): Promise<TurnResult | null> {
  const survey = state.aftercare.survey;
  const asked = survey?.questions[0];
  if (!survey || !asked || !state.offered.some((c) => isSurveyChoice(c.id))) return null;
  const answer = { surveyId: survey.id, conversationKey: state.key, caseId: survey.caseId, question: asked };
  if (asked === 'comment') {
    if (input.choice === 'survey:skip') return next(state, survey, []);
    if (input.choice !== null || !input.text) return null;
    await ctx.recordSurvey({ ...answer, score: null, comment: input.text });
    return next(state, survey, []);
  }
  const score = pressedScore(input.choice) ?? (input.choice === null ? scoreInWords(input.text) : null);
  if (score === null) return null;
  await ctx.recordSurvey({ ...answer, score, comment: null });
  if (score > lowScore || survey.lowHeard) return next(state, survey, []);
  return next(state, { ...survey, lowHeard: true }, [await lowScoreHeard(state, survey, ctx)]);
}

/** Asks the next question, or thanks the traveller when none is left. */
function next(state: ConversationState, survey: SurveyUnderWay, before: Phrase[]): TurnResult {
  const [, following, ...rest] = survey.questions;
  if (!following) {
    return { state: withAftercare(state, { survey: null }), replies: [{ step: 'survey', lines: [...before, phrase('survey.thanks')] }] };
  }
  const question: Reply = askQuestion(following);
  return { state: withAftercare(state, { survey: { ...survey, questions: [following, ...rest] } }), replies: [{ ...question, lines: [...before, ...question.lines] }] };
}

/**
 * A low score reopens the case for a supervisor, with the time a person answers by; a trip
 * has no case, so the traveller is invited to tell what went wrong (which opens one).
 */
async function lowScoreHeard(state: ConversationState, survey: SurveyUnderWay, ctx: FlowContext): Promise<Phrase> {
  if (!survey.caseId) return phrase('survey.trip_low');
  const record = await ctx.reopenCase(survey.caseId);
  // Someone unhappy with how we handled it is never a low-priority wait.
  const severity = maxSeverity(record.severity, 'medium');
  const due = ctx.policy.responseDue(severity, ctx.now);
  await ctx.enqueue('handoff', { conversationKey: state.key, caseId: record.id, reason: 'low_satisfaction', severity, dueAt: due.toISOString() }, {
    priority: priorityOf[severity], jobId: `low_satisfaction:${record.id}`,
  });
  await ctx.promise(record.id, 'deadline', { dueAt: due.toISOString(), for: 'supervisor_review' });
  return phrase('survey.supervisor', { caseId: record.id, time: due });
}
