import type { UnderstandOptions, Understood } from '../../ports/understanding.ts';
import { allProblems, categories, emergencies, flags, intents, problems as problemsOf, severities } from '../../taxonomy.ts';
import type { Category, Emergency, Flag, Intent, Problem, Severity } from '../../taxonomy.ts';
import { extractEntities } from '../rules/entities/index.ts';
import { detectLanguage } from '../rules/language.ts';
import { fold } from '../rules/normalize.ts';
import { corrects } from '../rules/corrections.ts';
import { replyOf } from '../rules/reply.ts';
import { wantsOf } from '../rules/wants.ts';
import { rewrite } from '../rules/rewrites.ts';
import { assessDanger, dangerSigns, noDanger } from '../safety/danger.ts';
import { featuresOf } from './features.ts';
import type { Model, Scorer } from './model.ts';

/** Intents whose messages are about something, so they have a category. */
const topical: ReadonlySet<Intent> = new Set(['complaint', 'suggestion', 'rights_question']);

/**
 * "When in doubt between suggestion and complaint, it is a complaint" (TAXONOMY.md): a suggestion
 * is taken as one only when the complaint reading is this unlikely.
 */
const complaintDoubt = 0.25;

function best(p: Float64Array, except: ReadonlySet<number> = new Set()): number {
  let at = -1;
  p.forEach((q, i) => {
    if (!except.has(i) && (at < 0 || q > (p[at] as number))) at = i;
  });
  return at;
}

/**
 * Flags that hand a conversation to a person at once stand on the model alone only this sure;
 * below it, a word of the lexicon must say them too ("人工", "manager", "12345", "lawyer").
 */
const actsAtOnce: ReadonlySet<Flag> = new Set(['wants_human', 'threatens_external']);
const actOnModelAlone = 0.9;

/** A correction says so in a short message, or at the start of a long one. */
const correctionLength = 160;
const correctionOpening = 40;

/** Labels worth offering as choices: this likely or more, at most three, most likely first. */
const withinReach = 0.15;
function likelyOf<T extends string>(labels: readonly T[], p: Float64Array): T[] {
  return labels.map((label, i) => ({ label, p: p[i] as number })).filter((x) => x.p >= withinReach)
    .sort((a, b) => b.p - a.p).slice(0, 3).map((x) => x.label);
}

const said = <T extends string>(labels: readonly T[], p: Float64Array, thresholds: readonly number[]): T[] =>
  labels.filter((_, i) => (p[i] as number) >= (thresholds[i] as number));

const nothingSaid = (options: UnderstandOptions): Understood => ({
  language: null, unsupportedLanguage: false, category: 'other', topic: 'other', also: [], problems: [], severity: 'low', flags: [],
  intent: 'other', confidence: { intent: 1, category: 1, severity: 1 }, likely: { intents: ['other'], categories: ['other'] },
  corrects: false, wants: null, reply: null, danger: noDanger,
  entities: extractEntities('', options),
});

/** What the rules find in a message before the model reads it: language, entities, and the model's features. */
export function prepare(text: string, options: UnderstandOptions) {
  const { language, unsupported } = detectLanguage(text);
  const chinese = language === 'zh-Hans' || language === 'zh-Hant';
  const folded = fold(text);
  const entities = extractEntities(folded, options);
  const words = rewrite(folded, chinese);
  const danger = dangerSigns(words);
  return { language, unsupported, words, entities, danger, features: featuresOf(words, { length: Array.from(text).length, entities, danger }) };
}

export type Prepared = ReturnType<typeof prepare>;

/**
 * One message read with the learned model: language, entities and yes/no from the rules, every
 * label from the model with its calibrated confidence, and danger from the safety net.
 */
export function readMessage(scorer: Scorer, text: string, options: UnderstandOptions): Understood {
  if (!text.trim()) return nothingSaid(options);
  const read = (part: string) => {
    const message = prepare(part, options);
    return decide(message, scorer.probabilities(scorer.vector(message.features)), scorer.model);
  };
  const whole = read(text);
  return Array.from(text).length > longTelling ? withParts(whole, partsOf(text).map(read)) : whole;
}

/** Beyond this many characters a message is a long telling, read part by part as well as whole. */
const longTelling = 300;
const partLength = 200;

/** A long telling cut at sentence ends into parts of about `partLength` characters. */
export function partsOf(text: string): string[] {
  const sentences = text.match(/[^。！？!?；;\n]+[。！？!?；;\n]*|[。！？!?；;\n]+/g) ?? [text];
  const parts: string[] = [];
  for (const sentence of sentences) {
    const last = parts.at(-1);
    if (last !== undefined && Array.from(last).length + Array.from(sentence).length <= partLength) parts[parts.length - 1] = last + sentence;
    else parts.push(sentence);
  }
  return parts.filter((p) => p.trim().length > 0);
}

/**
 * A long telling names more than its whole reads: every problem a part complains of joins it, and
 * every topic; the whole keeps its entities, its danger and its intent.
 */
function withParts(whole: Understood, parts: readonly Understood[]): Understood {
  const complaints = parts.filter((p) => p.intent === 'complaint' && p.category !== 'other');
  if (complaints.length === 0 || !topical.has(whole.intent)) return whole;
  const counted = new Map<Category, number>();
  for (const p of complaints) counted.set(p.category, (counted.get(p.category) ?? 0) + 1);
  const category = whole.category !== 'other' ? whole.category : ([...counted].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other');
  const also = [...new Set([...whole.also, ...complaints.map((p) => p.category)])].filter((c) => c !== category);
  const problems = [...new Set([...whole.problems, ...complaints.flatMap((p) => p.problems)])];
  const severity = complaints.map((p) => p.severity).filter((s) => s !== 'critical').reduce((a, b) => (severities.indexOf(b) > severities.indexOf(a) ? b : a), whole.severity);
  return { ...whole, category, topic: category, also, problems, severity };
}

/** The labels, given what the rules found and each head's calibrated probabilities. */
export function decide(message: Prepared, p: ReadonlyMap<string, Float64Array>, model: Pick<Model, 'heads' | 'danger'>): Understood {
  const { language, unsupported, words, entities, danger: signs } = message;
  const head = (name: string) => p.get(name) as Float64Array;
  const thresholds = (name: string) => model.heads.find((h) => h.name === name)?.thresholds ?? [];

  const intentP = head('intent');
  const signalled = (flag: Flag) => message.features.includes(`sig:flag:${flag}`);
  // Asking for a person hands the conversation over at once: the model alone must be sure, else a word must say it.
  const asksForPerson = intents.indexOf('wants_human');
  const unsaid = new Set((intentP[asksForPerson] as number) >= actOnModelAlone || signalled('wants_human') ? [] : [asksForPerson]);
  let intentAt = best(intentP, unsaid);
  if (intents[intentAt] === 'suggestion' && (intentP[intents.indexOf('complaint')] as number) >= complaintDoubt) intentAt = intents.indexOf('complaint');
  const intent = intents[intentAt] as Intent;

  const categoryP = head('category');
  const hasTopic = topical.has(intent);
  const categoryAt = best(categoryP);
  const topic = categories[categoryAt] as Category;
  const category: Category = hasTopic ? topic : 'other';
  const also = hasTopic && intent === 'complaint'
    ? said(categories, head('also'), thresholds('also')).filter((c) => c !== category && c !== 'other')
    : [];
  const named = new Set<Category>([category, ...also]);
  const problems = intent === 'complaint' || intent === 'rights_question'
    ? said(allProblems, head('problems'), thresholds('problems'))
      .filter((problem) => [...named].some((c) => (problemsOf[c] as readonly Problem[]).includes(problem)))
    : [];

  const danger = assessDanger({
    signs, now: head('danger')[0] as number,
    modelKind: emergencies[best(head('emergency'))] as Emergency, thresholds: model.danger,
  });
  // Critical means danger now (TAXONOMY.md): the safety net decides it, sure or asking.
  const severityP = head('severity');
  const critical = severities.indexOf('critical');
  const severityAt = danger.level === 'none' ? best(severityP, new Set([critical])) : critical;

  return {
    language: unsupported ? null : language,
    unsupportedLanguage: unsupported,
    category,
    topic,
    also,
    problems,
    severity: severities[severityAt] as Severity,
    flags: (said(flags, head('flags'), thresholds('flags')) as Flag[])
      .filter((f) => !actsAtOnce.has(f) || signalled(f) || (head('flags')[flags.indexOf(f)] as number) >= actOnModelAlone),
    intent,
    confidence: {
      intent: intentP[intentAt] as number,
      category: hasTopic ? (categoryP[categoryAt] as number) : 1,
      severity: danger.level === 'none' ? (severityP[severityAt] as number) : (head('danger')[0] as number),
    },
    likely: { intents: likelyOf(intents, intentP), categories: hasTopic ? likelyOf(categories, categoryP) : ['other'] },
    // In a long telling, "actually" or 其实 mid-way is part of the story, not a correction.
    corrects: corrects(words.length <= correctionLength ? words : words.slice(0, correctionOpening)),
    wants: wantsOf(words),
    reply: replyOf(words),
    danger,
    entities,
  };
}
