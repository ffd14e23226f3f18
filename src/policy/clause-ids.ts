/**
 * What justifies each part of an offer: a clause of 《旅行社服务质量赔偿标准》 (2011),
 * article 70 of the Tourism Law, the booking's own contract terms, or the agency's own standard.
 * `4` stands for clause 4 while it is not yet known whether the tour was domestic (4(1)) or outbound (4(2)).
 */
export const clauseIds = [
  '3', '4', '4(1)', '4(2)', '5', '6', '7', '8', '9',
  '10(1)', '10(2)', '10(3)', '10(4)', '10(5)', '10(6)', '11',
  'tourism-law-70', 'contract', 'agency',
] as const;
export type ClauseId = (typeof clauseIds)[number];

/**
 * Clauses that award compensation on top of a refund, so an agency may raise them by an
 * uplift. The others only give back what was paid or lost, which has nothing to raise.
 */
export const upliftClauses = ['4(1)', '4(2)', '5', '7', '8', '9', '10(1)', '10(3)', '10(4)', '11', 'tourism-law-70', 'contract'] as const;
export type UpliftClause = (typeof upliftClauses)[number];
