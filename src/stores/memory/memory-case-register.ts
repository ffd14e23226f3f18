import type { CaseDraft, CaseRecord, CaseRegister, TranscriptEntry } from '../../ports/case-register.ts';
import type { Clock } from '../../ports/clock.ts';
import { newCaseNumber } from '../case-number.ts';

/** The embedded case register: everything in memory, gone when the process ends. */
export class MemoryCaseRegister implements CaseRegister {
  readonly #cases = new Map<string, CaseRecord>();
  readonly #byIdempotencyKey = new Map<string, string>();
  readonly #transcripts = new Map<string, TranscriptEntry[]>();
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  async open(idempotencyKey: string, draft: CaseDraft): Promise<CaseRecord> {
    const known = this.#byIdempotencyKey.get(idempotencyKey);
    if (known) return this.update(known, draft);
    let id = newCaseNumber();
    while (this.#cases.has(id)) id = newCaseNumber();
    const now = this.#clock.now();
    const record: CaseRecord = structuredClone({ ...draft, id, createdAt: now, updatedAt: now });
    this.#cases.set(id, record);
    this.#byIdempotencyKey.set(idempotencyKey, id);
    return structuredClone(record);
  }

  async update(id: string, patch: Partial<CaseDraft>): Promise<CaseRecord> {
    const record = this.#cases.get(id);
    if (!record) throw new Error(`no case ${id}`);
    const updated = structuredClone({ ...record, ...patch, updatedAt: this.#clock.now() });
    this.#cases.set(id, updated);
    return structuredClone(updated);
  }

  async get(id: string): Promise<CaseRecord | undefined> {
    const record = this.#cases.get(id);
    return record && structuredClone(record);
  }

  async appendTranscript(entries: TranscriptEntry[]): Promise<void> {
    for (const entry of entries) {
      const kept = this.#transcripts.get(entry.conversationKey) ?? [];
      if (kept.some((e) => e.id === entry.id)) continue;
      kept.push(structuredClone(entry));
      this.#transcripts.set(entry.conversationKey, kept);
    }
  }

  async transcript(conversationKey: string): Promise<TranscriptEntry[]> {
    return structuredClone(this.#transcripts.get(conversationKey) ?? []);
  }

  async casesForTour(tourCode: string, since: Date): Promise<CaseRecord[]> {
    const wanted = tourKey(tourCode);
    return this.#oldestFirst((c) => typeof c.facts.tour === 'string' && tourKey(c.facts.tour) === wanted && c.createdAt >= since);
  }

  async casesOpened(from: Date, until: Date): Promise<CaseRecord[]> {
    return this.#oldestFirst((c) => c.createdAt >= from && c.createdAt < until);
  }

  /** Cases opened at one instant in number order, as in SQL. */
  #oldestFirst(wanted: (c: CaseRecord) => boolean): CaseRecord[] {
    const found = [...this.#cases.values()].filter(wanted);
    return structuredClone(found.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }

  async latestCase(conversationKey: string): Promise<CaseRecord | undefined> {
    return this.#oldestFirst((c) => c.conversationKey === conversationKey).at(-1);
  }
}

/** A tour code as compared: `upper(trim(…))` in SQL, which trims spaces only. */
const tourKey = (code: string): string => code.replace(/^ +| +$/g, '').toUpperCase();
