import type { Choice } from '../conversation/messages.ts';

/**
 * The choice a message picks: a pressed choice still on offer, a typed
 * number (WeChat shows choices numbered) or a typed label.
 */
export function resolveChoice(offered: Choice[], pressed: string | undefined, text: string): string | null {
  if (pressed !== undefined) return offered.some((c) => c.id === pressed) ? pressed : null;
  const typed = text.trim().toLowerCase();
  const byNumber = /^\d{1,2}$/.test(typed) ? offered[Number(typed) - 1] : undefined;
  return (byNumber ?? offered.find((c) => c.label.toLowerCase() === typed))?.id ?? null;
}
