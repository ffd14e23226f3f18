import type { UnderstandOptions, Understanding, Understood } from '../../ports/understanding.ts';
import type { Flag, Problem } from '../../taxonomy.ts';
import { classify } from './categories.ts';
import { extractEntities } from './entities/index.ts';
import { detectFlags } from './flags.ts';
import { hasComplaintWords, intentOf } from './intent.ts';
import { detectLanguage } from './language.ts';
import { fold } from './normalize.ts';
import { rewrite } from './rewrites.ts';
import { anger, isCritical, isHigh, isMild, severityOf } from './severity.ts';
import { correctSpelling } from './spelling.ts';

// Flags that are themselves a complaint: a traveller asking for a person is not (yet) complaining.
const complainingFlags: readonly Flag[] = ['wants_compensation', 'threatens_external', 'repeat'];

/** The whole analysis of one message; pure, synchronous, no I/O. */
export function understandText(text: string, options: UnderstandOptions): Understood {
  const { language, unsupported } = detectLanguage(text);
  const folded = fold(text);
  const entities = extractEntities(folded, options);
  const chinese = language === 'zh-Hans' || language === 'zh-Hant';
  const words = correctSpelling(rewrite(folded, chinese));

  const flags = detectFlags(words, entities.people);
  const mild = isMild(words);
  const complaining =
    hasComplaintWords(words) ||
    flags.some((f) => complainingFlags.includes(f)) ||
    isCritical(words) ||
    isHigh(words) ||
    anger(words) > 0;
  const { category, also, problems } = classify(words, complaining || mild);
  const complaint = complaining || mild || category !== 'other';
  const suggestion: Problem[] = category === 'other' && mild ? ['suggestion'] : [];

  return {
    language,
    unsupportedLanguage: unsupported,
    category,
    also,
    problems: [...problems, ...suggestion],
    severity: severityOf({ text: words, flags, amounts: entities.amounts, category, complaint }),
    flags,
    intent: intentOf(words, complaint),
    entities,
  };
}

/** Offline, rule-based understanding: keyword tables, negation, and regular expressions for entities. */
export class RuleUnderstanding implements Understanding {
  understand(text: string, options: UnderstandOptions): Promise<Understood> {
    return Promise.resolve(understandText(text, options));
  }
}
