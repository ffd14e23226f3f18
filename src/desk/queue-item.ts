import type { Ticket } from '../ports/escalation-desk.ts';
import type { QueueItem, StaffRef } from './views.ts';

/** A staff member by id, named when `names` knows them. */
export const ref = (id: string, names: ReadonlyMap<string, string>): StaffRef => ({ id, displayName: names.get(id) ?? id });

/** A ticket as a line of the queue; `names` gives the owner's name. */
export function queueItem(t: Ticket, names: ReadonlyMap<string, string>): QueueItem {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    caseId: t.caseId, channel: t.channel, team: t.team, level: t.level, reason: t.reason, severity: t.severity,
    category: t.category, flags: t.flags, status: t.status, owner: t.ownerId ? ref(t.ownerId, names) : null,
    openedAt: t.openedAt.toISOString(), respondBy: iso(t.respondBy), resolveBy: iso(t.resolveBy), alertedAt: iso(t.alertedAt),
  };
}
