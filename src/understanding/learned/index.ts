import type { UnderstandOptions, Understanding, Understood } from '../../ports/understanding.ts';
import { committedModel, Scorer } from './model.ts';
import type { Model } from './model.ts';
import { readMessage } from './read.ts';

/**
 * Offline understanding by the model trained from the corpus (`npm run train`): every label with a
 * calibrated confidence, entities from the rules, and the safety net on top. No network.
 */
export class LearnedUnderstanding implements Understanding {
  readonly #scorer: Scorer;

  constructor(model: Model = committedModel()) {
    this.#scorer = new Scorer(model);
  }

  /** The same reading, at once: for commands that read many messages. */
  read(text: string, options: UnderstandOptions): Understood {
    return readMessage(this.#scorer, text, options);
  }

  understand(text: string, options: UnderstandOptions): Promise<Understood> {
    return Promise.resolve(this.read(text, options));
  }
}
