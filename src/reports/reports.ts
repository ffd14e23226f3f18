import { localDate } from '../clock/local-date.ts';
import type { ActionTargetKind } from '../ports/corrective-actions.ts';
import type { Guide } from '../ports/guide-registry.ts';
import { toCents } from '../policy/cents.ts';
import { dimensions } from './dimensions.ts';
import { bucketOf, bucketsOf } from './period.ts';
import type { Period } from './period.ts';
import type { FeedbackLeft, ReportCase, SurveyScore } from './report-source.ts';
import { money, percent, sum, Tally } from './tally.ts';
import type { Reader, ReportRow } from './tally.ts';

export const reportNames = ['categories', 'top-categories', 'tours', 'guides', 'parties', 'sla', 'satisfaction', 'handoffs', 'costs', 'feedback'] as const;
export type ReportName = (typeof reportNames)[number];

export interface Report {
  name: ReportName;
  period: Period;
  buckets: string[];
  rows: ReportRow[];
}

/** What the reports are computed from: the period's cases and survey answers, and the guides. */
export interface ReportData {
  cases: readonly ReportCase[];
  scores: readonly SurveyScore[];
  feedback: readonly FeedbackLeft[];
  guides: readonly Guide[];
  timeZone: string;
}

/** The complaint counts, by what they count complaints against. */
const countedBy: Partial<Record<ReportName, ActionTargetKind>> = { categories: 'category', 'top-categories': 'category', tours: 'tour', guides: 'guide', parties: 'party' };

/** The weakest links: this many categories with the most complaints. */
const topCount = 5;

/** One report over the period. Items outside its local dates are left out here. */
export function buildReport(name: ReportName, period: Period, data: ReportData): Report {
  const buckets = bucketsOf(period);
  const dayOf = (at: Date) => localDate(at, data.timeZone);
  const inPeriod = (at: Date) => dayOf(at) >= period.from && dayOf(at) <= period.to;
  const bucket = (at: Date) => bucketOf(dayOf(at), period.by);
  const cases = data.cases.filter((c) => inPeriod(c.openedAt));
  const tally = new Tally();
  const rows = (keys: readonly string[] = tally.keys(), read: Reader = sum) => tally.rows(keys, buckets, read);

  const kind = countedBy[name];
  if (kind) {
    const dimension = dimensions(data.guides, data.timeZone)[kind];
    for (const c of cases) for (const key of dimension(c)) tally.add(key, bucket(c.openedAt));
    const counted = rows(name === 'top-categories' ? tally.keys().slice(0, topCount) : tally.keys());
    return { name, period, buckets, rows: name === 'guides' ? counted.map((r) => ({ ...r, label: guideName(data.guides, r.key) })) : counted };
  }
  if (name === 'sla') {
    for (const c of cases) {
      if (c.handedOff) tally.add('first_response_met', bucket(c.openedAt), c.missed.includes('first_response') ? 0 : 1);
      const broken = c.missed.includes('resolution') || c.missed.includes('promised_action');
      // Judged once the outcome is known: resolved, or a promise already broken.
      if (c.status === 'resolved' || broken) tally.add('resolution_met', bucket(c.openedAt), c.status === 'resolved' && !broken ? 1 : 0);
    }
    return { name, period, buckets, rows: rows(['first_response_met', 'resolution_met'], percent) };
  }
  if (name === 'satisfaction') {
    for (const s of data.scores.filter((s) => inPeriod(s.at))) {
      for (const key of ['all', s.part]) tally.add(key, bucket(s.at), s.score >= 4 ? 1 : 0);
    }
    return { name, period, buckets, rows: rows(['all', ...tally.keys().filter((k) => k !== 'all').sort()], percent) };
  }
  if (name === 'feedback') {
    for (const f of data.feedback.filter((f) => inPeriod(f.at))) tally.add(f.kind, bucket(f.at));
    return { name, period, buckets, rows: rows(['suggestion', 'praise']) };
  }
  if (name === 'handoffs') {
    for (const c of cases) {
      tally.add('handed_off_rate', bucket(c.openedAt), c.handedOff ? 1 : 0);
      if (c.handedOff) tally.add('handed_off', bucket(c.openedAt));
      else if (c.status === 'resolved') tally.add('bot_resolved', bucket(c.openedAt));
    }
    return { name, period, buckets, rows: [...rows(['bot_resolved', 'handed_off']), ...rows(['handed_off_rate'], percent)] };
  }
  for (const c of cases) {
    // Money is summed in cents: floats would drift over thousands of cases.
    if (c.acceptedTotal !== null) tally.add('accepted', bucket(c.openedAt), toCents(c.acceptedTotal));
    for (const r of c.responsible) tally.add(`party:${r.party}`, bucket(c.openedAt), toCents(r.cost));
  }
  return { name, period, buckets, rows: rows(['accepted', ...tally.keys().filter((k) => k !== 'accepted').sort()], money) };
}

const guideName = (guides: readonly Guide[], id: string): string => guides.find((g) => g.id === id)?.name ?? id;
