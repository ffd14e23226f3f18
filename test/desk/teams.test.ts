import { describe, expect, it } from 'vitest';
import { loadTeams, parseTeams, TeamsError } from '../../src/desk/teams.ts';
import type { Routable } from '../../src/desk/teams.ts';

const teams = await loadTeams();
const base: Routable = { category: 'accommodation', severity: 'medium', flags: [], reason: 'asked_for_person' };

describe('desk teams and routing', () => {
  it.each<[string, Partial<Routable>, string]>([
    ['a lawyer, court or media threat goes to legal', { flags: ['threatens_external'], category: 'guide' }, 'legal'],
    ['personal data goes to legal', { category: 'privacy' }, 'legal'],
    ['someone hurt goes to operations', { category: 'safety', severity: 'critical', reason: 'safety' }, 'operations'],
    ['anything critical goes to operations', { severity: 'critical' }, 'operations'],
    ['a rude guide goes to guide management', { category: 'guide' }, 'guide_management'],
    ['forced shopping goes to guide management', { category: 'shopping' }, 'guide_management'],
    ['an amount to approve goes to finance', { reason: 'approval' }, 'finance'],
    ['hidden fees go to finance', { category: 'charges' }, 'finance'],
    ['the rest goes to customer service', {}, 'customer_service'],
  ])('%s', (_name, change, team) => {
    expect(teams.route({ ...base, ...change })).toBe(team);
  });

  it('introduces legal\'s handlers as complaint officers, everyone else as colleagues', () => {
    expect(teams.introducedAs('legal')).toBe('complaint_officer');
    expect(teams.introducedAs('customer_service')).toBe('colleague');
    expect(teams.introducedAs('no_such_team')).toBe('colleague');
  });

  it('names every problem in a bad file', () => {
    const bad = `teams:\n  - id: Sales Team\n    name: { en: Sales }\n    introducedAs: lawyer\nroutes:\n  - team: ghost\n    categories: [spaceships]\nfallback: nobody\n`;
    let message = '';
    try {
      parseTeams(bad, 'teams.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(TeamsError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Invalid teams file teams\.yaml:/);
    for (const field of ['teams.0.id', 'teams.0.name', 'teams.0.introducedAs', 'routes.0.categories.0']) expect(message).toContain(field);
  });

  it('refuses routes to teams that do not exist', () => {
    const text = `teams:\n  - id: care\n    name: { en: Care, zh-CN: 客服, zh-TW: 客服 }\n    introducedAs: colleague\nroutes:\n  - team: ghost\nfallback: nobody\n`;
    expect(() => parseTeams(text, 't.yaml')).toThrow(/routes\.0\.team: no team "ghost"[\s\S]*fallback: no team "nobody"/);
  });

  it('says when the file cannot be read', async () => {
    await expect(loadTeams('/no/such/teams.yaml')).rejects.toThrow(/^Cannot read teams file \/no\/such\/teams\.yaml/);
  });
});
