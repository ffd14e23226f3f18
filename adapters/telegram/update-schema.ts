import { z } from 'zod';

/**
 * The part of a Bot API update tripcare reads, checked at the boundary: other
 * fields are dropped, and an update that does not fit is not handled at all.
 */
const id = z.number().int().refine(Number.isSafeInteger);
const shortText = z.string().max(1_024);
const file = z.object({ file_id: z.string().min(1).max(256), mime_type: z.string().max(255).optional() });

const user = z.object({ id, is_bot: z.boolean().optional(), language_code: z.string().max(35).optional() });
const chat = z.object({ id, type: z.string().max(32) });
const keyboard = z.array(z.array(z.object({ text: shortText, callback_data: z.string().max(64).optional() })).max(100)).max(100);

const message = z.object({
  message_id: id,
  chat,
  from: user.optional(),
  // Telegram caps text at 4096 characters; the engine cuts what is long, this drops what is absurd.
  text: z.string().max(65_536).optional(),
  caption: z.string().max(65_536).optional(),
  photo: z.array(file).max(20).optional(),
  voice: file.optional(),
  audio: file.optional(),
  video: file.optional(),
  video_note: file.optional(),
  animation: file.optional(),
  document: file.optional(),
  sticker: file.optional(),
  location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
});

const callbackQuery = z.object({
  id: z.string().min(1).max(64),
  from: user,
  data: z.string().min(1).max(64).optional(),
  // The message the button was under; absent for inline-mode messages, which tripcare does not send.
  message: z.object({ chat, reply_markup: z.object({ inline_keyboard: keyboard }).optional() }).optional(),
});

export const updateSchema = z.object({
  update_id: id,
  message: message.optional(),
  callback_query: callbackQuery.optional(),
});

export type TelegramUpdate = z.infer<typeof updateSchema>;
export type TelegramMessage = z.infer<typeof message>;
export type TelegramUser = z.infer<typeof user>;
