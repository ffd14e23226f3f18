import type { Logger } from '../log.ts';
import type { DeskFeed } from '../ports/desk-feed.ts';
import type { IncidentRegister } from '../ports/incident-register.ts';
import type { JobOptions, JobQueue } from '../ports/job-queue.ts';

/** The options of the `page`th page about an incident: top priority, one job per page. */
export const pageJob = (incidentId: string, page: number, delayMs = 0): JobOptions => ({ priority: 1, jobId: `page:${incidentId}:${page}`, delayMs });

export interface PagingParts {
  jobs: JobQueue;
  incidents: IncidentRegister;
  feed: DeskFeed;
  log: Logger;
}

/**
 * Pages the manager on duty about a high or critical incident: every console hears it with a
 * banner and a sound, again every `repeatMs`, until someone acknowledges it.
 */
export function workPaging(p: PagingParts, repeatMs: number): void {
  p.jobs.process('incident.page', async (job) => {
    const incidentId = typeof job.data.incidentId === 'string' ? job.data.incidentId : '';
    const incident = await p.incidents.get(incidentId);
    if (!incident || incident.acknowledgedAt) return;
    const paged = await p.incidents.recordPage(incident.id);
    await p.feed.publish({ kind: 'incident', incidentId: incident.id, change: 'page' });
    p.log.warn('incident.paged', { incident: incident.id, severity: incident.severity, pages: paged?.pages ?? 0 });
    await p.jobs.add('incident.page', { incidentId: incident.id }, pageJob(incident.id, paged?.pages ?? 0, repeatMs));
  });
}
