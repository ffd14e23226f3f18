import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StateShapeError, upgradeState } from '../../src/conversation/migrations.ts';
import { stateVersion } from '../../src/conversation/state.ts';
import { catalogues } from '../../src/i18n/render.ts';
import { Harness } from '../support/harness.ts';

/** States as tripcare wrote them before slices (envelope 1, complaint facts 1), kept as they were stored. */
const dir = new URL('../fixtures/states/', import.meta.url);
const stored = (name: string): unknown => JSON.parse(readFileSync(new URL(`v1-${name}.json`, dir), 'utf8'));
const en = catalogues.en;

/** Puts a stored state in place of the conversation and says the next thing. */
async function resume(name: string, say: string, choice?: string) {
  const h = new Harness({ DEFAULT_LOCALE: 'en' });
  // The harness numbers its messages from m1 again: those ids were handled in the stored conversation.
  await h.app.parts.store.write('telegram:c1', { ...upgradeState(stored(name)), handled: [] });
  return { h, replies: choice ? await h.press(choice) : await h.say(say) };
}

describe('stored states of an older shape', () => {
  it('all read as today\'s shape', () => {
    for (const file of readdirSync(dir).filter((f) => f.startsWith('v1-'))) {
      const state = upgradeState(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      expect(state, file).toMatchObject({ version: stateVersion, complaint: { v: 2 }, guide: { v: 1 }, aftercare: { v: 1 } });
    }
  });

  it('keep every fact, now with its source unknown', () => {
    const state = upgradeState(stored('restating'));
    expect(state.complaint).toMatchObject({ step: 'restate', number: 1, caseId: null });
    expect(state.complaint.facts).toMatchObject({
      problems: ['room_dirty', 'no_hot_water'], said: [expect.stringContaining('filthy')],
      tour: { value: 'GZ-2611-A', from: -1, sure: true }, people: { value: 2, from: -1, sure: true },
      wants: { value: { kind: 'compensation' }, from: -1, sure: true },
    });
  });

  it('go on where they were: listening, restating, asking a figure, with a person, a guide reporting', async () => {
    expect((await resume('listening', 'yesterday')).replies[0]?.text).toBe(en['ask.people']);
    expect((await resume('restating', '', 'confirm')).replies.map((r) => r.step)).toEqual(['apologise', 'propose']);
    const offered = await resume('asking-a-figure', '300');
    expect(offered.replies[0]?.choices.map((c) => c.id)).toEqual(['offer:accept', 'offer:refuse']);
    expect((await resume('with-a-person', 'hello?')).replies[0]?.step).toBe('handoff');
    expect((await resume('guide-reporting', '', 'severity:medium')).replies[0]?.step).toBe('incident');
  });

  it('refuses what tripcare never wrote, and a shape newer than itself', () => {
    expect(() => upgradeState({ hello: 'world' })).toThrow(StateShapeError);
    expect(() => upgradeState({ ...(stored('listening') as object), version: stateVersion + 1 })).toThrow(/newer/);
  });
});
