import { allProblems, categories, emergencies, flags, intents, severities } from '../../taxonomy.ts';
import type { Labelled } from '../corpus.ts';
import type { Head } from './model.ts';

/** One label axis the model learns: its labels, and what the corpus says of a message on it. */
export interface HeadSpec {
  name: string;
  kind: Head['kind'];
  labels: readonly string[];
  /** softmax: the label's index; sigmoid: the indices of the true labels; null: the message does not teach this head. */
  target(line: Labelled): number | number[] | null;
  /** sigmoid: how much more a message with a true label weighs (rare labels). */
  positiveWeight?: number;
  /** sigmoid: a threshold per label, for labels common enough on dev to tune alone; else one for the head. */
  perLabelThresholds?: boolean;
  /** sigmoid: labels whose threshold favours precision, because acting on them cannot wait or be undone. */
  precisionFirst?: readonly string[];
}

const indexIn = (labels: readonly string[]) => (values: readonly string[]) => values.map((v) => labels.indexOf(v));

/** The heads, in the order the model file keeps them. */
export const headSpecs: readonly HeadSpec[] = [
  { name: 'intent', kind: 'softmax', labels: intents, target: (l) => intents.indexOf(l.intent) },
  // Only messages about something have a topic (LABELLING.md: other intents are `other`).
  {
    name: 'category', kind: 'softmax', labels: categories,
    target: (l) => (['complaint', 'suggestion', 'rights_question'].includes(l.intent) ? categories.indexOf(l.category) : null),
  },
  { name: 'severity', kind: 'softmax', labels: severities, target: (l) => severities.indexOf(l.severity) },
  { name: 'flags', kind: 'sigmoid', labels: flags, target: (l) => indexIn(flags)(l.flags), perLabelThresholds: true,
    // Either hands the conversation to a person mid-telling.
    precisionFirst: ['wants_human', 'threatens_external'] },
  { name: 'also', kind: 'sigmoid', labels: categories, target: (l) => (l.intent === 'complaint' ? indexIn(categories)(l.also) : null) },
  // A rights question names the problem it asks about, so the answer can name the clause.
  {
    name: 'problems', kind: 'sigmoid', labels: allProblems,
    target: (l) => (l.intent === 'complaint' || l.intent === 'rights_question' ? indexIn(allProblems)(l.problems) : null),
  },
  // Danger happening now: the safety net's learned half. A miss costs far more than a false alarm.
  { name: 'danger', kind: 'sigmoid', labels: ['now'], target: (l) => (l.severity === 'critical' ? [0] : []), positiveWeight: 3 },
  { name: 'emergency', kind: 'softmax', labels: emergencies, target: (l) => (l.emergency ? emergencies.indexOf(l.emergency) : null) },
];
