import type { Category, Problem } from '../taxonomy.ts';

/** The clause of the 2011 standard that governs each problem (see shared/COMPENSATION.md). */
export const clauseOfProblem: Partial<Record<Problem, string>> = {
  room_dirty: '8', no_hot_water: '8', hotel_downgraded: '8', overbooked: '8', noise: '8', hotel_location: '8',
  vehicle_downgraded: '8', unsafe_driving: '8', missed_connection: '7',
  attraction_skipped: '10(1)', time_cut: '10(1)', itinerary_changed: '10(1)', long_wait: '10(1)',
  forced_shopping: '10(4)', extra_shopping_stop: '10(3)', counterfeit_goods: '10(5)', private_selling: '10(6)',
  guide_rude: '9', guide_absent: '9', guide_threatening: '9', group_abandoned: '11',
  meal_quality: '8', meal_hygiene: '8', meal_skipped: '10(1)',
  hidden_fee: '10(2)', unsigned_extras: '10(2)', discriminatory_surcharge: '6',
  departure_cancelled: '4', group_transferred: '5', booking_not_honoured: '8',
};

/** Used when the traveller named the category but no finer problem. */
export const clauseOfCategory: Partial<Record<Category, string>> = {
  accommodation: '8', transport: '8', itinerary: '10(1)', guide: '9', meals: '8', charges: '10(2)',
};

/** Problems that can be put right on the trip itself. */
export const fixableOnTrip: ReadonlySet<Problem> = new Set<Problem>([
  'room_dirty', 'no_hot_water', 'hotel_downgraded', 'overbooked', 'noise',
  'vehicle_downgraded', 'meal_quality', 'meal_hygiene', 'guide_rude', 'guide_absent',
]);
