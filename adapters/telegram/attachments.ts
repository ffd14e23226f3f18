import type { Attachment } from '../../src/conversation/messages.ts';
import type { TelegramMessage } from './update-schema.ts';

type File = { file_id: string; mime_type?: string | undefined };

const attachment = (kind: Attachment['kind'], f: File): Attachment =>
  f.mime_type ? { kind, ref: f.file_id, mimeType: f.mime_type } : { kind, ref: f.file_id };

/** What a message carries besides text, by Telegram file_id (or `lat,lon`). */
export function attachmentsOf(m: TelegramMessage): Attachment[] {
  const found: Attachment[] = [];
  const largest = m.photo?.at(-1); // sizes come smallest first: keep the best copy as evidence
  if (largest) found.push(attachment('image', largest));
  // A GIF arrives as both `animation` and `document`: count it once.
  if (m.animation) found.push(attachment('video', m.animation));
  // A photo sent "as a file" keeps full quality: still a photo.
  else if (m.document) found.push(attachment(m.document.mime_type?.startsWith('image/') ? 'image' : 'file', m.document));
  if (m.video) found.push(attachment('video', m.video));
  if (m.video_note) found.push(attachment('video', m.video_note));
  if (m.voice) found.push(attachment('voice', m.voice));
  if (m.audio) found.push(attachment('file', m.audio));
  if (m.sticker) found.push(attachment('sticker', m.sticker));
  if (m.location) found.push({ kind: 'location', ref: `${m.location.latitude},${m.location.longitude}` });
  return found;
}
