import { z } from 'zod';
import { handoffReasons } from '../conversation/complaint-slice.ts';
import type { Engine } from '../engine/engine.ts';
import { errorFields } from '../log.ts';
import type { Logger } from '../log.ts';
import type { CaseRegister } from '../ports/case-register.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeskEvent, DeskFeed } from '../ports/desk-feed.ts';
import type { DeskLevel, EscalationDesk, TicketReason } from '../ports/escalation-desk.ts';
import type { Job, JobQueue } from '../ports/job-queue.ts';
import type { AgencyPolicy } from '../policy/agency-policy.ts';
import { severities } from '../taxonomy.ts';
import { levelToApprove } from './permissions.ts';
import type { Teams } from './teams.ts';

export interface IntakeParts {
  jobs: JobQueue;
  desk: EscalationDesk;
  feed: DeskFeed;
  register: CaseRegister;
  teams: Teams;
  policy: AgencyPolicy;
  clock: Clock;
  log: Logger;
}

// Jobs wait in Redis across upgrades: check what comes back.
const handoffJob = z.object({
  conversationKey: z.string(),
  caseId: z.string(),
  reason: z.enum([...handoffReasons, 'low_satisfaction']), // approvals come as case.action jobs
  severity: z.enum(severities),
  /** The time the traveller was given; jobs queued before it was carried have none. */
  dueAt: z.iso.datetime().optional(),
});
const actionJob = z.object({
  conversationKey: z.string(),
  caseId: z.string(),
  approver: z.string(),
  needsApproval: z.boolean(),
  dueAt: z.iso.datetime(),
});
const alertJob = z.object({ caseId: z.string() });

/** Reasons a case goes straight to a supervisor. */
const supervised = new Set(['external_threat', 'asked_for_manager', 'low_satisfaction']);

/**
 * Puts cases on the staff desk as the bot raises them: a handoff, an accepted remedy
 * that needs approving, a supervisor alert. Run where jobs are worked (`start`, `worker`).
 */
export function workDeskIntake(p: IntakeParts): void {
  p.jobs.process('handoff', async (job) => {
    const data = parse(job, handoffJob, p.log);
    if (!data) return;
    // Critical cases, threats to go outside, a manager asked for and low survey scores start with a supervisor.
    const level: DeskLevel = data.severity === 'critical' || supervised.has(data.reason) ? 'supervisor' : 'agent';
    const respondBy = data.dueAt ? new Date(data.dueAt) : p.policy.responseDue(data.severity, job.runAt);
    await openTicket(p, data.caseId, data.reason, level, respondBy);
  });
  p.jobs.process('case.action', async (job) => {
    const data = parse(job, actionJob, p.log);
    if (!data?.needsApproval) return; // an arrangement without approval is the bot's to confirm
    await openTicket(p, data.caseId, 'approval', levelToApprove(data.approver), new Date(data.dueAt));
  });
  p.jobs.process('supervisor.alert', async (job) => {
    const data = parse(job, alertJob, p.log);
    if (!data || !(await p.desk.get(data.caseId))) return;
    await p.desk.markAlerted(data.caseId, p.clock.now());
    await p.feed.publish({ kind: 'ticket', caseId: data.caseId, change: 'alert' });
  });
}

async function openTicket(p: IntakeParts, caseId: string, reason: TicketReason, level: DeskLevel, respondBy: Date): Promise<void> {
  const record = await p.register.get(caseId);
  if (!record) return p.log.error('desk.no_case', { case: caseId });
  const now = p.clock.now();
  const team = p.teams.route({ category: record.category, severity: record.severity, flags: record.flags, reason });
  await p.desk.open({
    caseId, conversationKey: record.conversationKey, channel: record.channel, team, level, reason,
    severity: record.severity, category: record.category, flags: record.flags,
    openedAt: now, respondBy, resolveBy: p.policy.resolutionDue(record.severity, record.createdAt),
  });
  await p.feed.publish({ kind: 'ticket', caseId, change: 'opened' });
}

function parse<S extends z.ZodType>(job: Job, schema: S, log: Logger): z.infer<S> | null {
  const parsed = schema.safeParse(job.data);
  if (parsed.success) return parsed.data;
  log.error('desk.unreadable_job', { job: job.id, jobName: job.name });
  return null;
}

/**
 * Tells the consoles, from whichever process took the message, when a traveller writes in a
 * conversation on the desk, and when a message was set aside because its turn failed every time.
 */
export function relayToConsoles(engine: Engine, feed: DeskFeed, log: Logger): void {
  const publish = (event: DeskEvent) => feed.publish(event).catch((e: unknown) => log.warn('desk.relay_failed', errorFields(e)));
  engine.on('traveller.wrote', ({ caseId }) => void publish({ kind: 'message', caseId }));
  engine.on('message.dead_lettered', () => void publish({ kind: 'inbox', change: 'set_aside' }));
}
