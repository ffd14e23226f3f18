import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxTurnAttempts } from '../../src/engine/engine.ts';
import { DeskServer, EventReader } from '../support/console.ts';

let desk: DeskServer;
beforeEach(async () => {
  desk = await DeskServer.start();
});
afterEach(() => desk.close());

const setAside = async (res: Response) => ((await res.json()) as { setAside?: number }).setAside;

describe('a message whose turn fails every time', () => {
  it('is set aside after the last try, and supervisors see how many, live; agents and partners are not told', async () => {
    const [supervisor, agent, partner] = await Promise.all([desk.staff('sam', 'supervisor'), desk.staff('ava', 'agent'), desk.staff('pat', 'partner')]);
    expect(await setAside(await supervisor.get('/api/queue'))).toBe(0);
    const heard = await EventReader.open(supervisor);
    const partnerHeard = await EventReader.open(partner);
    const { store } = desk.app.parts;
    const read = store.read.bind(store);
    store.read = (key) => (key === 'webchat:poison' ? Promise.reject(new Error('unreadable state')) : read(key));
    await expect(desk.say('hello?', 'poison')).rejects.toThrow('unreadable state');
    for (let attempt = 1; attempt < maxTurnAttempts; attempt += 1) await desk.app.engine.recover();
    expect(await setAside(await supervisor.get('/api/queue'))).toBe(0); // one try left
    await desk.app.engine.recover();
    expect(await setAside(await supervisor.get('/api/queue'))).toBe(1);
    await heard.until({ kind: 'inbox', change: 'set_aside' });
    expect(await setAside(await agent.get('/api/queue'))).toBeUndefined();
    expect(await setAside(await partner.get('/api/queue'))).toBeUndefined();
    await desk.say('The hotel room was filthy', 'other'); // the others go on
    expect(desk.sentTo('other')).toHaveLength(1);
    expect(partnerHeard.events).toEqual([]);
    await Promise.all([heard.cancel(), partnerHeard.cancel()]);
  });
});
