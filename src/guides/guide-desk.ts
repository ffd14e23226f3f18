import { z } from 'zod';
import { DeskError } from '../desk/desk-error.ts';
import type { AuditLog } from '../ports/audit-log.ts';
import type { Clock } from '../ports/clock.ts';
import type { Departure, Guide, GuideRegistry } from '../ports/guide-registry.ts';
import { isManager, managerRoles } from '../staff/roles.ts';
import type { Staff } from '../staff/staff-auth.ts';
import type { GuideView } from '../incidents/views.ts';
import { bindingCodeHash, newBindingCode } from './binding-code.ts';

/** A binding code works this long: time enough to reach a guide on the road. */
const codeTtlMs = 72 * 3_600_000;

const isoDate = z.iso.date('a date as yyyy-mm-dd');
export const departureSchema = z.strictObject({ tourCode: z.string().trim().min(2).max(40).regex(/^[\w-]+$/, 'letters, digits, - and _'), date: isoDate });
export const newGuideBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  phone: z.string().trim().regex(/^\+?[\d\s-]{5,20}$/, 'a phone number'),
  departures: z.array(departureSchema).max(200).default([]),
});
export const departuresBody = z.strictObject({ departures: z.array(departureSchema).min(1).max(200) });

/** Registering guides and issuing the one-time codes that bind their chat accounts: for supervisors, executives and admins. */
export class GuideDesk {
  readonly #guides: GuideRegistry;
  readonly #audit: AuditLog;
  readonly #clock: Clock;

  constructor(p: { guides: GuideRegistry; audit: AuditLog; clock: Clock }) {
    this.#guides = p.guides;
    this.#audit = p.audit;
    this.#clock = p.clock;
  }

  async list(actor: Staff): Promise<GuideView[]> {
    allowed(actor);
    return (await this.#guides.list()).map(view);
  }

  async add(actor: Staff, guide: z.infer<typeof newGuideBody>): Promise<GuideView> {
    allowed(actor);
    const added = await this.#guides.add(guide, this.#clock.now());
    await this.#record(actor, 'guide.add', added.id, { departures: added.departures.length });
    return view(added);
  }

  /** A new code, shown this once: only its hash is kept, and the guide's earlier codes stop working. */
  async issueCode(actor: Staff, guideId: string): Promise<{ code: string; expiresAt: string }> {
    allowed(actor);
    if (!(await this.#guides.get(guideId))) throw new DeskError(404, 'guide_not_found', `no guide ${guideId}`);
    const code = newBindingCode();
    const expiresAt = new Date(this.#clock.now().getTime() + codeTtlMs);
    await this.#guides.issueCode(guideId, bindingCodeHash(code), expiresAt);
    await this.#record(actor, 'guide.code', guideId, { expiresAt: expiresAt.toISOString() });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  async addDepartures(actor: Staff, guideId: string, departures: Departure[]): Promise<GuideView> {
    allowed(actor);
    const guide = await this.#guides.addDepartures(guideId, departures);
    if (!guide) throw new DeskError(404, 'guide_not_found', `no guide ${guideId}`);
    await this.#record(actor, 'guide.departures', guideId, { added: departures.length });
    return view(guide);
  }

  async #record(actor: Staff, action: string, target: string, details: Record<string, string | number>): Promise<void> {
    await this.#audit.record({ actor: actor.id, action, target, details, at: this.#clock.now() });
  }
}

function allowed(actor: Staff): void {
  if (!isManager(actor.role)) throw new DeskError(403, 'forbidden_role', 'guides are managed by supervisors, executives and admins', { roles: managerRoles });
}

const view = (g: Guide): GuideView => ({ id: g.id, name: g.name, phone: g.phone, departures: g.departures, createdAt: g.createdAt.toISOString() });
