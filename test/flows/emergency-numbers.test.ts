import { describe, expect, it } from 'vitest';
import { emergencyNumbers } from '../../flows/safety/emergency-numbers.ts';
import { catalogues } from '../../src/i18n/render.ts';
import { placeCountries } from '../../src/understanding/rules/entities/places.ts';
import { locales } from '../../src/taxonomy.ts';

describe('emergency numbers', () => {
  it('are known, and named in every locale, for every country whose places are read', () => {
    for (const country of placeCountries) {
      expect(emergencyNumbers[country], country).toMatchObject({ police: expect.stringMatching(/^\d{3,4}$/), ambulance: expect.stringMatching(/^\d{3,4}$/) });
      for (const locale of locales) expect(catalogues[locale][`country.${country}` as keyof (typeof catalogues)['en']], `${locale} ${country}`).toBeTruthy();
    }
    expect(Object.keys(emergencyNumbers).sort()).toEqual([...placeCountries].sort());
  });
});
