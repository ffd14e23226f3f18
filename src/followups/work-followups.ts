import { greeted } from '../../flows/followup.ts';
import type { ChannelRouter } from '../channel-router.ts';
import { inRecordedLocale } from '../conversation/state.ts';
import type { ConversationState } from '../conversation/state.ts';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from '../log.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { Clock } from '../ports/clock.ts';
import type { DepartureRoster } from '../ports/departure-roster.ts';
import type { JobQueue } from '../ports/job-queue.ts';

export interface FollowupParts {
  jobs: JobQueue;
  roster: DepartureRoster;
  engine: Engine;
  router: ChannelRouter;
  audit: AuditLog;
  clock: Clock;
  log: Logger;
}

/** Why a greeting was not sent. */
export type SkipReason =
  | 'no_chat_identity' // the roster no longer has one for the traveller
  | 'wechat_window_closed' // outside the 48-hour window, no template configured
  | 'conversation_busy'; // a complaint is under way, or staff have the conversation

/**
 * Greets each traveller the day after their trip, through their own channel and in their language,
 * once: every greeting is recorded in the audit log (actor `system`), sent or skipped with its reason.
 */
export function workFollowups(p: FollowupParts): void {
  p.jobs.process('followup.greet', async (job) => {
    const departure = { tourCode: String(job.data.tourCode), date: String(job.data.date) };
    const ref = String(job.data.ref);
    const target = `${departure.tourCode}/${departure.date}/${ref}`;
    const record = async (action: 'followup.sent' | 'followup.skipped', details: { channel: string | null; reason?: SkipReason }) => {
      await p.audit.record({ actor: 'system', action, target, details, at: p.clock.now() });
      p.log.info(action, { tour: departure.tourCode, ...details });
    };
    const before = await p.audit.entries({ actor: 'system', target, limit: 1 });
    if (before.some((e) => e.action.startsWith('followup.'))) return; // a redone job: greeted (or not) already

    const traveller = (await p.roster.travellers(departure)).find((t) => t.ref === ref);
    const channel = traveller?.channel ?? null;
    const conversationId = traveller?.conversationId;
    if (!channel || !conversationId) return record('followup.skipped', { channel, reason: 'no_chat_identity' });
    if (!(await p.router.canWriteFirst(channel, conversationId))) return record('followup.skipped', { channel, reason: 'wechat_window_closed' });
    let busy = false;
    await p.engine.reachOut({ channel, conversationId }, job.id, (state, ctx) => {
      busy = !idle(state);
      return busy ? null : greeted(inRecordedLocale(state, traveller.locale), departure, ctx);
    });
    await record(busy ? 'followup.skipped' : 'followup.sent', { channel, ...(busy ? { reason: 'conversation_busy' as const } : {}) });
  });
}

/** Nothing under way: a new conversation, or one whose last complaint is done, with the bot. */
const idle = (state: ConversationState): boolean =>
  state.mode === 'bot' && state.role === 'traveller' && !state.aftercare.settlement
  && (state.complaint.step === 'report' || (state.complaint.step === 'listen' && state.complaint.facts.telling.length === 0));
