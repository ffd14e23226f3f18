import { beforeEach, describe, expect, it } from 'vitest';
import type { CorrectiveActions, NewCorrectiveAction } from '../../src/ports/corrective-actions.ts';

const action = (over: Partial<NewCorrectiveAction> = {}): NewCorrectiveAction => ({
  target: { kind: 'tour', value: 'GZ-7X' }, title: 'Retrain the hotel desk', ownerId: 'st-1', dueDate: '2026-12-31',
  openedBy: 'st-boss', openedAt: new Date('2026-11-01T02:00:00Z'), ...over,
});

/** What every corrective-action store must do. `make` gives an empty one. */
export function correctiveActionsContract(name: string, make: () => Promise<CorrectiveActions>): void {
  describe(`CorrectiveActions: ${name}`, () => {
    let actions: CorrectiveActions;
    beforeEach(async () => {
      actions = await make();
    });

    it('opens an action and reads it back, open and not done', async () => {
      const opened = await actions.open(action());
      expect(opened).toEqual({ ...action(), id: opened.id, status: 'open', doneAt: null });
      expect(opened.id).toMatch(/^CA-[2-9A-HJKMNP-TV-Z]{6}$/);
      expect(await actions.get(opened.id)).toEqual(opened);
      expect(await actions.get('CA-NONE22')).toBeUndefined();
    });

    it('lists newest first', async () => {
      const older = await actions.open(action({ title: 'older' }));
      const newer = await actions.open(action({ title: 'newer', target: { kind: 'category', value: 'meals' }, openedAt: new Date('2026-11-05T00:00:00Z') }));
      expect(await actions.list()).toEqual([newer, older]);
    });

    it('marks done once: the first time is kept', async () => {
      const opened = await actions.open(action());
      const done = await actions.markDone(opened.id, new Date('2026-11-10T00:00:00Z'));
      expect(done).toEqual({ ...opened, status: 'done', doneAt: new Date('2026-11-10T00:00:00Z') });
      expect(await actions.markDone(opened.id, new Date('2026-11-11T00:00:00Z'))).toEqual(done);
      expect(await actions.markDone('CA-NONE22', new Date())).toBeUndefined();
    });
  });
}
