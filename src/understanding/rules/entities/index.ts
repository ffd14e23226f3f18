import type { Entities, UnderstandOptions } from '../../../ports/understanding.ts';
import { takeTourCodes, takeOrderNumbers } from './codes.ts';
import { takeDates } from './dates.ts';
import { takeIdNumbers } from './ids.ts';
import { Masked } from './mask.ts';
import { takeAmounts } from './money.ts';
import { takePeople } from './people.ts';
import { takePhones } from './phones.ts';

/**
 * Entities of folded text. The order matters: ID numbers first (so they are
 * never also an order number or a phone), then labelled codes, phones, dates,
 * money and head counts, each blanking what it took.
 */
export function extractEntities(folded: string, options: UnderstandOptions): Entities {
  const m = new Masked(folded);
  const idNumbers = takeIdNumbers(m);
  const orderNumbers = takeOrderNumbers(m);
  const tourCodes = takeTourCodes(m);
  const phones = takePhones(m);
  const dates = takeDates(m, options.now, options.timeZone);
  const amounts = takeAmounts(m);
  const people = takePeople(m);
  return { tourCodes, orderNumbers, dates, amounts, people, phones, idNumbers };
}
