import type { Logger } from '../log.ts';
import type { CaseRecord, CaseRegister } from '../ports/case-register.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeskFeed } from '../ports/desk-feed.ts';
import type { Departure, GuideRegistry } from '../ports/guide-registry.ts';
import type { IncidentRegister, IncidentType } from '../ports/incident-register.ts';
import type { Job, JobQueue } from '../ports/job-queue.ts';
import { localDate } from '../clock/local-date.ts';
import { severities } from '../taxonomy.ts';
import type { Category, Severity } from '../taxonomy.ts';
import { pageJob } from './paging.ts';

export interface GroupRule {
  /** Travellers (conversations) complaining about one category on one departure… */
  threshold: number;
  /** …within this many hours make a group complaint. */
  windowHours: number;
}

export interface GroupWatchParts {
  jobs: JobQueue;
  register: CaseRegister;
  incidents: IncidentRegister;
  guides: GuideRegistry;
  feed: DeskFeed;
  clock: Clock;
  log: Logger;
  timeZone: string;
}

/** Which kind of incident a category's group complaint is. */
const incidentTypeOf: Partial<Record<Category, IncidentType>> = {
  accommodation: 'hotel', transport: 'transport', itinerary: 'itinerary_change', safety: 'accident_injury',
};

/** The same tour code however it was typed. */
export const normalTourCode = (tour: string): string => tour.trim().toUpperCase();

/**
 * Watches for group complaints (群体性投诉): whenever a case names its tour, the cases of
 * that tour in the window are counted by category; at the threshold one group incident opens,
 * listing every affected traveller (later ones join it), and the manager on duty is paged.
 */
export function watchGroupComplaints(p: GroupWatchParts, rule: GroupRule): void {
  p.jobs.process('group.check', async (job: Job) => {
    const caseId = typeof job.data.caseId === 'string' ? job.data.caseId : null;
    const record = caseId ? await p.register.get(caseId) : undefined;
    const tour = typeof record?.facts.tour === 'string' ? normalTourCode(record.facts.tour) : '';
    if (!record || !tour) return;
    const now = p.clock.now();
    const since = new Date(now.getTime() - rule.windowHours * 3_600_000);
    const same = (await p.register.casesForTour(tour, since)).filter((c) => c.category === record.category);
    const travellers = new Map(same.map((c) => [c.conversationKey, c]));
    if (travellers.size < rule.threshold) return;

    const departure = await departureOf(tour, same, p);
    // One group incident per departure and complaint: the same tour code on a later departure is another group.
    const { incident, created } = await p.incidents.joinGroup(`${tour}|${departure.date}|${record.category}`, {
      kind: 'group', departure, type: incidentTypeOf[record.category] ?? 'other', category: record.category,
      severity: groupSeverity(same), location: null, description: '', attachments: [], reportedBy: null,
    }, [...travellers.values()].map((c) => ({ conversationKey: c.conversationKey, channel: c.channel, caseId: c.id })), now);
    if (!created) return;
    p.log.warn('incident.group', { incident: incident.id, travellers: travellers.size });
    await p.feed.publish({ kind: 'incident', incidentId: incident.id, change: 'opened' });
    await p.jobs.add('incident.page', { incidentId: incident.id }, pageJob(incident.id, 0));
  });
}

/** A group complaint is never less than high: many unhappy travellers at once is a crisis in the making. */
function groupSeverity(cases: CaseRecord[]): Severity {
  const worst = Math.max(severities.indexOf('high'), ...cases.map((c) => severities.indexOf(c.severity)));
  return severities[worst] ?? 'high';
}

/**
 * The departure by its guide's schedule: the latest that had set out when the first of these
 * travellers complained; else the day that first complaint came in.
 */
async function departureOf(tourCode: string, cases: CaseRecord[], p: GroupWatchParts): Promise<Departure> {
  const firstDay = localDate(cases[0]?.createdAt ?? p.clock.now(), p.timeZone);
  const led = (await p.guides.list()).flatMap((g) => g.departures)
    .filter((d) => normalTourCode(d.tourCode) === tourCode && d.date <= firstDay)
    .sort((a, b) => a.date.localeCompare(b.date));
  return { tourCode, date: led.at(-1)?.date ?? firstDay };
}
