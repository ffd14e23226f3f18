import type { OutboundMessage } from '../../src/conversation/messages.ts';

/** WeChat has no buttons for text: choices become numbered lines, and the engine reads a typed number as that choice. */
export const renderText = (m: OutboundMessage): string =>
  [m.text, ...m.choices.map((c, i) => `${i + 1}. ${c.label}`)].filter(Boolean).join('\n');
