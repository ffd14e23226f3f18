/** Who may confirm an offer, from the least authority to the most. */
export const approvers = ['bot', 'guide', 'agent', 'supervisor', 'executive'] as const;
export type Approver = (typeof approvers)[number];

/** Approvers with a limit per case; the executive decides without one. */
export const limitedApprovers = ['bot', 'guide', 'agent', 'supervisor'] as const satisfies readonly Approver[];
export type AuthorityLimits = Record<(typeof limitedApprovers)[number], number>;

/** Whether `approver` may confirm an offer of `amount` for one case on their own. */
export const canConfirm = (limits: AuthorityLimits, approver: Approver, amount: number): boolean =>
  approver === 'executive' || amount <= limits[approver];

/** The least senior approver who may confirm `amount`. */
export const approverFor = (limits: AuthorityLimits, amount: number): Approver =>
  limitedApprovers.find((a) => canConfirm(limits, a, amount)) ?? 'executive';
