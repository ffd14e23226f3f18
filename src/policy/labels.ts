import { phrase } from '../i18n/render.ts';
import type { MessageKey, Phrase } from '../i18n/render.ts';
import type { ClauseId } from './clause-ids.ts';
import type { PartId } from './parts.ts';

/** What a part of an offer is, in a few words ("The price difference back"). */
export function partLabel(part: PartId): Phrase {
  const key: MessageKey = `part.${part}`;
  return phrase(key);
}

/** A clause in plain words: what it covers and what it gives, for offers and for "what am I entitled to" questions. */
export function clauseExplanation(clause: ClauseId): Phrase {
  const key: MessageKey = `clause.${clause}`;
  return phrase(key);
}
