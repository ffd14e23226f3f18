/** How a case staff closed ended. */
export const resolutionCodes = ['remedy_given', 'explained', 'apology_only', 'referred', 'unfounded', 'withdrawn'] as const;
export type ResolutionCode = (typeof resolutionCodes)[number];

/** Who was found responsible; each bears a share of the remedy's cost. */
export const responsibleParties = ['agency_staff', 'guide', 'supplier', 'ground_operator', 'none'] as const;
export type ResponsibleParty = (typeof responsibleParties)[number];

export interface CostShare {
  party: ResponsibleParty;
  /** Percent of the remedy's cost; the shares of one case add up to 100. */
  share: number;
}

export interface Resolution {
  code: ResolutionCode;
  responsible: CostShare[];
}

/** Splits `total` by the shares, in cents, the rounding remainder going to the largest share so the parts add up. */
export function splitCost(total: number, responsible: CostShare[]): (CostShare & { cost: number })[] {
  const cents = Math.round(total * 100);
  const parts = responsible.map((r) => ({ ...r, cost: Math.floor((cents * r.share) / 100) }));
  const largest = parts.reduce((a, b) => (b.share > a.share ? b : a), parts[0] ?? { cost: 0, share: 0 });
  largest.cost += cents - parts.reduce((sum, p) => sum + p.cost, 0);
  return parts.map((p) => ({ ...p, cost: p.cost / 100 }));
}
