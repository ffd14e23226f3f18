import { randomUUID } from 'node:crypto';
import { reachedOut, settlementOffered } from '../../flows/outreach.ts';
import type { ChannelRouter } from '../channel-router.ts';
import { inRecordedLocale } from '../conversation/state.ts';
import { DeskError } from '../desk/desk-error.ts';
import { levelOf } from '../desk/permissions.ts';
import { queueItem } from '../desk/queue-item.ts';
import type { Engine } from '../engine/engine.ts';
import type { AuditLog, Json } from '../ports/audit-log.ts';
import type { CaseRegister } from '../ports/case-register.ts';
import type { Clock } from '../ports/clock.ts';
import type { DepartureRoster, RosterTraveller } from '../ports/departure-roster.ts';
import type { DeskFeed } from '../ports/desk-feed.ts';
import type { EscalationDesk } from '../ports/escalation-desk.ts';
import { deskLevels } from '../ports/escalation-desk.ts';
import type { Departure, GuideRegistry } from '../ports/guide-registry.ts';
import type { AffectedTraveller, Incident, IncidentFilter, IncidentRegister } from '../ports/incident-register.ts';
import type { StaffDirectory } from '../ports/staff-directory.ts';
import type { AgencyPolicy } from '../policy/agency-policy.ts';
import { isManager, managerRoles, staffRoles } from '../staff/roles.ts';
import type { Staff } from '../staff/staff-auth.ts';
import type { Locale } from '../taxonomy.ts';
import { normalTourCode } from './group-watch.ts';
import type { DepartureView, IncidentView } from './views.ts';
import { crisisChecklist } from './views.ts';
import { conversationIdOf, conversationKey } from '../conversation/messages.ts';

export interface IncidentDeskParts {
  incidents: IncidentRegister;
  guides: GuideRegistry;
  roster: DepartureRoster;
  register: CaseRegister;
  desk: EscalationDesk;
  staff: StaffDirectory;
  audit: AuditLog;
  feed: DeskFeed;
  engine: Engine;
  router: ChannelRouter;
  policy: AgencyPolicy;
  clock: Clock;
}

/** Someone the agency can write to first: a conversation, or a roster entry with a chat identity (and maybe its locale). */
interface Reachable extends AffectedTraveller {
  conversationId: string;
  locale: Locale | null;
}

/** What outreach did: how many were written to, and how many could not be (no chat identity, WeChat's window closed). */
export interface Reached {
  sent: number;
  skipped: number;
}

/**
 * Incidents in the console: guides' reports and group complaints, their departures, and
 * writing first to the travellers affected — an apology with a remedy, or one group settlement.
 */
export class IncidentDesk {
  readonly #p: IncidentDeskParts;

  constructor(parts: IncidentDeskParts) {
    this.#p = parts;
  }

  async list(actor: Staff, filter: IncidentFilter): Promise<IncidentView[]> {
    internal(actor);
    return Promise.all((await this.#p.incidents.list(filter)).map((i) => this.#view(i)));
  }

  async get(actor: Staff, id: string): Promise<IncidentView> {
    internal(actor);
    return this.#view(await this.#incident(id));
  }

  async acknowledge(actor: Staff, id: string): Promise<void> {
    internal(actor);
    const incident = await this.#p.incidents.acknowledge(id, actor.id, this.#p.clock.now());
    if (!incident) throw new DeskError(404, 'incident_not_found', `no incident ${id}`);
    await this.#done(actor, 'incident.acknowledge', incident, 'acknowledged', {});
  }

  /** A departure's incidents and complaints together. */
  async departure(actor: Staff, tourCode: string, date: string | undefined): Promise<DepartureView> {
    internal(actor);
    const tour = normalTourCode(tourCode);
    const incidents = await this.#p.incidents.list({ tourCode: tour, ...(date ? { date } : {}) });
    const cases = (await this.#p.register.casesForTour(tour, new Date(0))).reverse();
    const tickets = await Promise.all(cases.map((c) => this.#p.desk.get(c.id)));
    const travellers = date ? (await this.#p.roster.travellers({ tourCode: tour, date })).length : 0;
    return {
      departure: { tourCode: tour, date: date ?? incidents[0]?.departure?.date ?? '' },
      incidents: await Promise.all(incidents.map((i) => this.#view(i))),
      complaints: cases.map((c, i) => ({
        caseId: c.id, category: c.category, severity: c.severity, status: c.status, channel: c.channel, createdAt: c.createdAt.toISOString(),
        onDesk: tickets[i] ? queueItem(tickets[i], new Map()) : null,
      })),
      travellers,
    };
  }

  /** Who travels on a departure, with their chat identities where known: for supervisors, executives and admins. */
  async putRoster(actor: Staff, departure: Departure, travellers: RosterTraveller[]): Promise<number> {
    if (!isManager(actor.role)) throw new DeskError(403, 'forbidden_role', 'rosters are kept by supervisors, executives and admins', { roles: managerRoles });
    await this.#p.roster.put(departure, travellers);
    await this.#p.audit.record({ actor: actor.id, action: 'roster.put', target: `${departure.tourCode}/${departure.date}`, details: { travellers: travellers.length }, at: this.#p.clock.now() });
    return (await this.#p.roster.travellers(departure)).length;
  }

  /**
   * Writes first to the travellers affected, each through their own channel: an apology and,
   * within the sender's authority, a goodwill remedy (the policy's own when no amount is given).
   */
  async outreach(actor: Staff, id: string, amount: number | undefined): Promise<Reached> {
    const incident = await this.#incident(id);
    const remedy = this.#authorised(actor, amount ?? this.#p.policy.goodwill().offer ?? 0);
    const reached = await this.#reach(incident, await this.#audience(incident), (target) => async (state, ctx) => {
      await ctx.promise(incident.id, 'offer', { outreach: true, conversationKey: target.conversationKey, amount: remedy });
      return reachedOut(state, { incident, remedy: remedy > 0 ? { amount: remedy, currency: this.#p.policy.currency } : null });
    });
    await this.#done(actor, 'incident.outreach', incident, 'outreach', { amount: remedy, sent: reached.sent, skipped: reached.skipped });
    return reached;
  }

  /** One settlement for every traveller of a group complaint, with the policy's tiers for accepting early. */
  async settlement(actor: Staff, id: string, amount: number): Promise<Reached> {
    const incident = await this.#incident(id);
    if (incident.kind !== 'group') throw new DeskError(409, 'settlement_for_groups_only', 'a settlement is for group complaints; use outreach for a guide\'s report');
    const settled = this.#authorised(actor, amount);
    const reached = await this.#reach(incident, await this.#audience(incident), (target) => (state, ctx) =>
      settlementOffered(state, { incidentId: incident.id, caseId: target.caseId, amount: settled }, ctx));
    await this.#done(actor, 'incident.settlement', incident, 'outreach', { amount: settled, sent: reached.sent, skipped: reached.skipped });
    return reached;
  }

  #authorised(actor: Staff, amount: number): number {
    const level = levelOf(actor);
    if (!level) throw new DeskError(403, 'forbidden_role', 'only agents, supervisors and executives offer remedies', { roles: deskLevels });
    if (!this.#p.policy.canConfirm(level, amount)) {
      const approver = this.#p.policy.approverFor(amount);
      throw new DeskError(403, 'beyond_authority', `${amount} ${this.#p.policy.currency} for each traveller is beyond a ${level}'s authority: it needs a ${approver}`, { role: level, approver });
    }
    return amount;
  }

  /** Those affected, and for a guide's report everyone on the departure's roster whose chat identity is known; each once. */
  async #audience(incident: Incident): Promise<(Reachable | null)[]> {
    const affected = incident.affected.map((a) => ({ ...a, conversationId: conversationIdOf(a.conversationKey), locale: null }));
    const roster = incident.kind === 'report' && incident.departure ? await this.#p.roster.travellers(incident.departure) : [];
    const fromRoster = roster.map((t) => (t.channel && t.conversationId
      ? { channel: t.channel, conversationId: t.conversationId, conversationKey: conversationKey({ channel: t.channel, conversationId: t.conversationId }), caseId: null, locale: t.locale }
      : null));
    const seen = new Set<string>();
    return [...affected, ...fromRoster].filter((t) => !t || (!seen.has(t.conversationKey) && seen.add(t.conversationKey)));
  }

  /** Writes to each of the audience who can be written to, and keeps them on the incident as affected. */
  async #reach(incident: Incident, audience: (Reachable | null)[], change: (target: Reachable) => Parameters<Engine['reachOut']>[2]): Promise<Reached> {
    const reached: AffectedTraveller[] = [];
    for (const target of audience) {
      if (!target || !(await this.#p.router.canWriteFirst(target.channel, target.conversationId))) continue;
      await this.#p.engine.reachOut(target, randomUUID(), (state, ctx) => change(target)(inRecordedLocale(state, target.locale), ctx));
      reached.push({ conversationKey: target.conversationKey, channel: target.channel, caseId: target.caseId });
    }
    if (reached.length > 0) await this.#p.incidents.addAffected(incident.id, reached);
    return { sent: reached.length, skipped: audience.length - reached.length };
  }

  async #incident(id: string): Promise<Incident> {
    const incident = await this.#p.incidents.get(id);
    if (!incident) throw new DeskError(404, 'incident_not_found', `no incident ${id}`);
    return incident;
  }

  async #view(i: Incident): Promise<IncidentView> {
    const [guide, acknowledger, roster] = await Promise.all([
      i.reportedBy ? this.#p.guides.get(i.reportedBy) : undefined,
      i.acknowledgedBy ? this.#p.staff.get(i.acknowledgedBy) : undefined,
      i.departure ? this.#p.roster.travellers(i.departure) : [],
    ]);
    return {
      ...i,
      createdAt: i.createdAt.toISOString(),
      acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: i.acknowledgedBy ? { id: i.acknowledgedBy, displayName: acknowledger?.displayName ?? i.acknowledgedBy } : null,
      reportedBy: i.reportedBy ? { id: i.reportedBy, name: guide?.name ?? i.reportedBy } : null,
      checklist: i.kind === 'group' ? [...crisisChecklist] : [],
      rosterSize: roster.length,
    };
  }

  async #done(actor: Staff, action: string, incident: Incident, change: 'acknowledged' | 'outreach', details: { [key: string]: Json }): Promise<void> {
    await this.#p.audit.record({ actor: actor.id, action, target: incident.id, details, at: this.#p.clock.now() });
    await this.#p.feed.publish({ kind: 'incident', incidentId: incident.id, change });
  }
}

function internal(actor: Staff): void {
  if (actor.role === 'partner') throw new DeskError(403, 'forbidden_role', 'incidents are for agency staff', { roles: staffRoles.filter((role) => role !== 'partner') });
}
