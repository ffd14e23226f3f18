import { percentOf } from './cents.ts';
import type { CaseFacts } from './facts.ts';
import { lateNoticePercent } from './notice-schedules.ts';
import { computed, help, open } from './parts.ts';
import type { FloorPart } from './parts.ts';
import type { Situation } from './situations.ts';

/**
 * Where the standard gives a range, the low end is the floor and the agency's policy chooses
 * within it: clause 9 (1–5 % of the fee) and Tourism Law art. 70 (1–3 × the fee).
 */
export const ranges = {
  guidePercent: { low: 1, high: 5 },
  strandingMultiple: { low: 1, high: 3 },
} as const;
export type RangeChoice = Record<keyof typeof ranges, number>;
export const rangeFloor: RangeChoice = { guidePercent: ranges.guidePercent.low, strandingMultiple: ranges.strandingMultiple.low };

type Calc = (f: CaseFacts, choice: RangeChoice) => FloorPart[];

/** One function per row of shared/COMPENSATION.md; each part names its clause. */
const standard: Record<Situation, Calc> = {
  force_majeure: () => [help({ part: 'assistance', kind: 'assistance', clause: '3' })],

  cancelled_by_agency: (f) => {
    const trip = f.tripType;
    const clause = trip === undefined ? '4' : trip === 'domestic' ? '4(1)' : '4(2)';
    const refund = computed({ part: 'fee_refund', kind: 'refund', clause }, f.numbers, ['fee'], (v) => v.fee);
    const late = { part: 'late_notice', kind: 'compensation', clause } as const;
    if (trip === undefined) {
      const needs = (['fee', 'noticeDays'] as const).filter((n) => f.numbers[n] === undefined);
      return [refund, open(late, ['tripType', 'fee', 'noticeDays'], ['tripType', ...needs])];
    }
    const penalty = computed(late, f.numbers, ['fee', 'noticeDays'], (v) => percentOf(v.fee, lateNoticePercent(f.schedule, trip, v.noticeDays)));
    return [refund, { ...penalty, uses: [...penalty.uses, 'tripType'] }];
  },

  group_transferred: (f) => {
    const parts = [computed({ part: 'transfer_penalty', kind: 'compensation', clause: '5' }, f.numbers, ['fee'], (v) => percentOf(v.fee, 25))];
    const withEnd = (p: FloorPart): FloorPart => ({ ...p, uses: [...p.uses, 'contractEnded'] });
    if (f.contractEnded === 'before_departure') parts.push(withEnd(computed({ part: 'fee_refund', kind: 'refund', clause: '5' }, f.numbers, ['fee'], (v) => v.fee)));
    if (f.contractEnded === 'during_trip') parts.push(withEnd(computed({ part: 'unincurred_costs', kind: 'refund', clause: '5' }, f.numbers, ['unincurredCosts'], (v) => v.unincurredCosts)));
    return parts;
  },

  discriminatory_surcharge: (f) => [computed({ part: 'surcharge_refund', kind: 'refund', clause: '6' }, f.numbers, ['surcharge'], (v) => v.surcharge)],

  missed_transport: (f) => [
    computed({ part: 'direct_loss', kind: 'reimbursement', clause: '7' }, f.numbers, ['directLoss'], (v) => v.directLoss),
    computed({ part: 'loss_penalty', kind: 'compensation', clause: '7' }, f.numbers, ['directLoss'], (v) => percentOf(v.directLoss, 20)),
  ],

  grade_below_contract: (f) => [
    computed({ part: 'price_difference', kind: 'refund', clause: '8' }, f.numbers, ['priceDifference'], (v) => v.priceDifference),
    computed({ part: 'same_again', kind: 'compensation', clause: '8' }, f.numbers, ['priceDifference'], (v) => v.priceDifference),
  ],

  guide_below_standard: (f, choice) => [
    computed({ part: 'guide_penalty', kind: 'compensation', clause: '9' }, f.numbers, ['fee'], (v) => percentOf(v.fee, choice.guidePercent)),
  ],

  itinerary_cut: (f) => [
    computed({ part: 'missed_items', kind: 'refund', clause: '10(1)' }, f.numbers, ['missedItemsCost'], (v) => v.missedItemsCost),
    computed({ part: 'same_again', kind: 'compensation', clause: '10(1)' }, f.numbers, ['missedItemsCost'], (v) => v.missedItemsCost),
    computed({ part: 'unticketed_attractions', kind: 'compensation', clause: '10(1)' }, f.numbers, ['fee', 'unticketedAttractions'],
      (v) => percentOf(v.fee, 5) * v.unticketedAttractions),
  ],

  unsigned_paid_extras: (f) => [computed({ part: 'extras_cost', kind: 'reimbursement', clause: '10(2)' }, f.numbers, ['extrasCost'], (v) => v.extrasCost)],

  extra_shopping: (f) => [
    computed({ part: 'extra_shopping_penalty', kind: 'compensation', clause: '10(3)' }, f.numbers, ['fee', 'occurrences'],
      (v) => percentOf(v.fee, 10) * v.occurrences),
  ],

  forced_shopping: (f) => [
    computed({ part: 'forced_shopping_penalty', kind: 'compensation', clause: '10(4)' }, f.numbers, ['fee', 'occurrences'],
      (v) => percentOf(v.fee, 20) * v.occurrences),
  ],

  counterfeit_goods: (f) => [computed({ part: 'goods_loss', kind: 'reimbursement', clause: '10(5)' }, f.numbers, ['purchasePrice'], (v) => v.purchasePrice)],

  private_selling: (f) => [computed({ part: 'purchase_refund', kind: 'refund', clause: '10(6)' }, f.numbers, ['purchasePrice'], (v) => v.purchasePrice)],

  services_suspended: (f, choice) => {
    const parts = [
      computed({ part: 'suspended_costs', kind: 'reimbursement', clause: '11' }, f.numbers, ['suspendedCosts'], (v) => v.suspendedCosts),
      computed({ part: 'suspension_penalty', kind: 'compensation', clause: '11' }, f.numbers, ['fee'], (v) => percentOf(v.fee, 30)),
    ];
    if (!f.stranded) return parts;
    const stranding = computed({ part: 'stranding', kind: 'compensation', clause: 'tourism-law-70' }, f.numbers, ['fee'],
      (v) => percentOf(v.fee, 100 * choice.strandingMultiple));
    return [...parts, { ...stranding, uses: [...stranding.uses, 'stranded'] }];
  },
};

/** The parts the standard (and the Tourism Law) give for these facts; `choice` picks within ranges. */
export const statutoryParts = (facts: CaseFacts, choice: RangeChoice): FloorPart[] => standard[facts.situation](facts, choice);
