import { z } from 'zod';
import { moneySchema } from './limits.ts';
import { situations } from './situations.ts';

/**
 * A booking's own compensation term for one situation: a share of the tour fee or a fixed sum,
 * optionally per occurrence. Where the contract has one, it replaces the standard's compensation
 * (the 违约金); what was paid or lost is still given back as the standard says.
 */
const contractTermSchema = z.union([
  z.strictObject({ percentOfFee: z.number().min(0).max(300, 'must be at most 300'), perOccurrence: z.boolean().optional() }),
  z.strictObject({ amount: moneySchema, perOccurrence: z.boolean().optional() }),
], { error: 'must be {"percentOfFee": n} or {"amount": n}, with an optional "perOccurrence": true' });

export const contractTermsSchema = z.partialRecord(z.enum(situations), contractTermSchema);
export type ContractTerms = z.infer<typeof contractTermsSchema>;
export type ContractTerm = z.infer<typeof contractTermSchema>;
