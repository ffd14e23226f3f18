import type { CorrectiveAction, CorrectiveActions, NewCorrectiveAction } from '../../ports/corrective-actions.ts';
import { newActionNumber } from '../case-number.ts';

/** The embedded corrective actions: in memory, gone when the process ends. */
export class MemoryCorrectiveActions implements CorrectiveActions {
  readonly #actions = new Map<string, CorrectiveAction>();

  async open(action: NewCorrectiveAction): Promise<CorrectiveAction> {
    let id = newActionNumber();
    while (this.#actions.has(id)) id = newActionNumber();
    const opened: CorrectiveAction = structuredClone({ ...action, id, status: 'open', doneAt: null });
    this.#actions.set(id, opened);
    return structuredClone(opened);
  }

  async get(id: string): Promise<CorrectiveAction | undefined> {
    const action = this.#actions.get(id);
    return action && structuredClone(action);
  }

  async list(): Promise<CorrectiveAction[]> {
    // Opened at one instant: by number, as in SQL.
    const all = [...this.#actions.values()].sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return structuredClone(all);
  }

  async markDone(id: string, at: Date): Promise<CorrectiveAction | undefined> {
    const action = this.#actions.get(id);
    if (!action) return undefined;
    if (action.status === 'open') this.#actions.set(id, { ...action, status: 'done', doneAt: new Date(at) });
    return this.get(id);
  }
}
