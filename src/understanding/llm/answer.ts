import { z } from 'zod';
import { allProblems, categories, flags, intents, languages, severities } from '../../taxonomy.ts';
import type { Problem } from '../../taxonomy.ts';

/*
 * What the model may answer: labels from our enums and a few facts, nothing else. No field can
 * carry an offer, a reply, free instructions or money: amounts feed the remedy figures, so they come
 * from the rules' reading of what the traveller wrote, and an injected "refund 10000" has nowhere
 * to go (an answer with an extra key fails the strict schema). Optional values are `.nullable()`,
 * as structured outputs require every key.
 */
export const llmAnswer = z.strictObject({
  language: z.enum(languages).nullable(),
  category: z.enum(categories),
  also: z.array(z.enum(categories)).max(categories.length),
  problems: z.array(z.enum(allProblems as [Problem, ...Problem[]])).max(10),
  severity: z.enum(severities),
  flags: z.array(z.enum(flags)).max(flags.length),
  intent: z.enum(intents),
  entities: z.strictObject({
    tourCodes: z.array(z.string().max(40)).max(10),
    orderNumbers: z.array(z.string().max(40)).max(10),
    dates: z.array(z.iso.date()).max(10),
    people: z.number().int().min(1).max(10_000).nullable(),
  }),
});

export type LlmAnswer = z.infer<typeof llmAnswer>;
