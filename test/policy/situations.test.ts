import { describe, expect, it } from 'vitest';
import { situationOfCategory, situationOfProblem, situations } from '../../src/policy/situations.ts';
import { categories, problems } from '../../src/taxonomy.ts';
import { policyWith } from './helpers.ts';

describe('situations of a complaint', () => {
  const policy = policyWith();

  it('follow the problems told, each once, in order', () => {
    expect(policy.situationsOf('shopping', ['extra_shopping_stop', 'room_dirty', 'extra_shopping_stop'])).toEqual(['extra_shopping', 'grade_below_contract']);
    // Forced shopping and extra stops claim the same stops: the clause that gives the traveller more stands alone.
    expect(policy.situationsOf('shopping', ['extra_shopping_stop', 'forced_shopping'])).toEqual(['forced_shopping']);
    expect(policy.situationsOf('accommodation', ['room_dirty', 'no_hot_water'])).toEqual(['grade_below_contract']);
    expect(policy.situationsOf('guide', ['group_abandoned'])).toEqual(['services_suspended']);
    expect(policy.situationsOf('booking', ['departure_cancelled'])).toEqual(['cancelled_by_agency']);
  });

  it('fall back to the category when no finer problem was told', () => {
    expect(policy.situationsOf('itinerary', [])).toEqual(['itinerary_cut']);
    expect(policy.situationsOf('booking', [])).toEqual([]);
  });

  it('are none for problems no clause covers, even in a category that has a fallback', () => {
    expect(policy.situationsOf('transport', ['breakdown', 'delay'])).toEqual([]);
    expect(policy.situationsOf('transport', ['breakdown', 'missed_connection'])).toEqual(['missed_transport']);
  });

  it('are none where a person must judge, and never force majeure by label', () => {
    expect(policy.situationsOf('safety', ['injury'])).toEqual([]);
    expect(policy.situationsOf('other', ['suggestion'])).toEqual([]);
    expect(Object.values(situationOfProblem)).not.toContain('force_majeure');
  });

  it('map only known problems and categories to known situations', () => {
    const known = new Set<string>(Object.values(problems).flat());
    for (const [problem, situation] of Object.entries(situationOfProblem)) {
      expect(known.has(problem), problem).toBe(true);
      expect(situations).toContain(situation);
    }
    for (const category of Object.keys(situationOfCategory)) expect(categories).toContain(category);
  });

  it('cover every situation but force majeure from some problem', () => {
    const reached = new Set(Object.values(situationOfProblem));
    expect(situations.filter((s) => !reached.has(s))).toEqual(['force_majeure']);
  });
});
