import { confusionTable } from '../understanding/evaluation.ts';
import type { Detection, Evaluation, Reliability } from '../understanding/evaluation.ts';
import { flags } from '../taxonomy.ts';

export interface Scored {
  name: string;
  evaluation: Evaluation;
}

const share = (n: number | null): string => (n === null ? '-' : n.toFixed(3));
const prf = (d: Detection): string => `${share(d.precision)}/${share(d.recall)}/${share(d.f1)}`;

type Row = [string, (e: Evaluation) => string];

const rows: readonly Row[] = [
  ['language', (e) => share(e.language)],
  ['intent', (e) => share(e.intent)],
  ['category', (e) => share(e.category)],
  ['category, complaints only', (e) => share(e.complaintCategory)],
  ['severity', (e) => share(e.severity)],
  ['flags F1 (micro)', (e) => share(e.flagsMicro.f1)],
  ['critical recall', (e) => share(e.critical.recall)],
  ['critical precision', (e) => share(e.critical.precision)],
  ['guidance recall (certain)', (e) => share(e.criticalCertain.recall)],
  ['guidance precision (certain)', (e) => share(e.criticalCertain.precision)],
  ['also (p/r/f1)', (e) => prf(e.also)],
  ['problems (p/r/f1)', (e) => prf(e.problems)],
  ...flags.map((f): Row => [`flag ${f} (p/r/f1)`, (e) => prf(e.flags[f])]),
];

function calibrationTable(buckets: readonly Reliability[]): string {
  const head = `${'confidence'.padEnd(12)}${'count'.padStart(7)}${'mean conf'.padStart(11)}${'accuracy'.padStart(10)}`;
  return [head, ...buckets.map((b) =>
    `${`${b.from.toFixed(2)}–${b.to.toFixed(2)}`.padEnd(12)}${String(b.count).padStart(7)}${share(b.confidence).padStart(11)}${share(b.accuracy).padStart(10)}`)].join('\n');
}

/**
 * Every label side by side, one column per understanding; then for each its confusion tables and
 * its calibration (how often a label read with a given confidence is right).
 */
export function evalReport(scored: readonly Scored[]): string {
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 2;
  const columnWidth = 20;
  const line = (label: string, cells: string[]) => label.padEnd(labelWidth) + cells.map((c) => c.padStart(columnWidth)).join('');
  const out = [
    `${scored[0]?.evaluation.total ?? 0} labelled messages; accuracy, or precision/recall/F1. Critical is read when the safety net gives guidance or asks its question.`,
    line('', scored.map((s) => s.name)),
    ...rows.map(([label, of]) => line(label, scored.map((s) => of(s.evaluation)))),
  ];
  for (const { name, evaluation: e } of scored) {
    for (const axis of ['intent', 'category', 'severity'] as const) {
      out.push('', `${axis} confusion, ${name} (rows expected, columns predicted)`, confusionTable(e.confusion[axis]));
    }
    for (const axis of ['intent', 'category', 'severity'] as const) {
      out.push('', `${axis} calibration, ${name}${axis === 'category' ? ' (complaints)' : ''}`, calibrationTable(e.calibration[axis]));
    }
  }
  return `${out.join('\n')}\n`;
}
