import type { Understood } from '../../ports/understanding.ts';
import { restore } from '../../privacy/redact.ts';
import type { Redaction } from '../../privacy/redact.ts';
import { problems as problemsOf } from '../../taxonomy.ts';
import type { Category, Problem } from '../../taxonomy.ts';
import type { LlmAnswer } from './answer.ts';

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Codes the model read, put back to the traveller's values, kept only when the text really has them. */
function statedCodes(text: string, rules: readonly string[], model: readonly string[], found: Redaction[]): string[] {
  const lower = text.toLowerCase();
  const restored = model.map((code) => restore(code, found)).filter((code) => lower.includes(code.toLowerCase()));
  return unique([...rules, ...restored]);
}

/**
 * The model's labels over the rules' reading of the same text. Amounts come from the rules only
 * (see answer.ts), and personal data (phones, ID numbers) too: the model saw placeholders.
 */
export function mergeAnswer(text: string, answer: LlmAnswer, rules: Understood, found: Redaction[]): Understood {
  const also = unique(answer.also.filter((c) => c !== answer.category));
  const allowed = new Set<Category>([answer.category, ...also]);
  const fits = (p: Problem) => [...allowed].some((c) => (problemsOf[c] as readonly Problem[]).includes(p));
  const { entities } = rules;
  return {
    language: rules.unsupportedLanguage ? null : answer.language,
    unsupportedLanguage: rules.unsupportedLanguage,
    category: answer.category,
    also,
    problems: unique(answer.problems.filter(fits)),
    severity: answer.severity,
    flags: unique(answer.flags),
    intent: answer.intent,
    entities: {
      tourCodes: statedCodes(text, entities.tourCodes, answer.entities.tourCodes, found),
      orderNumbers: statedCodes(text, entities.orderNumbers, answer.entities.orderNumbers, found),
      dates: unique([...entities.dates, ...answer.entities.dates]),
      amounts: entities.amounts,
      people: answer.entities.people ?? entities.people,
      phones: entities.phones,
      idNumbers: entities.idNumbers,
    },
  };
}
