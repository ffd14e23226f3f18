/** Hours of the night the agency does not write first, from `from`:00 to `to`:00 local time; may span midnight. */
export interface QuietHours {
  from: number;
  to: number;
}

const pattern = /^([01]?\d|2[0-3])-([01]?\d|2[0-3])$/;

/** `21-9` → 21:00 to 09:00; undefined unless two different hours 0-23. */
export function parseQuietHours(text: string): QuietHours | undefined {
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  const [from, to] = [Number(match[1]), Number(match[2])];
  return from === to ? undefined : { from, to };
}

export function isQuietHour(hour: number, quiet: QuietHours): boolean {
  return quiet.from < quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
}
