import { z } from 'zod';
import { toCents } from './cents.ts';
import { contractTermsSchema } from './contract-terms.ts';
import { countFacts, factNames, moneyFacts } from './facts.ts';
import type { CaseFacts, FactName, NumberFact } from './facts.ts';
import { countSchema, moneySchema } from './limits.ts';
import { schedules, tripTypes } from './notice-schedules.ts';
import type { Schedule } from './notice-schedules.ts';
import { situations } from './situations.ts';

/** null means "not known yet", the same as leaving the fact out: JSON has no undefined. */
const unknown = <S extends z.ZodType>(schema: S) => schema.nullish();

/**
 * The facts of one situation as the conversation (or staff, via `tripcare remedy`) give them.
 * Money is in the policy's currency. Every fact may be missing: the remedy then lists it in
 * `missing` instead of guessing. `unverified` names the facts the traveller stated that nobody
 * has checked yet; above the small-claim threshold those need staff approval.
 */
export const remedyRequestSchema = z.strictObject({
  situation: z.enum(situations),
  tripType: unknown(z.enum(tripTypes)),
  currency: unknown(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY')),
  schedule: unknown(z.enum(schedules)),
  fee: unknown(moneySchema),
  noticeDays: unknown(z.number().int('must be a whole number of days').min(0, 'must not be negative').max(3650, 'must be at most 3650')),
  directLoss: unknown(moneySchema),
  priceDifference: unknown(moneySchema),
  missedItemsCost: unknown(moneySchema),
  unticketedAttractions: unknown(countSchema),
  occurrences: unknown(countSchema),
  extrasCost: unknown(moneySchema),
  purchasePrice: unknown(moneySchema),
  surcharge: unknown(moneySchema),
  suspendedCosts: unknown(moneySchema),
  unincurredCosts: unknown(moneySchema),
  stranded: unknown(z.boolean()),
  contractEnded: unknown(z.enum(['before_departure', 'during_trip'])),
  contractTerms: unknown(contractTermsSchema),
  unverified: z.array(z.enum(factNames)).max(factNames.length).default([]),
});

/** What callers send; `unverified` is required here so no flow forgets to say which facts nobody checked. */
export type RemedyRequest = Omit<z.input<typeof remedyRequestSchema>, 'unverified'> & { unverified: readonly FactName[] };
type ParsedRequest = z.output<typeof remedyRequestSchema>;

export class RemedyInputError extends Error {
  override name = 'RemedyInputError';
}

const isMoney = (name: NumberFact): boolean => (moneyFacts as readonly NumberFact[]).includes(name);
const numberFacts: readonly NumberFact[] = [...moneyFacts, ...countFacts];

/** Validates a request (parsed JSON, say); a bad one throws a RemedyInputError naming each bad field. */
export function parseRemedyRequest(json: unknown): ParsedRequest {
  const parsed = remedyRequestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new RemedyInputError(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
}

/** Validates a request and turns it into case facts; a bad one throws a RemedyInputError. */
export function caseFacts(request: RemedyRequest, policy: { currency: string; schedule: Schedule }): CaseFacts {
  const r = parseRemedyRequest(request);
  if (r.currency && r.currency !== policy.currency) {
    throw new RemedyInputError(`currency: the policy decides in ${policy.currency}, not ${r.currency}`);
  }
  const numbers: CaseFacts['numbers'] = {};
  for (const name of numberFacts) {
    const value = r[name];
    if (value !== null && value !== undefined) numbers[name] = isMoney(name) ? toCents(value) : value;
  }
  return {
    situation: r.situation,
    tripType: r.tripType ?? undefined,
    schedule: r.schedule ?? policy.schedule,
    numbers,
    stranded: r.stranded === true,
    contractEnded: r.contractEnded ?? undefined,
    contractTerms: r.contractTerms ?? {},
    unverified: new Set(r.unverified ?? []),
  };
}
