import { readFileSync } from 'node:fs';
import { AgencyPolicy } from '../../src/policy/agency-policy.ts';
import { defaultPolicyPath, parsePolicy, policySchema } from '../../src/policy/policy-file.ts';
import type { PolicySettings } from '../../src/policy/policy-file.ts';
import type { RemedyRequest } from '../../src/policy/remedy-input.ts';

export const defaultSettings: PolicySettings = parsePolicy(readFileSync(defaultPolicyPath, 'utf8'), defaultPolicyPath);

/** The default policy with some settings replaced (validated, as a file would be). */
export const policyWith = (overrides: Partial<PolicySettings> = {}): AgencyPolicy =>
  new AgencyPolicy(policySchema.parse({ ...defaultSettings, ...overrides }));

/** A policy that offers exactly the floor: no uplifts, to the cent, so worked examples show the law alone. */
export const floorOnly = policyWith({ uplifts: {}, rounding: { step: 0.01, mode: 'nearest' }, ranges: { guidePercent: 1, strandingMultiple: 1 } });

/** The money options of a remedy as `part: amount`, for comparing with hand-computed figures. */
export function amounts(policy: AgencyPolicy, request: Omit<RemedyRequest, 'unverified'>): Record<string, number | null> {
  return Object.fromEntries(policy.remedy({ ...request, unverified: [] }).options.map((o) => [o.part, o.amount]));
}
