import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { withDesk } from '../support/with-desk.ts';
import { knownGaps } from './known-gaps.ts';
import { loadScripts, plain, Player } from './player.ts';
import type { Script } from './player.ts';

/**
 * Whole conversations written by someone who did not write the flows (SCRIPTS.md), played on the
 * embedded app with its desk: what the bot asked, restated, filed and offered, turn by turn.
 */
// TRIPCARE_SCRIPTS=held-out plays the held-out set instead, to measure on scripts nobody tuned on (SCRIPTS.md).
const folder = process.env.TRIPCARE_SCRIPTS === 'held-out' ? 'held-out' : 'scripts';
const scripts = loadScripts(new URL(`./${folder}/`, import.meta.url));
const gaps = folder === 'scripts' ? knownGaps : new Map<string, string>();

describe('scripted conversations', () => {
  it.runIf(folder === 'scripts')('name only scripts that exist among their known gaps', () => {
    for (const id of knownGaps.keys()) expect(scripts.map((s) => s.id)).toContain(id);
  });

  it.runIf(folder === 'scripts')('cover every point in every language, sixty or more', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(60);
    for (const language of ['en', 'zh-Hans', 'zh-Hant']) {
      for (const point of [1, 3, 4, 5, 6, 7, 8]) {
        expect(scripts.some((s) => s.language === language && s.point === point), `${language} point ${point}`).toBe(true);
      }
    }
  });

  for (const s of scripts) {
    const gap = gaps.get(s.id);
    (gap ? it.fails : it)(gap ? `${s.id} (known gap: ${gap})` : s.id, async () => {
      const h = withDesk();
      const p = new Player(h, s);
      try {
        await play(h, p, s);
      } catch (e) {
        if (e instanceof Error) e.message += `\n--- the conversation ---\n${p.transcript.join('\n')}`;
        throw e;
      }
    });
  }
});

async function play(h: Harness, p: Player, s: Script): Promise<void> {
  if (s.role === 'guide') await p.bindGuide();
  const casesBefore = h.cases.length;
  const opened = await p.open();
  if (s.expect) {
    await p.check(opened, s.expect, s.opening.join('\n'), casesBefore);
  } else {
    await p.intake();
    for (const slot of s.neverAsked) expect(p.asked, `asked again for ${slot}, given already`).not.toContain(slot);
    if (s.restatement) {
      const confirmed = p.restatements.at(-1);
      expect(confirmed, 'a restatement was shown').toBeDefined();
      for (const t of s.restatement.contains) expect(plain(confirmed ?? ''), `restatement should contain "${t}":\n${confirmed}`).toContain(plain(t));
      for (const t of s.restatement.notContains) expect(plain(confirmed ?? ''), `restatement should not contain "${t}":\n${confirmed}`).not.toContain(plain(t));
    }
    const record = await h.register.latestCase('telegram:c1');
    if (s.case) {
      expect(record, 'a case was filed').toBeDefined();
      const facts = record?.facts;
      for (const problem of s.case.problems ?? []) expect(record?.problems, 'every problem told').toContain(problem);
      for (const [name, value] of Object.entries(s.case.figures ?? {})) expect((facts?.figures as { numbers: Record<string, number> } | undefined)?.numbers[name], `figure ${name}`).toBe(value);
      if (s.case.people !== undefined) expect(facts?.people, 'people').toBe(s.case.people);
      if (s.case.tour !== undefined) expect(facts?.tour, 'tour').toBe(s.case.tour);
      if (s.case.wants !== undefined) expect(JSON.stringify(facts?.wants), 'what they want').toContain(s.case.wants);
    }
    if (s.offer) {
      const offers = record ? (await h.app.parts.ledger.entries(record.id)).filter((e) => e.kind === 'offer') : [];
      const offer = offers.at(-1)?.payload as { total: number | null; options: { clause: string; amount: number | null }[] } | undefined;
      if ('none' in s.offer) {
        expect(offer?.total ?? 0, 'no money offered').toBe(0);
      } else {
        expect(offer, 'an offer was made').toBeDefined();
        for (const clause of s.offer.clauses) expect(offer?.options.map((o) => o.clause), `clause ${clause}`).toContain(clause);
        if (s.offer.atLeast !== undefined) expect(offer?.total ?? 0, 'never below the legal floor').toBeGreaterThanOrEqual(s.offer.atLeast);
        if (s.offer.total !== undefined) expect(offer?.total, 'total').toBe(s.offer.total);
        if (s.offer.pending) expect(offer?.total, 'left to staff').toBeNull();
      }
    }
  }
  for (const turn of s.after) await p.after(turn.say, turn.expect);
}
