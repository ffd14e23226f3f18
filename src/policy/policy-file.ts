import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AgencyPolicy } from './agency-policy.ts';
import { limitedApprovers } from './authority.ts';
import { roundingModes } from './cents.ts';
import { upliftClauses } from './clause-ids.ts';
import { moneySchema } from './limits.ts';
import { schedules } from './notice-schedules.ts';
import { parseYamlFile, readYamlFile } from '../yaml-file.ts';
import { ranges } from './statutory.ts';

/** The policy shipped with tripcare; `default-policy.yaml` explains every field. */
export const defaultPolicyPath = fileURLToPath(new URL('./default-policy.yaml', import.meta.url));

const within = ({ low, high }: { low: number; high: number }) =>
  z.number().min(low, `must be between ${low} and ${high}`).max(high, `must be between ${low} and ${high}`);

/** Each approver's limit per case; the executive has none. */
const authoritySchema = z.strictObject({ bot: moneySchema, guide: moneySchema, agent: moneySchema, supervisor: moneySchema })
  .superRefine((limits, ctx) => {
    limitedApprovers.forEach((approver, i) => {
      const below = limitedApprovers[i - 1];
      if (below !== undefined && limits[approver] < limits[below]) {
        ctx.addIssue({ code: 'custom', path: [approver], message: `must be at least the ${below}'s limit (${limits[below]})` });
      }
    });
  });

const incentivesSchema = z.array(z.strictObject({
  withinHours: z.number().positive('must be more than 0').max(8760, 'must be at most 8760 (a year)'),
  percent: z.number().min(0, 'must not be negative').max(100, 'must be at most 100'),
})).max(10, 'at most 10 tiers').superRefine((tiers, ctx) => {
  tiers.forEach((tier, i) => {
    const before = tiers[i - 1];
    if (before === undefined) return;
    if (tier.withinHours <= before.withinHours) ctx.addIssue({ code: 'custom', path: [i, 'withinHours'], message: 'must be later than the tier before' });
    if (tier.percent > before.percent) ctx.addIssue({ code: 'custom', path: [i, 'percent'], message: 'must not exceed the tier before: accepting later never earns more' });
  });
});

const hours = z.number().int('must be a whole number of hours').min(1, 'must be at least 1').max(8_760, 'must be at most 8760 (a year)');
const minutes = z.number().int('must be a whole number of minutes').min(1, 'must be at least 1').max(43_200, 'must be at most 43200 (30 days)');

/** The agency's own standard on top of the floor. */
export const policySchema = z.strictObject({
  version: z.string().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY'),
  schedule: z.enum(schedules),
  rounding: z.strictObject({
    step: z.number().min(0.01, 'must be at least 0.01').max(1000, 'must be at most 1000')
      .refine((s) => Math.abs(s * 100 - Math.round(s * 100)) < 1e-9, 'must be a whole number of cents'),
    mode: z.enum(roundingModes),
  }),
  uplifts: z.partialRecord(z.enum(upliftClauses), z.number().min(0, 'must not be negative').max(100, 'must be at most 100')).default({}),
  ranges: z.strictObject({ guidePercent: within(ranges.guidePercent), strandingMultiple: within(ranges.strandingMultiple) }),
  goodwill: z.strictObject({ voucher: moneySchema, managerCall: z.boolean() }),
  exchangeRates: z.record(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'), z.number().positive('must be more than 0')).default({}),
  authority: authoritySchema,
  smallClaimThreshold: moneySchema,
  groupIncentives: incentivesSchema,
  responseMinutes: z.strictObject({ critical: minutes, high: minutes, medium: minutes, low: minutes }),
  resolutionHours: z.strictObject({ critical: hours, high: hours, medium: hours, low: hours }),
});
export type PolicySettings = z.output<typeof policySchema>;

export class PolicyError extends Error {
  override name = 'PolicyError';
}

/** Parses a policy file's text (YAML, or JSON, which is YAML too); a bad one throws a PolicyError naming each field. */
export const parsePolicy = (text: string, source: string): PolicySettings => parseYamlFile(text, policyFile(source));

const policyFile = (source: string) => ({ what: 'policy file', source, schema: policySchema, fail: (m: string) => new PolicyError(m) });

/** Reads and validates a policy file; the default is the one shipped with tripcare. */
export async function loadPolicy(path: string = defaultPolicyPath): Promise<AgencyPolicy> {
  return new AgencyPolicy(await readYamlFile(policyFile(path)));
}
