import type { CorrectiveAction } from '../ports/corrective-actions.ts';
import type { Dimensions } from './dimensions.ts';
import type { ReportCase } from './report-source.ts';

const dayMs = 86_400_000;
/** The effect is judged over at most this many days either side of opening. */
export const maxEffectDays = 90;

/** Complaints of the action's kind in the `days` before it was opened, and in as many days after. */
export interface ActionEffect {
  days: number;
  before: number;
  after: number;
}

export interface ActionView extends CorrectiveAction {
  /** Past its due date and not done. */
  overdue: boolean;
  effect: ActionEffect;
}

/** The days either side of opening to compare: the days since opening, capped at 90. */
export const effectDays = (openedAt: Date, now: Date): number => Math.max(0, Math.min(maxEffectDays, Math.floor((now.getTime() - openedAt.getTime()) / dayMs)));

/** The instants whose cases `viewAction` needs. */
export function effectWindow(action: CorrectiveAction, now: Date): { from: Date; until: Date } {
  const span = effectDays(action.openedAt, now) * dayMs;
  return { from: new Date(action.openedAt.getTime() - span), until: new Date(action.openedAt.getTime() + span) };
}

/** The action with whether it is overdue on `today` (agency-local) and whether complaints of its kind fell. */
export function viewAction(action: CorrectiveAction, cases: readonly ReportCase[], dims: Dimensions, now: Date, today: string): ActionView {
  const days = effectDays(action.openedAt, now);
  const { from, until } = effectWindow(action, now);
  const matching = cases.filter((c) => dims[action.target.kind](c).includes(action.target.value));
  const count = (start: Date, end: Date) => matching.filter((c) => c.openedAt >= start && c.openedAt < end).length;
  return {
    ...action,
    overdue: action.status === 'open' && today > action.dueDate,
    effect: { days, before: count(from, action.openedAt), after: count(action.openedAt, until) },
  };
}
