import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deskLevels } from '../../src/ports/escalation-desk.ts';
import { channels } from '../../src/conversation/messages.ts';
import { offerKinds } from '../../src/policy/parts.ts';
import { categories, flags, locales, problems, severities } from '../../src/taxonomy.ts';
import { crisisChecklist } from '../../src/incidents/views.ts';
import { incidentTypes } from '../../src/ports/incident-register.ts';
import { clauseIds } from '../../src/policy/clause-ids.ts';
import { surveyQuestions } from '../../src/ports/survey-store.ts';

const publicDir = new URL('../../src/console/public/', import.meta.url);
const catalogue = (locale: string) => JSON.parse(readFileSync(new URL(`../../locales/console/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const catalogues = Object.fromEntries(locales.map((l) => [l, catalogue(l)]));
const en = catalogues.en!;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const source = (ext: string) => readdirSync(publicDir).filter((f) => f.endsWith(ext)).map((f) => readFileSync(new URL(f, publicDir), 'utf8')).join('\n');

/** Labels the console looks up by group and id (`label('category', id)`), so no literal key shows them. */
const labelled: Record<string, readonly string[]> = {
  category: categories,
  problem: Object.values(problems).flat(),
  severity: severities,
  flag: flags,
  reason: ['asked_for_person', 'safety', 'external_threat', 'not_satisfied', 'remedy_refused', 'approval'],
  level: deskLevels,
  status: ['waiting', 'claimed', 'closed', 'handed_back'],
  channel: channels,
  role: ['agent', 'supervisor', 'executive', 'admin', 'partner'],
  from: ['traveller', 'bot', 'staff'],
  kind: offerKinds,
  resolution: ['remedy_given', 'explained', 'apology_only', 'referred', 'unfounded', 'withdrawn'],
  party: ['agency_staff', 'guide', 'supplier', 'ground_operator', 'none'],
  incidentType: incidentTypes,
  incidentKind: ['report', 'group'],
  checklist: crisisChecklist,
  // Each listed in full, with the unions it comes from, in console-wording.test.ts.
  caseStatus: ['open', 'handed_off', 'pending_approval', 'resolved'],
  attachment: ['image', 'voice', 'video', 'file', 'location', 'sticker'],
  wants: ['compensation', 'fix', 'apology'],
  language: locales,
  clause: clauseIds,
  surveyPart: surveyQuestions,
};

describe('the console strings', () => {
  it.each(locales)('%s has the same keys and placeholders as en, and no empty string', (locale) => {
    const strings = catalogues[locale]!;
    expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(strings)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(en[key]!));
    }
  });

  it('has every key the page and its scripts use', () => {
    const js = source('.js');
    const used = [
      ...[...js.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!),
      ...[...source('.html').matchAll(/data-i18n="([\w.]+)"/g)].map((m) => m[1]!),
    ];
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((key) => !(key in en))).toEqual([]);
    // Every group looked up with label() is one this test lists, so the next test covers it.
    const groups = new Set([...js.matchAll(/\blabels?\('(\w+)'/g)].map((m) => m[1]!));
    expect([...groups].filter((g) => !(g in labelled))).toEqual([]);
  });

  it('labels every category, severity, flag, reason, level, status, channel, role, remedy kind, resolution, party, incident type and kind, checklist item, case status, attachment, wish, language, clause and survey question', () => {
    const missing = Object.entries(labelled).flatMap(([group, ids]) => ids.map((id) => `${group}.${id}`)).filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });
});

describe('the console scripts', () => {
  it('never parse data as HTML or code', () => {
    const risky = /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/;
    const offenders = readdirSync(publicDir).filter((f) => risky.test(readFileSync(new URL(f, publicDir), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('write nothing to the console and set no inline handlers or styles', () => {
    expect(source('.js')).not.toMatch(/\bconsole\.\w+\(/);
    expect(source('.html')).not.toMatch(/\son\w+=|\sstyle=|<script(?![^>]*\bsrc=)/);
  });
});
