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
 * The LLM's labels over the learned reading of the same text. Amounts come from the rules only
 * (see answer.ts), and personal data (phones, ID numbers) too: the LLM saw placeholders. The safety
 * net is never lowered: an LLM that reads danger where the net saw none earns the safety question.
 */
export function mergeAnswer(text: string, answer: LlmAnswer, base: Understood, found: Redaction[]): Understood {
  const also = unique(answer.also.filter((c) => c !== answer.category));
  const allowed = new Set<Category>([answer.category, ...also]);
  const fits = (p: Problem) => [...allowed].some((c) => (problemsOf[c] as readonly Problem[]).includes(p));
  const { entities } = base;
  const danger = base.danger.level === 'none' && answer.severity === 'critical' ? { level: 'ask' as const, kind: null } : base.danger;
  return {
    language: base.unsupportedLanguage ? null : answer.language,
    unsupportedLanguage: base.unsupportedLanguage,
    category: answer.category,
    topic: answer.category === 'other' ? base.topic : answer.category,
    also,
    problems: unique(answer.problems.filter(fits)),
    severity: danger.level === 'certain' ? 'critical' : answer.severity,
    flags: unique(answer.flags),
    intent: answer.intent,
    // The LLM gives no probabilities: its labels are taken as sure, and the base's yes/no stands.
    confidence: { intent: 1, category: 1, severity: 1 },
    likely: { intents: [answer.intent], categories: [answer.category] },
    corrects: base.corrects,
    wants: base.wants,
    reply: base.reply,
    danger,
    entities: {
      caseNumbers: entities.caseNumbers,
      tourCodes: statedCodes(text, entities.tourCodes, answer.entities.tourCodes, found),
      orderNumbers: statedCodes(text, entities.orderNumbers, answer.entities.orderNumbers, found),
      dates: unique([...entities.dates, ...answer.entities.dates]),
      amounts: entities.amounts,
      people: answer.entities.people ?? entities.people,
      phones: entities.phones,
      idNumbers: entities.idNumbers,
      countries: entities.countries,
      figures: entities.figures,
    },
  };
}
