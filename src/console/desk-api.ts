import { z } from 'zod';
import { resolutionCodes, responsibleParties } from '../desk/resolution.ts';

/** The bodies the desk API takes: validated here, and described by the same schemas in /api/openapi.json. */

/** Staff messages go to travellers' chat apps: WeChat cuts a customer-service text at 2048 bytes. */
export const messageBody = z.strictObject({ text: z.string().trim().min(1, 'write something').max(2000, 'at most 2000 characters') });

export const noteBody = z.strictObject({ text: z.string().trim().min(1, 'write something').max(5000, 'at most 5000 characters') });

export const approveBody = z.strictObject({
  amount: z.number().finite().min(0, 'must not be negative').max(10_000_000, 'is implausibly large').optional(),
});

export const closeBody = z.strictObject({
  resolution: z.enum(resolutionCodes),
  responsible: z.array(z.strictObject({
    party: z.enum(responsibleParties),
    share: z.number().int('whole percent').min(0).max(100),
  })).min(1, 'name who was responsible, or none').max(responsibleParties.length),
}).superRefine((body, ctx) => {
  const parties = body.responsible.map((r) => r.party);
  if (new Set(parties).size !== parties.length) ctx.addIssue({ code: 'custom', path: ['responsible'], message: 'name each party once' });
  if (body.responsible.reduce((sum, r) => sum + r.share, 0) !== 100) ctx.addIssue({ code: 'custom', path: ['responsible'], message: 'the shares must add up to 100' });
  if (parties.includes('none') && parties.length > 1) ctx.addIssue({ code: 'custom', path: ['responsible'], message: '"none" stands alone' });
});

export const escalateBody = z.strictObject({ grounds: z.enum(['high_profile', 'traveller_insists']).optional() });

const staffId = z.string().min(1).max(100);
export const assignBody = z.strictObject({ staffId });
export const shareBody = z.strictObject({ partnerId: staffId });
export const emptyBody = z.strictObject({});

/** Case numbers as the register issues them (`TC-7K3M9Q`), loosely: anything else is not looked up. */
export const caseIdPattern = /^[A-Za-z0-9-]{1,40}$/;
