import type { Category, Problem } from '../taxonomy.ts';

/**
 * What happened, in the terms of the compensation standard (shared/COMPENSATION.md):
 * each situation is governed by one clause, and one remedy is computed per situation.
 */
export const situations = [
  'cancelled_by_agency', 'group_transferred', 'discriminatory_surcharge', 'missed_transport',
  'grade_below_contract', 'guide_below_standard', 'itinerary_cut', 'unsigned_paid_extras',
  'extra_shopping', 'forced_shopping', 'counterfeit_goods', 'private_selling',
  'services_suspended', 'force_majeure',
] as const;
export type Situation = (typeof situations)[number];

/**
 * The situation a problem of the taxonomy falls under. Problems with no clause
 * (a breakdown, a delay, a theft…) are absent: a person judges those.
 * `force_majeure` is never inferred: whether a cause was beyond the agency is a finding, not a label.
 */
export const situationOfProblem: Partial<Record<Problem, Situation>> = {
  room_dirty: 'grade_below_contract', no_hot_water: 'grade_below_contract', hotel_downgraded: 'grade_below_contract',
  overbooked: 'grade_below_contract', noise: 'grade_below_contract', hotel_location: 'grade_below_contract',
  vehicle_downgraded: 'grade_below_contract', unsafe_driving: 'grade_below_contract',
  missed_connection: 'missed_transport',
  attraction_skipped: 'itinerary_cut', time_cut: 'itinerary_cut', itinerary_changed: 'itinerary_cut', long_wait: 'itinerary_cut',
  forced_shopping: 'forced_shopping', extra_shopping_stop: 'extra_shopping',
  counterfeit_goods: 'counterfeit_goods', private_selling: 'private_selling',
  guide_rude: 'guide_below_standard', guide_absent: 'guide_below_standard', guide_threatening: 'guide_below_standard',
  group_abandoned: 'services_suspended',
  meal_quality: 'grade_below_contract', meal_hygiene: 'grade_below_contract', meal_skipped: 'itinerary_cut',
  hidden_fee: 'unsigned_paid_extras', unsigned_extras: 'unsigned_paid_extras', discriminatory_surcharge: 'discriminatory_surcharge',
  departure_cancelled: 'cancelled_by_agency', group_transferred: 'group_transferred', booking_not_honoured: 'grade_below_contract',
};

/** Used when the traveller named the category but no finer problem. */
export const situationOfCategory: Partial<Record<Category, Situation>> = {
  accommodation: 'grade_below_contract', transport: 'grade_below_contract', itinerary: 'itinerary_cut',
  guide: 'guide_below_standard', meals: 'grade_below_contract', charges: 'unsigned_paid_extras',
};

/**
 * Pairs of situations two clauses could both claim for the same events: the first always gives the
 * traveller more (forced shopping 20 % of the fee a time, extra stops 10 %), so it wins.
 */
const moreFavourable: readonly [Situation, Situation][] = [['forced_shopping', 'extra_shopping']];

/**
 * The situations a complaint falls under, each once, in the order its problems were told.
 * Empty when its problems have no clause: the flow then offers goodwill or hands over.
 */
export function situationsOf(category: Category, problems: readonly Problem[]): Situation[] {
  if (problems.length === 0) {
    const fallback = situationOfCategory[category];
    return fallback ? [fallback] : [];
  }
  const named = [...new Set(problems.map((p) => situationOfProblem[p]).filter((s) => s !== undefined))];
  return named.filter((s) => !moreFavourable.some(([better, worse]) => s === worse && named.includes(better)));
}
