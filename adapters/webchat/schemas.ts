import { z } from 'zod';
import { locales } from '../../src/taxonomy.ts';

/** Conversation ids we issue: 22+ base64url characters. */
export const conversationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

/** `?watermark=`: a sequence number; absent or `-` for "from the start". */
export const watermarkSchema = z.union([z.literal(''), z.literal('-'), z.string().regex(/^\d{1,15}$/)]).optional()
  .transform((w) => (w === undefined || w === '' || w === '-' ? 0 : Number(w)));

/** `POST /api/webchat/token`: the language the page shows. */
export const tokenRequestSchema = z.object({ locale: z.enum(locales).optional() });

/**
 * An activity Web Chat posts. Unknown fields (serviceUrl, recipient, entities…) are dropped;
 * attachments come only through an upload, so they are not accepted here.
 */
export const postedActivitySchema = z.object({
  type: z.enum(['message', 'typing', 'event']),
  from: z.object({ id: z.string().min(1).max(128), name: z.string().max(128).optional() }),
  text: z.string().max(100_000).optional(),
  locale: z.string().max(35).optional(),
  name: z.string().max(128).optional(),
  value: z.json().optional(),
  channelData: z.object({
    clientActivityID: z.string().max(128).optional(),
    clientTimestamp: z.string().max(64).optional(),
    postBack: z.boolean().optional(),
  }).optional(),
});
export type PostedActivity = z.infer<typeof postedActivitySchema>;
