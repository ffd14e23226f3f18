export const schedules = ['standard-2011', 'model-contract-2014'] as const;
/** Which notice-day bands the agency's contracts use for a departure it cancels (clause 4). */
export type Schedule = (typeof schedules)[number];

export const tripTypes = ['domestic', 'outbound'] as const;
export type TripType = (typeof tripTypes)[number];

/** Notice given `from`…`to` days before departure (both inclusive) costs `percent` of the fee. */
interface Band {
  from: number;
  to: number;
  percent: number;
}

/**
 * Days are calendar days from the day the notice reached the traveller to the day of departure;
 * 0 is notice on the day. Notice earlier than the first band costs nothing.
 *
 * standard-2011 (《旅行社服务质量赔偿标准》 art. 4): domestic notice is due more than 7 days
 * before, so 7 days is already late; outbound more than 30 days, so 30 is late.
 *
 * model-contract-2014 (GF-2014-2401 domestic, GF-2014-2402 outbound): notice at 7 (domestic) or
 * 30 (outbound) days or more is on time ("含第7日" / "含第30日"), days counted as departure date
 * minus the date the notice arrived — confirmed from public copies of both contracts. The bands
 * below that threshold (and their percentages, the same as 2011's) are as the contracts' liability
 * articles are commonly quoted; no full text of those articles could be checked here.
 */
const bands: Record<Schedule, Record<TripType, readonly Band[]>> = {
  'standard-2011': {
    domestic: [{ from: 7, to: 4, percent: 10 }, { from: 3, to: 1, percent: 15 }, { from: 0, to: 0, percent: 20 }],
    outbound: [
      { from: 30, to: 15, percent: 2 }, { from: 14, to: 7, percent: 5 }, { from: 6, to: 4, percent: 10 },
      { from: 3, to: 1, percent: 15 }, { from: 0, to: 0, percent: 20 },
    ],
  },
  'model-contract-2014': {
    domestic: [{ from: 6, to: 4, percent: 10 }, { from: 3, to: 1, percent: 15 }, { from: 0, to: 0, percent: 20 }],
    outbound: [
      { from: 29, to: 15, percent: 2 }, { from: 14, to: 7, percent: 5 }, { from: 6, to: 4, percent: 10 },
      { from: 3, to: 1, percent: 15 }, { from: 0, to: 0, percent: 20 },
    ],
  },
};

/** The percent of the fee owed for cancelling with `noticeDays` days' notice (0 when on time). */
export function lateNoticePercent(schedule: Schedule, tripType: TripType, noticeDays: number): number {
  return bands[schedule][tripType].find((b) => noticeDays <= b.from && noticeDays >= b.to)?.percent ?? 0;
}
