import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgencyPolicy } from '../../src/policy/agency-policy.ts';
import { defaultPolicyPath, loadPolicy, parsePolicy, PolicyError } from '../../src/policy/policy-file.ts';
import { defaultSettings } from './helpers.ts';

const defaultText = await readFile(defaultPolicyPath, 'utf8');
const edited = (from: string | RegExp, to: string) => {
  const text = defaultText.replace(from, to);
  if (text === defaultText) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return text;
};
const errorOf = (text: string): string => {
  try {
    parsePolicy(text, 'agency.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyError);
    return (e as Error).message;
  }
  throw new Error('the policy was accepted');
};

describe('the policy file', () => {
  it('ships a default that loads, with the values it documents', async () => {
    const policy = await loadPolicy();
    expect(policy.currency).toBe('CNY');
    expect(policy.version).toMatch(/^2026\.1\+[0-9a-f]{8}$/);
    expect(defaultSettings).toMatchObject({
      schedule: 'standard-2011',
      rounding: { step: 1, mode: 'up' },
      ranges: { guidePercent: 3, strandingMultiple: 1 },
      goodwill: { voucher: 100, managerCall: true },
      authority: { bot: 500, guide: 1000, agent: 5000, supervisor: 50_000 },
      smallClaimThreshold: 200,
      groupIncentives: [{ withinHours: 24, percent: 10 }, { withinHours: 72, percent: 5 }],
      responseMinutes: { critical: 10, high: 30, medium: 120, low: 1440 },
      resolutionHours: { critical: 24, high: 72, medium: 168, low: 336 },
    });
  });

  it('versions the settings, not the layout: comments do not change it, values do', () => {
    const version = (text: string) => new AgencyPolicy(parsePolicy(text, 'p.yaml')).version;
    expect(version(`# a new comment\n${defaultText}`)).toBe(version(defaultText));
    expect(version(edited('voucher: 100', 'voucher: 150'))).not.toBe(version(defaultText));
    expect(version(edited('version: "2026.1"', 'version: "2026.2"'))).toMatch(/^2026\.2\+/);
  });

  it('may be JSON', () => {
    expect(new AgencyPolicy(parsePolicy(JSON.stringify(defaultSettings), 'p.json')).version)
      .toBe(new AgencyPolicy(defaultSettings).version);
  });

  it.each([
    ['version', edited('version: "2026.1"', 'version: ""'), 'version: must not be empty'],
    ['currency', edited('currency: CNY', 'currency: yuan'), 'currency: must be an ISO 4217 code'],
    ['schedule', edited('schedule: standard-2011', 'schedule: 2014'), 'schedule: Invalid option'],
    ['rounding step', edited('step: 1', 'step: 0.001'), 'rounding.step: must be at least 0.01'],
    ['rounding mode', edited('mode: up', 'mode: sideways'), 'rounding.mode: Invalid option'],
    ['uplift on a refund-only clause', edited('"5": 20', '"6": 20'), 'uplifts: Unrecognized key: "6"'],
    ['negative uplift', edited('"5": 20', '"5": -5'), 'uplifts.5: must not be negative'],
    ['guide percent outside 1–5', edited('guidePercent: 3', 'guidePercent: 6'), 'ranges.guidePercent: must be between 1 and 5'],
    ['stranding multiple outside 1–3', edited('strandingMultiple: 1', 'strandingMultiple: 0.5'), 'ranges.strandingMultiple: must be between 1 and 3'],
    ['voucher', edited('voucher: 100', 'voucher: -1'), 'goodwill.voucher: must not be negative'],
    ['manager call', edited('managerCall: true', 'managerCall: sometimes'), 'goodwill.managerCall'],
    ['authority out of order', edited('agent: 5000', 'agent: 900'), "authority.agent: must be at least the guide's limit (1000)"],
    ['authority for the executive', edited('supervisor: 50000', 'supervisor: 50000\n  executive: 1'), 'authority: Unrecognized key: "executive"'],
    ['small-claim threshold missing', edited(/^smallClaimThreshold.*$/m, ''), 'smallClaimThreshold'],
    ['tier windows out of order', edited('withinHours: 72', 'withinHours: 12'), 'groupIncentives.1.withinHours: must be later than the tier before'],
    ['later tier paying more', edited('percent: 5', 'percent: 15'), 'groupIncentives.1.percent: must not exceed the tier before'],
    ['reply minutes', edited('critical: 10', 'critical: 0'), 'responseMinutes.critical: must be at least 1'],
    ['resolution hours', edited('critical: 24', 'critical: 1.5'), 'resolutionHours.critical: must be a whole number of hours'],
    ['an unknown field', `${defaultText}\nbonus: 5\n`, '(top level): Unrecognized key: "bonus"'],
  ])('names the bad field: %s', (_name, text, message) => {
    expect(errorOf(text)).toContain(message);
  });

  it('reports text that is not YAML, and names the file', () => {
    expect(errorOf('rounding: [unclosed')).toMatch(/^Policy file agency\.yaml is not valid YAML/);
    expect(errorOf('just a string')).toMatch(/^Invalid policy file agency\.yaml:\n {2}\(top level\)/);
  });

  it('loads a file from a path, and says when it cannot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tripcare-policy-'));
    const path = join(dir, 'agency.yaml');
    await writeFile(path, defaultText.replace('voucher: 100', 'voucher: 50'));
    expect((await loadPolicy(path)).goodwill().offer).toBe(50);
    await expect(loadPolicy(join(dir, 'absent.yaml'))).rejects.toThrow(/^Cannot read policy file .*absent\.yaml/);
  });
});
