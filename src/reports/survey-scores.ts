import type { SurveyStore } from '../ports/survey-store.ts';
import type { SurveyScores } from './report-source.ts';

/** The survey store's scores as reports read them: every 1–5 answer, comments left out. */
export const surveyScores = (surveys: SurveyStore): SurveyScores => ({
  async scoresBetween(from, until) {
    return (await surveys.answersBetween(from, until)).flatMap((a) => (a.score === null ? [] : [{ at: a.at, score: a.score, part: a.question }]));
  },
});
