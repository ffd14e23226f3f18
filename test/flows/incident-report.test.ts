import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json' with { type: 'json' };
import { bindingCodeHash } from '../../src/guides/binding-code.ts';
import { Harness, choiceIds, steps } from '../support/harness.ts';

const key = 'telegram:c1';
const typeIds = ['type:accident_injury', 'type:illness', 'type:missing_person', 'type:transport', 'type:hotel', 'type:itinerary_change', 'type:lost_property', 'type:traveller_dispute', 'type:other'];

/** A guide leading two runs (one set out three days ago, one sets out in four), bound to the test account. */
async function guideOnTheRoad(h: Harness) {
  const guide = await h.guides.add({
    name: 'Li Wei', phone: '+86 138 0000 0000',
    departures: [{ tourCode: 'GZ-2611-A', date: '2026-11-18' }, { tourCode: 'GZ-2612-B', date: '2026-11-25' }],
  }, h.clock.now());
  await h.guides.issueCode(guide.id, bindingCodeHash('GD-7K3M-9QXA'), new Date('2026-11-22T00:00:00Z'));
  await h.say('GD-7K3M-9QXA');
  return guide;
}

const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

describe('incident report of a guide', () => {
  it('walks type, severity, tour, location and description to a summary, and files one incident', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    const guide = await guideOnTheRoad(h);

    const opened = await h.say('Something to report');
    expect(texts(opened)).toEqual([en['incident.ask.type']]);
    expect(choiceIds(opened)).toEqual(typeIds);
    const severity = await h.press('type:transport');
    expect(texts(severity)).toEqual([en['incident.ask.severity']]);
    expect(choiceIds(severity)).toEqual(['severity:low', 'severity:medium', 'severity:high', 'severity:critical']);
    const tour = await h.press('severity:medium');
    expect(texts(tour)).toEqual([en['incident.ask.tour']]);
    expect(choiceIds(tour)).toEqual(['tour:current', 'tour:another']);
    expect(tour[0]?.choices[0]?.label).toBe('GZ-2611-A, setting out 2026-11-18'); // the run under way, not the next one
    const location = await h.press('tour:current');
    expect(texts(location)).toEqual([en['incident.ask.location']]);
    expect(choiceIds(location)).toEqual(['location:skip']);
    expect(texts(await h.say('G4 expressway near Shaoguan'))).toEqual([en['incident.ask.description']]);
    const summary = await h.say('A tyre burst; nobody is hurt and a replacement coach arrives in two hours');
    expect(choiceIds(summary)).toEqual(['report:confirm', 'report:cancel']);
    expect(summary[0]?.text).toBe([
      en['incident.summary.intro'], 'Type: Transport breakdown or delay', 'Severity: Medium', 'Tour: GZ-2611-A, setting out 2026-11-18',
      'Location: G4 expressway near Shaoguan',
      'What happened: Something to report\nA tyre burst; nobody is hurt and a replacement coach arrives in two hours',
    ].join('\n'));

    const filed = await h.press('report:confirm');
    const [incident, ...others] = await h.incidents.list();
    expect(others).toEqual([]);
    expect(texts(filed)).toEqual([en['incident.filed'].replace('{incidentId}', incident?.id ?? '')]);
    expect(incident).toMatchObject({
      kind: 'report', type: 'transport', severity: 'medium', departure: { tourCode: 'GZ-2611-A', date: '2026-11-18' },
      location: 'G4 expressway near Shaoguan', reportedBy: guide.id, attachments: [],
    });
    expect(await h.jobs.waiting('incident.page')).toEqual([]); // medium: nobody is paged
  });

  it('takes what the first message tells: the kind of incident, and that it is described', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await guideOnTheRoad(h);
    const opened = await h.say('Our coach broke down on the expressway');
    expect(texts(opened)).toEqual([en['incident.ask.severity']]);
    await h.press('severity:medium');
    await h.press('tour:current');
    const summary = await h.press('location:skip'); // described already: no question about what happened
    expect(summary[0]?.text).toContain('Type: Transport breakdown or delay');
    expect(summary[0]?.text).toContain('What happened: Our coach broke down on the expressway');
    expect(choiceIds(summary)).toEqual(['report:confirm', 'report:cancel']);
  });

  it('refuses a button of an earlier question politely, keeping the question open', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await guideOnTheRoad(h);
    await h.say('Our coach broke down on the expressway');
    const stale = await h.press('type:hotel');
    expect(texts(stale)).toEqual([en['notice.stale_choice']]);
    expect(choiceIds(stale)).toEqual(['severity:low', 'severity:medium', 'severity:high', 'severity:critical']);
    expect(texts(await h.press('severity:low'))).toEqual([en['incident.ask.tour']]);
  });

  it('takes another tour typed, as the guide\'s run of it or one setting out today', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await guideOnTheRoad(h);
    for (const [typed, departure] of [['gz-2612-b', { tourCode: 'GZ-2612-B', date: '2026-11-25' }], ['SH-2611-C', { tourCode: 'SH-2611-C', date: '2026-11-21' }]] as const) {
      h.clock.advance(60_000); // so the newest incident is this one
      await h.say('Something to report');
      await h.press('type:hotel');
      await h.press('severity:low');
      expect(texts(await h.press('tour:another'))).toEqual([en['incident.ask.tour_code']]);
      expect(texts(await h.say(typed))).toEqual([en['incident.ask.location']]);
      await h.press('location:skip');
      await h.say('Rebooked at the hotel next door');
      await h.press('report:confirm');
      expect((await h.incidents.list({ limit: 1 }))[0]).toMatchObject({ departure, location: null });
    }
  });

  it('asks a guide with no run under way to type the tour code', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    h.clock.advance(-10 * 24 * 3_600_000); // before either run sets out
    await guideOnTheRoad(h);
    await h.say('Something to report');
    await h.press('type:illness');
    expect(texts(await h.press('severity:low'))).toEqual([en['incident.ask.tour_code']]);
  });

  it('takes a shared location, and keeps photos sent at any step', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await guideOnTheRoad(h);
    await h.say('A traveller lost her passport');
    const kept = await h.say('', { attachments: [{ kind: 'image', ref: 'photo-1' }] });
    expect(texts(kept)).toEqual([en['incident.kept']]);
    expect(choiceIds(kept)).toEqual(typeIds); // the question stays open
    await h.press('type:lost_property');
    await h.press('severity:medium');
    await h.press('tour:current');
    const asked = await h.say('', { attachments: [{ kind: 'location', ref: '24.81,113.59' }] });
    expect(texts(asked)).toEqual([en['incident.ask.description']]);
    const summary = await h.say('Lost at the market; police report made', { attachments: [{ kind: 'image', ref: 'photo-2' }] });
    expect(summary[0]?.text).toContain('Location: 24.81,113.59');
    expect(summary[0]?.text).toContain('Photos and files: 2');
    await h.press('report:confirm');
    expect((await h.incidents.list())[0]).toMatchObject({
      type: 'lost_property', location: '24.81,113.59', attachments: [{ kind: 'image', ref: 'photo-1' }, { kind: 'image', ref: 'photo-2' }],
    });
  });

  it('discards a cancelled report, and the next message begins a new one', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await guideOnTheRoad(h);
    await h.say('Two travellers are arguing about seats');
    await h.press('type:traveller_dispute');
    await h.press('severity:low');
    await h.press('tour:current');
    await h.press('location:skip');
    await h.say('Sorted it out myself');
    expect(texts(await h.press('report:cancel'))).toEqual([en['incident.cancelled']]);
    expect(await h.incidents.list()).toEqual([]);
    const again = await h.say('Actually, they are fighting again');
    expect(choiceIds(again)).toEqual(typeIds);
    expect((await h.app.parts.store.read(key))?.guide.report?.telling).toEqual(['Actually, they are fighting again']);
  });

  it('moves on when a choice is answered in words, keeping them', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await guideOnTheRoad(h);
    await h.say('Something happened');
    expect(texts(await h.say('Not sure how to put it'))).toEqual([en['incident.ask.severity']]);
    const report = (await h.app.parts.store.read(key))?.guide.report;
    expect(report).toMatchObject({ type: 'other', telling: ['Something happened', 'Not sure how to put it'] });
  });

  it('skips the severity question for a critical first message, pages once with priority 1 and says so', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await guideOnTheRoad(h);
    const opened = await h.say('A traveller fell on the bus and is injured, we are in the hospital now');
    expect(texts(opened).at(-1)).toEqual(en['incident.ask.tour']); // kind and severity taken from the words
    await h.press('tour:current');
    await h.press('location:skip');
    const summary = await h.say('Broken arm, being treated');
    expect(summary[0]?.text).toContain('Severity: Critical');
    const filed = await h.press('report:confirm');
    const [incident] = await h.incidents.list();
    expect(texts(filed)).toEqual([`${en['incident.filed'].replace('{incidentId}', incident?.id ?? '')}\n${en['incident.paging']}`]);
    const pages = await h.jobs.waiting('incident.page');
    expect(pages.map((j) => ({ id: j.id, data: j.data, priority: j.priority })))
      .toEqual([{ id: `page:${incident?.id ?? ''}:0`, data: { incidentId: incident?.id }, priority: 1 }]);
  });

  it('files and pages once when the confirming turn is redone after a failed commit', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await guideOnTheRoad(h);
    await h.say('Something to report');
    await h.press('type:accident_injury');
    expect(texts(await h.press('severity:high'))).toEqual([en['incident.ask.tour']]);
    await h.press('tour:current');
    await h.press('location:skip');
    await h.say('Minor damage, two travellers bruised');
    const store = h.app.parts.store;
    const write = store.write.bind(store);
    let failures = 1;
    store.write = async (k, state) => {
      if (state.guide.reportNo === 2 && failures-- > 0) throw new Error('store down'); // after the incident was opened
      return write(k, state);
    };
    await expect(h.press('report:confirm')).rejects.toThrow('store down');
    await h.app.engine.recover();
    const incidents = await h.incidents.list();
    expect(incidents).toHaveLength(1);
    expect(await h.jobs.waiting('incident.page')).toHaveLength(1);
    expect(h.sent.at(-1)?.text).toContain(incidents[0]?.id ?? 'none');
  });

  it('files each report of a conversation as its own incident', async () => {
    const h = new Harness({ DEFAULT_LOCALE: 'en' });
    await guideOnTheRoad(h);
    for (const what of ['The museum is closed today', 'The lunch restaurant cancelled']) {
      await h.say(what);
      await h.press('type:itinerary_change');
      await h.press('severity:low');
      await h.press('tour:current');
      await h.press('location:skip');
      expect(steps(await h.say('Swapped with the afternoon visit'))).toEqual(['incident']);
      await h.press('report:confirm');
    }
    expect(await h.incidents.list()).toHaveLength(2);
  });
});
