import type { AffectedTraveller, Incident, IncidentDraft, IncidentFilter, IncidentRegister } from '../../ports/incident-register.ts';
import { newIncidentNumber } from '../case-number.ts';

/** The embedded incident register: gone when the process ends. */
export class MemoryIncidentRegister implements IncidentRegister {
  readonly #incidents = new Map<string, Incident>();
  readonly #byIdempotencyKey = new Map<string, string>();
  readonly #byGroupKey = new Map<string, string>();

  async open(idempotencyKey: string, draft: IncidentDraft, at: Date): Promise<Incident> {
    const known = this.#byIdempotencyKey.get(idempotencyKey);
    if (known !== undefined) return this.#copy(known);
    const id = this.#create(draft, at);
    this.#byIdempotencyKey.set(idempotencyKey, id);
    return this.#copy(id);
  }

  async joinGroup(groupKey: string, draft: IncidentDraft, travellers: AffectedTraveller[], at: Date): Promise<{ incident: Incident; created: boolean }> {
    // No await between finding and creating: concurrent calls for one key cannot both create.
    const known = this.#byGroupKey.get(groupKey);
    const id = known ?? this.#create(draft, at);
    this.#byGroupKey.set(groupKey, id);
    this.#addAffected(id, travellers);
    return { incident: this.#copy(id), created: known === undefined };
  }

  async get(id: string): Promise<Incident | undefined> {
    return this.#incidents.has(id) ? this.#copy(id) : undefined;
  }

  async list({ tourCode, date, unacknowledged, limit = 100 }: IncidentFilter = {}): Promise<Incident[]> {
    const found = [...this.#incidents.values()].filter((i) => (tourCode === undefined || i.departure?.tourCode === tourCode)
      && (date === undefined || i.departure?.date === date)
      && (!unacknowledged || i.acknowledgedAt === null));
    return structuredClone(found.sort(newestFirst).slice(0, limit));
  }

  async acknowledge(id: string, staffId: string, at: Date): Promise<Incident | undefined> {
    const incident = this.#incidents.get(id);
    if (!incident) return undefined;
    if (incident.acknowledgedAt === null) Object.assign(incident, { acknowledgedAt: new Date(at), acknowledgedBy: staffId });
    return this.#copy(id);
  }

  async recordPage(id: string): Promise<Incident | undefined> {
    const incident = this.#incidents.get(id);
    if (!incident) return undefined;
    incident.pages++;
    return this.#copy(id);
  }

  async addAffected(id: string, travellers: AffectedTraveller[]): Promise<Incident | undefined> {
    if (!this.#incidents.has(id)) return undefined;
    this.#addAffected(id, travellers);
    return this.#copy(id);
  }

  /** Stores a new incident from `draft` under a free number; returns the number. */
  #create(draft: IncidentDraft, at: Date): string {
    let id = newIncidentNumber();
    while (this.#incidents.has(id)) id = newIncidentNumber();
    this.#incidents.set(id, structuredClone({
      ...draft, id, affected: [], createdAt: at, acknowledgedAt: null, acknowledgedBy: null, pages: 0,
    }));
    return id;
  }

  /** Appends the travellers whose conversation is not on the incident yet; the first entry of one stays. */
  #addAffected(id: string, travellers: AffectedTraveller[]): void {
    const affected = this.#incidents.get(id)?.affected ?? [];
    for (const t of travellers) {
      if (!affected.some((a) => a.conversationKey === t.conversationKey)) affected.push({ conversationKey: t.conversationKey, channel: t.channel, caseId: t.caseId });
    }
  }

  #copy(id: string): Incident {
    const incident = this.#incidents.get(id);
    if (!incident) throw new Error(`no incident ${id}`);
    return structuredClone(incident);
  }
}

/** Newest first; the number keeps incidents of one instant in one order, as in SQL. */
function newestFirst(a: Incident, b: Incident): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
