/** Accepting a group settlement within `withinHours` of the offer earns `percent` more. */
export interface IncentiveTier {
  withinHours: number;
  percent: number;
}

/** The tier reached (null when none: accepted too late), its percent, and the bonus. */
export interface GroupBonus {
  withinHours: number | null;
  percent: number;
  amount: number;
}

const hourMs = 3_600_000;

/**
 * The first tier whose window the acceptance falls in; a window includes its last instant
 * (accepted exactly 24 h after the offer still earns the 24-hour tier).
 */
export function incentiveTier(tiers: readonly IncentiveTier[], offeredAt: Date, acceptedAt: Date): IncentiveTier | undefined {
  const offered = offeredAt.getTime();
  const accepted = acceptedAt.getTime();
  if (Number.isNaN(offered) || Number.isNaN(accepted)) throw new RangeError('offeredAt and acceptedAt must be valid dates');
  if (accepted < offered) throw new RangeError('acceptedAt must not be before offeredAt');
  return tiers.find((t) => accepted - offered <= t.withinHours * hourMs);
}
