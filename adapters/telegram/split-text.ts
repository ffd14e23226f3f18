/** Telegram's limit on one message's text, in UTF-16 code units. */
export const maxMessageLength = 4096;

/**
 * Cuts text into messages Telegram takes: at line breaks where it can, else
 * between characters (never inside a surrogate pair).
 */
export function splitText(text: string, limit = maxMessageLength): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current !== '') parts.push(current);
    current = '';
    for (const char of line) {
      if (current.length + char.length > limit) {
        parts.push(current);
        current = '';
      }
      current += char;
    }
  }
  parts.push(current);
  return parts;
}
