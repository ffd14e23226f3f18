/**
 * Money arithmetic in whole cents, so sums are exact and no float ever shows as 0.30000000000000004.
 * A share of a sum is rounded up to the cent: the law's floor is never shaved.
 */
export const toCents = (amount: number): number => Math.round(amount * 100);
export const fromCents = (cents: number): number => cents / 100;

/** `percent` % of `cents`, up to the next cent (tolerating float noise just above a whole cent). */
export const percentOf = (cents: number, percent: number): number => Math.ceil((cents * percent) / 100 - 1e-6);

export const roundingModes = ['up', 'nearest', 'down'] as const;
export type RoundingMode = (typeof roundingModes)[number];

const roundBy: Record<RoundingMode, (x: number) => number> = { up: Math.ceil, nearest: Math.round, down: Math.floor };

/** Rounds to a multiple of `stepCents`; never below `atLeast` (then up to the next step instead). */
export function roundToStep(cents: number, stepCents: number, mode: RoundingMode, atLeast = 0): number {
  const rounded = roundBy[mode](cents / stepCents - (mode === 'up' ? 1e-9 : 0)) * stepCents;
  return rounded >= atLeast ? rounded : Math.ceil(atLeast / stepCents - 1e-9) * stepCents;
}
