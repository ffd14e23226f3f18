import { z } from 'zod';
import { channels } from '../../src/conversation/messages.ts';

/** One input line of `tripcare chat --json` and `tripcare replay`. */
export const scriptLine = z.strictObject({
  text: z.string().max(100_000).optional(),
  choice: z.string().min(1).max(200).optional(),
  /** Who is writing; each user is a conversation of their own. Default "traveller". */
  user: z.string().min(1).max(100).optional(),
  /** The channel to act as. Default "cli". */
  channel: z.enum(channels).optional(),
  /** The channel message id, to exercise duplicate delivery. Default: the line number. */
  id: z.string().min(1).max(200).optional(),
}).refine((l) => (l.text === undefined) !== (l.choice === undefined), 'a line has either "text" or "choice"');

export type ScriptLine = z.infer<typeof scriptLine>;
