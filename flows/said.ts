import type { TurnInput } from './types.ts';

/** Whether the answer is this choice: pressed, typed as its number or label, or said in words (yes / no). */
export const said = (input: TurnInput, choiceId: string, reply: 'yes' | 'no'): boolean =>
  input.choice === choiceId || (input.choice === null && input.understood.reply === reply);
