import { phrase } from '../../src/i18n/render.ts';
import type { SurveyQuestion } from '../../src/ports/survey-store.ts';
import type { Reply } from '../types.ts';

const scores = [1, 2, 3, 4, 5] as const;
/** 1 to 5 in order, so a typed digit picks its own score. */
const scoreChoices: NonNullable<Reply['choices']> = scores.map((n) => ({ id: `score:${n}`, label: phrase(`choice.score.${n}`) }));
const skipChoices: NonNullable<Reply['choices']> = [{ id: 'survey:skip', label: phrase('choice.skip') }];

/** Whether these choices are a survey's: its question is still the one on offer. */
export const isSurveyChoice = (id: string): boolean => id === 'survey:skip' || id.startsWith('score:');

/** The score a pressed (or typed-as-digit) choice gives; null for any other choice. */
export const pressedScore = (choice: string | null): number | null =>
  scores.find((n) => choice === `score:${n}`) ?? null;

/** One survey question: a score with five choices, or the optional comment with a skip. */
export const askQuestion = (question: SurveyQuestion): Reply => question === 'comment'
  ? { step: 'survey', lines: [phrase('survey.ask.comment')], choices: skipChoices }
  : { step: 'survey', lines: [phrase(`survey.ask.${question}`)], choices: scoreChoices };
