/**
 * The labels of ../shared/TAXONOMY.md as stable ids. Code, tests, the case
 * register, reports and `tripcare classify` all speak these.
 */
export const categories = [
  'accommodation', 'transport', 'itinerary', 'shopping', 'guide', 'meals',
  'charges', 'booking', 'safety', 'privacy', 'other',
] as const;
export type Category = (typeof categories)[number];

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

export const flags = ['wants_human', 'wants_compensation', 'threatens_external', 'group', 'repeat'] as const;
export type Flag = (typeof flags)[number];

/** What a message is for (TAXONOMY.md's `intent` axis). */
export const intents = [
  'complaint', 'suggestion', 'praise', 'status_query', 'rights_question', 'wants_human', 'done', 'answer', 'other',
] as const;
export type Intent = (typeof intents)[number];

/** The kind of danger a critical message tells of (corpus/LABELLING.md). */
export const emergencies = ['missing_person', 'injury', 'illness', 'stranded', 'threat', 'unsafe_vehicle', 'other_danger'] as const;
export type Emergency = (typeof emergencies)[number];

/** Script-level language of a message; `Locale` is what the bot answers in. */
export const languages = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Language = (typeof languages)[number];

export const locales = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof locales)[number];

export const localeOf: Record<Language, Locale> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en' };

/**
 * Finer problems inside a category. The restatement names them and the policy
 * maps them to clauses, so each id has a label in every locale (`problem.<id>`).
 */
export const problems = {
  accommodation: ['room_dirty', 'no_hot_water', 'hotel_downgraded', 'overbooked', 'noise', 'hotel_location'],
  transport: ['vehicle_downgraded', 'breakdown', 'delay', 'missed_connection', 'unsafe_driving'],
  itinerary: ['attraction_skipped', 'time_cut', 'itinerary_changed', 'long_wait'],
  shopping: ['forced_shopping', 'extra_shopping_stop', 'counterfeit_goods', 'private_selling'],
  guide: ['guide_rude', 'guide_absent', 'group_abandoned', 'guide_threatening'],
  meals: ['meal_quality', 'meal_hygiene', 'meal_skipped'],
  charges: ['hidden_fee', 'unsigned_extras', 'refund_dispute', 'discriminatory_surcharge'],
  booking: ['departure_cancelled', 'group_transferred', 'document_error', 'booking_not_honoured'],
  safety: ['injury', 'illness', 'accident', 'theft', 'missing_person', 'danger'],
  privacy: ['data_leaked', 'harassment'],
  other: ['suggestion'],
} as const satisfies Record<Category, readonly string[]>;
export type Problem = (typeof problems)[Category][number];
export const allProblems = [...new Set(Object.values(problems).flat())] as Problem[];
