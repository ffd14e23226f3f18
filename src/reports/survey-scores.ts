import type { SurveyStore } from '../ports/survey-store.ts';
import type { SurveyScores } from './report-source.ts';

/** The survey store as reports read it: every 1–5 answer (comments left out), and when suggestions and praise were left. */
export const surveyScores = (surveys: SurveyStore): SurveyScores => ({
  async scoresBetween(from, until) {
    return (await surveys.answersBetween(from, until)).flatMap((a) => (a.score === null ? [] : [{ at: a.at, score: a.score, part: a.question }]));
  },
  async feedbackBetween(from, until) {
    return (await surveys.feedbackBetween(from, until)).map(({ at, kind }) => ({ at, kind }));
  },
});
