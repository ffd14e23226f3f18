import { randomUUID } from 'node:crypto';
import type { ChatAccount, Departure, Guide, GuideRegistry, NewGuide } from '../../ports/guide-registry.ts';

interface Code {
  guideId: string;
  expiresAt: Date;
  used: boolean;
}

/** The embedded guide registry: gone when the process ends. */
export class MemoryGuideRegistry implements GuideRegistry {
  readonly #guides = new Map<string, Guide>();
  readonly #codes = new Map<string, Code>();
  /** Guide ids by `channel:senderId`. */
  readonly #bindings = new Map<string, string>();

  async add(guide: NewGuide, at: Date): Promise<Guide> {
    const added: Guide = { id: randomUUID(), name: guide.name, phone: guide.phone, departures: departureSet(guide.departures), createdAt: new Date(at) };
    this.#guides.set(added.id, added);
    return structuredClone(added);
  }

  async get(id: string): Promise<Guide | undefined> {
    const guide = this.#guides.get(id);
    return guide && structuredClone(guide);
  }

  async list(): Promise<Guide[]> {
    return structuredClone([...this.#guides.values()].sort(byName));
  }

  async addDepartures(guideId: string, departures: Departure[]): Promise<Guide | undefined> {
    const guide = this.#guides.get(guideId);
    if (!guide) return undefined;
    guide.departures = departureSet([...guide.departures, ...departures]);
    return structuredClone(guide);
  }

  async issueCode(guideId: string, codeHash: string, expiresAt: Date): Promise<void> {
    if (!this.#guides.has(guideId)) throw new Error(`no guide ${guideId}`);
    for (const [hash, code] of this.#codes) if (code.guideId === guideId && !code.used) this.#codes.delete(hash);
    this.#codes.set(codeHash, { guideId, expiresAt: new Date(expiresAt), used: false });
  }

  async redeemCode(codeHash: string, account: ChatAccount, at: Date): Promise<Guide | undefined> {
    const code = this.#codes.get(codeHash);
    if (!code || code.used || code.expiresAt <= at) return undefined;
    code.used = true;
    this.#bindings.set(accountKey(account), code.guideId);
    return this.get(code.guideId);
  }

  async guideFor(account: ChatAccount): Promise<Guide | undefined> {
    const guideId = this.#bindings.get(accountKey(account));
    return guideId === undefined ? undefined : this.get(guideId);
  }
}

const accountKey = (account: ChatAccount): string => `${account.channel}:${account.senderId}`;

/** Each departure once, in date order (then by tour code, in byte order as in SQL). */
function departureSet(departures: Departure[]): Departure[] {
  const unique = new Map(departures.map(({ tourCode, date }) => [JSON.stringify([date, tourCode]), { tourCode, date }]));
  return [...unique.values()].sort((a, b) => compare(a.date, b.date) || compare(a.tourCode, b.tourCode));
}

/** By name, in byte order as in SQL; the id keeps namesakes in one order. */
const byName = (a: Guide, b: Guide): number => compare(a.name, b.name) || compare(a.id, b.id);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
