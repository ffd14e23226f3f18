import type { Entities, UnderstandOptions } from '../../../ports/understanding.ts';
import { takeCaseNumbers, takeOrderNumbers, takeTourCodes } from './codes.ts';
import { takeDates } from './dates.ts';
import { takeIdNumbers } from './ids.ts';
import { Masked } from './mask.ts';
import { takeAmounts } from './money.ts';
import { takePeople } from './people.ts';
import { takePhones } from './phones.ts';
import { countriesIn } from './places.ts';
import { takeFigures } from './figures.ts';
import { withoutDenied } from '../corrections.ts';

/**
 * Entities of folded text, leaving out what it denies. The order matters: ID numbers first (so they are
 * never also an order number or a phone), then our case numbers, labelled codes,
 * phones, dates, money and head counts, each blanking what it took.
 */
export function extractEntities(text: string, options: UnderstandOptions): Entities {
  // "不是5号，是15号": only what is affirmed is a fact.
  const folded = withoutDenied(text);
  const countries = countriesIn(folded);
  const figures = takeFigures(folded, countries.includes('JP'));
  const m = new Masked(folded);
  const idNumbers = takeIdNumbers(m);
  const caseNumbers = takeCaseNumbers(m);
  const orderNumbers = takeOrderNumbers(m);
  const tourCodes = takeTourCodes(m);
  const phones = takePhones(m);
  const dates = takeDates(m, options.now, options.timeZone);
  const amounts = takeAmounts(m);
  const people = takePeople(m);
  return { caseNumbers, tourCodes, orderNumbers, dates, amounts, people, phones, idNumbers, countries, figures };
}
