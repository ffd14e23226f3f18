import type { CaseRecord } from '../ports/case-register.ts';
import type { OfferMade, RecordedFacts, Wants } from '../conversation/complaint-slice.ts';
import type { AgencyPolicy } from '../policy/agency-policy.ts';
import { redactAll } from '../privacy/redact.ts';
import { levelToApprove } from './permissions.ts';
import type { Locale } from '../taxonomy.ts';
import type { Packet, RemedyView } from './views.ts';

/**
 * The handoff packet: what the traveller told, confirmed and was offered, so staff never
 * ask them to repeat it. A partner's copy hides who the traveller is, and shows no offers.
 */
export function packetOf(record: CaseRecord, offered: { offer: OfferMade | null; refused: number; locale: Locale | null }, policy: AgencyPolicy, forPartner: boolean): Packet {
  const { offer, refused, locale } = offered;
  // Cases filed before `sources` was kept lack it; the rest has always been there.
  const facts = record.facts as Partial<RecordedFacts>;
  // A partner's texts are masked as one, so a name told in one message is masked in every other.
  const told = [facts.tour ?? '', facts.when ?? '', wantsText(facts.wants) ?? '', ...(facts.telling ?? [])];
  const [tour, when, wants, ...telling] = forPartner ? redactAll(told).texts : told;
  return {
    telling,
    restatementConfirmed: record.steps.includes('apologise') || record.steps.includes('propose'),
    category: record.category,
    also: record.also,
    problems: record.problems,
    severity: record.severity,
    flags: record.flags,
    tour: tour || null,
    when: when || null,
    people: facts.people ?? null,
    wants: wants || null,
    amounts: facts.amounts ?? [],
    remedies: forPartner || !offer ? [] : offer.options.map((o) => remedyView(o, offer.total, policy)),
    offerTotal: forPartner ? null : (offer?.total ?? null),
    currency: policy.currency,
    refused: forPartner ? 0 : refused,
    attachments: forPartner ? [] : (facts.attachments ?? []).map(({ kind, ref }) => ({ kind, ref })),
    locale,
  };
}

const wantsText = (wants: Wants | null | undefined): string | null => (!wants ? null : 'kind' in wants ? wants.kind : wants.words);

/** Authority goes by the case's total, not by one part of it. */
function remedyView(o: OfferMade['options'][number], total: number | null, policy: AgencyPolicy): RemedyView {
  return {
    id: o.part,
    kind: o.kind,
    clause: o.clause,
    amount: o.amount,
    floor: o.floor,
    needsApproval: o.needsApproval,
    approver: o.needsApproval && total !== null ? levelToApprove(policy.approverFor(total)) : null,
  };
}
