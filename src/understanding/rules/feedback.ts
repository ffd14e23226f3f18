import { hasComplaintWords } from './intent.ts';
import { compile, matches } from './cues.ts';
import { fold } from './normalize.ts';

// Praise (顾客意见簿): naming someone or something to thank, not a problem.
const PRAISE = compile(['表扬', '点赞', '称赞', '夸夸', '好评', '想夸', 'praise', 'compliment*', 'kudos', 'shout-out', 'shout out']);
// A suggestion (意见征询单) opens with the word: "建议…", "suggestion: …", "I'd like to suggest…".
const SUGGESTION = /^(?:我有个|我有一个|我想提个|我想提一个|提个|一个|有个)?(?:建议|意见|小建议)|^(?:suggestion|i(?:'d| would) like to suggest|i suggest|a suggestion|my suggestion|idea)(?![a-z])/;

/** A suggestion or praise left without a complaint; null for anything else (a complaint goes its own way). */
export function feedbackKind(text: string): 'suggestion' | 'praise' | null {
  const t = fold(text).trim();
  if (matches(PRAISE, t)) return 'praise';
  if (SUGGESTION.test(t) && !hasComplaintWords(t)) return 'suggestion';
  return null;
}
