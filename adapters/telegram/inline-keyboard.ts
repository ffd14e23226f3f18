import type { Choice } from '../../src/conversation/messages.ts';
import type { InlineKeyboard } from './bot-api.ts';

/** Telegram's limit on a button's callback data. */
const maxCallbackBytes = 64;
/**
 * Stands in for a choice id that cannot be callback data (too long, or itself
 * starting with this mark): `?<row>`. A press on it is read as the typed label.
 */
const byPosition = '?';

const fits = (id: string): boolean => !id.startsWith(byPosition) && Buffer.byteLength(id, 'utf8') <= maxCallbackBytes;

/** One button per row, so long labels are never cut. */
export function inlineKeyboard(choices: Choice[]): InlineKeyboard {
  return choices.map((c, row) => [{ text: c.label, callback_data: fits(c.id) ? c.id : `${byPosition}${row}` }]);
}

/** A pressed button as the engine takes it: the choice id (unless sent by position) and the label shown. */
export function pressedButton(data: string, keyboard: { text: string; callback_data?: string | undefined }[][] | undefined): { choice?: string; label: string } {
  const label = keyboard?.flat().find((b) => b.callback_data === data)?.text ?? '';
  return data.startsWith(byPosition) ? { label } : { choice: data, label };
}
