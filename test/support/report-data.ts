import type { ManualClock } from '../../src/clock/manual-clock.ts';
import type { CaseDraft, CaseRegister } from '../../src/ports/case-register.ts';
import type { GuideRegistry } from '../../src/ports/guide-registry.ts';
import type { PromiseLedger } from '../../src/ports/promise-ledger.ts';
import type { FeedbackLeft, SurveyScore, SurveyScores } from '../../src/reports/report-source.ts';

/** The agency's zone: UTC+8, so 17:00 UTC is the next local day. */
export const timeZone = 'Asia/Shanghai';
export const q3 = { from: '2026-07-01', to: '2026-09-30' };

const draft = (over: Partial<CaseDraft>): CaseDraft => ({
  conversationKey: `webchat:${Math.random()}`, channel: 'webchat', category: 'accommodation', also: [], problems: [],
  severity: 'medium', flags: [], status: 'open', steps: ['listen'], facts: {}, outcome: null, ...over,
});

/**
 * A known quarter, written through the stores as the app writes them. Six cases:
 * C1 Jul 5  accommodation GZ-1, handed off, first reply missed, resolved; accepted ¥660, supplier 70 % (462) / guide 30 % (198)
 * C2 Jul 20 accommodation GZ-1, the bot settled it, resolved; accepted ¥120.50
 * C3 Aug 10 meals XA-2, handed off, resolution missed, still with a person
 * C4 Oct 1 local (Sep 30 17:00 UTC) meals: outside the quarter
 * C5 Jul 1 local (Jun 30 17:00 UTC) transport, no tour, open
 * C6 Sep 15 accommodation XA-2, handed off, resolved, supplier 100 % of nothing; a deadline set but kept
 * Guides: Ann leads GZ-1 from Jul 1; Bo leads XA-2 on Aug 1, Cai on Sep 1.
 */
export async function writeKnownQuarter(p: { register: CaseRegister; ledger: PromiseLedger; guides: GuideRegistry; clock: ManualClock }): Promise<{ ann: string; bo: string; cai: string; ids: string[] }> {
  const at = (iso: string) => p.clock.advance(Date.parse(iso) - p.clock.now().getTime());
  const open = async (iso: string, over: Partial<CaseDraft>) => {
    at(iso);
    return (await p.register.open(`known-${Math.random()}`, draft(over))).id;
  };
  const c5 = await open('2026-06-30T17:00:00Z', { category: 'transport' });
  const c1 = await open('2026-07-05T02:00:00Z', {
    facts: { tour: 'gz-1 ' }, steps: ['listen', 'handoff'], status: 'resolved',
    outcome: { accepted: { total: 660 }, resolution: { code: 'remedy_given', responsible: [{ party: 'supplier', share: 70, cost: 462 }, { party: 'guide', share: 30, cost: 198 }] } },
  });
  const c2 = await open('2026-07-20T02:00:00Z', { facts: { tour: 'GZ-1' }, steps: ['listen', 'offer', 'confirm'], status: 'resolved', outcome: { accepted: { total: 120.5 } } });
  const c3 = await open('2026-08-10T02:00:00Z', { category: 'meals', facts: { tour: 'XA-2' }, steps: ['listen', 'handoff'], status: 'handed_off' });
  const c6 = await open('2026-09-15T02:00:00Z', {
    facts: { tour: 'XA-2' }, steps: ['handoff'], status: 'resolved',
    outcome: { resolution: { code: 'explained', responsible: [{ party: 'supplier', share: 100, cost: 0 }] } },
  });
  const c4 = await open('2026-09-30T17:00:00Z', { category: 'meals' });
  const deadline = (caseId: string, payload: Record<string, unknown>) => ({ caseId, kind: 'deadline' as const, payload, policyVersion: 'test', at: p.clock.now() });
  await p.ledger.append([
    deadline(c1, { missed: '2026-07-05T04:00:00Z', kind: 'first_response', misses: 1, dueAt: null }),
    deadline(c1, { missed: '2026-07-05T06:00:00Z', kind: 'first_response', misses: 2, dueAt: null }),
    deadline(c3, { missed: '2026-08-17T02:00:00Z', kind: 'resolution', misses: 1, dueAt: null }),
    deadline(c6, { dueAt: '2026-09-16T02:00:00Z', for: 'arrangement' }),
  ]);
  const guide = async (name: string, tourCode: string, date: string) => (await p.guides.add({ name, phone: '+86 138 0000 0000', departures: [{ tourCode, date }] }, p.clock.now())).id;
  return { ann: await guide('Ann', 'GZ-1', '2026-07-01'), bo: await guide('Bo', 'XA-2', '2026-08-01'), cai: await guide('Cai', 'XA-2', '2026-09-01'), ids: [c1, c2, c3, c4, c5, c6] };
}

/** Four answers in July and August: three of them 4 or 5. */
/** Suggestions and praise left in the known quarter. */
export const knownFeedback: FeedbackLeft[] = [
  { at: new Date('2026-07-03T02:00:00Z'), kind: 'suggestion' },
  { at: new Date('2026-08-15T02:00:00Z'), kind: 'praise' },
  { at: new Date('2026-08-20T02:00:00Z'), kind: 'suggestion' },
  // 1 October in Shanghai: outside the quarter.
  { at: new Date('2026-09-30T17:00:00Z'), kind: 'praise' },
];

/** What reports read of surveys, from the known scores and feedback. */
export const knownSurveys: SurveyScores = {
  scoresBetween: async (from, until) => knownScores.filter((s) => s.at >= from && s.at < until),
  feedbackBetween: async (from, until) => knownFeedback.filter((f) => f.at >= from && f.at < until),
};

export const knownScores: SurveyScore[] = [
  { at: new Date('2026-07-06T02:00:00Z'), score: 5, part: 'overall' },
  { at: new Date('2026-07-06T02:00:00Z'), score: 4, part: 'guide' },
  { at: new Date('2026-07-21T02:00:00Z'), score: 3, part: 'overall' },
  { at: new Date('2026-08-11T02:00:00Z'), score: 4, part: 'overall' },
  // A day outside the quarter, locally: not counted.
  { at: new Date('2026-09-30T17:00:00Z'), score: 1, part: 'overall' },
];
