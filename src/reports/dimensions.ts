import { localDate } from '../clock/local-date.ts';
import type { ActionTargetKind } from '../ports/corrective-actions.ts';
import type { Guide } from '../ports/guide-registry.ts';
import type { ReportCase } from './report-source.ts';

/**
 * What a complaint is counted against, by kind: its category, its departure, the guide
 * leading that departure, the parties found responsible. Reports and corrective actions
 * share these, so an action's effect counts exactly what the report showed.
 */
export type Dimensions = Record<ActionTargetKind, (c: ReportCase) => string[]>;

export function dimensions(guides: readonly Guide[], timeZone: string): Dimensions {
  const guideOf = guideLeading(guides);
  return {
    category: (c) => [c.category],
    tour: (c) => (c.tour === null ? [] : [c.tour]),
    guide: (c) => {
      const id = c.tour === null ? undefined : guideOf(c.tour, localDate(c.openedAt, timeZone));
      return id === undefined ? [] : [id];
    },
    party: (c) => [...new Set(c.responsible.map((r) => r.party))],
  };
}

/**
 * The guide of a tour code on a day: who leads its latest departure on or before that day
 * (a complaint comes during or after the trip). Undefined when no guide led it yet.
 */
function guideLeading(guides: readonly Guide[]): (tour: string, day: string) => string | undefined {
  const byTour = new Map<string, { date: string; guideId: string }[]>();
  for (const guide of guides) {
    for (const d of guide.departures) {
      const key = d.tourCode.trim().toUpperCase();
      byTour.set(key, [...(byTour.get(key) ?? []), { date: d.date, guideId: guide.id }]);
    }
  }
  return (tour, day) => (byTour.get(tour) ?? [])
    .filter((d) => d.date <= day)
    .reduce<{ date: string; guideId: string } | undefined>((latest, d) => (latest === undefined || d.date > latest.date ? d : latest), undefined)?.guideId;
}
