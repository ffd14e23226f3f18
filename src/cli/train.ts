import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { corpusDir, foldOf, folds, readCorpus } from '../understanding/corpus.ts';
import { evaluate } from '../understanding/evaluation.ts';
import { buildModel } from '../understanding/learned/build.ts';
import { encodeModel, modelPath } from '../understanding/learned/model.ts';
import { evalReport } from './eval-report.ts';

/**
 * `tripcare train` (`npm run train`): rebuilds models/understanding.json.gz from corpus/pool, the
 * same bytes every time, and prints the cross-validated figures: fold 0 (the dev split) and all
 * folds, each message read by a model that never saw it. The test split is never read here.
 */
export function trainCommand(output: Writable, out = modelPath): number {
  const started = performance.now();
  const pool = readCorpus(join(corpusDir, 'pool'));
  const { model, outOfFold } = buildModel(pool);
  const bytes = gzipSync(encodeModel(model), { level: 9 });
  writeFileSync(out, bytes);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  output.write(`trained on ${pool.length} messages in ${seconds} s: ${model.features.length} features, ${bytes.length} bytes to ${out}\n`);
  output.write(`safety net thresholds: ${JSON.stringify(model.danger)}\n\n`);
  output.write(evalReport([
    { name: 'dev (fold 0)', evaluation: evaluate(outOfFold.filter((p) => foldOf(p.expected.id) === 0)) },
    { name: `all ${folds} folds`, evaluation: evaluate(outOfFold) },
  ]));
  return 0;
}
